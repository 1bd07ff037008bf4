#!/usr/bin/env bash
# Installs what tests/editors.rs drives headlessly, from Debian's packages, when missing:
# neovim (for the nvim-lint definition) and efm-langserver. Exit 77 when they are missing and
# cannot be installed (not root, or no apt-get).
set -euo pipefail
missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v efm-langserver >/dev/null || missing+=(efm-langserver)
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "editor-tools.sh: ${missing[*]} missing and cannot be installed here (needs root and apt-get)" >&2
    exit 77
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || true
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || exit 77
