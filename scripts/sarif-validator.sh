#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool (pinned) from the npm registry, once, under the cargo
# target folder, and prints the folder that holds it: `Sarif.Multitool` (a self-contained
# Linux build, no .NET needed) and `sarif-2.1.0.json`, the official SARIF 2.1.0 JSON schema.
# Used by tests/sarif.rs; run it by hand to validate a log:
#   "$(scripts/sarif-validator.sh)/Sarif.Multitool" validate out.sarif --output report.sarif
set -euo pipefail

VERSION=5.7.0
PACKAGE=@microsoft/sarif-multitool-linux
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
prefix="$target/tools/sarif-multitool-$VERSION"
dir="$prefix/node_modules/$PACKAGE"

if [[ ! -x "$dir/Sarif.Multitool" || ! -f "$dir/sarif-2.1.0.json" ]]; then
    command -v npm >/dev/null || { echo "sarif-validator.sh: npm is not installed" >&2; exit 3; }
    mkdir -p "$prefix"
    # The package's own postinstall only sets the executable bit; do it here instead.
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
        "$PACKAGE@$VERSION" >&2
    chmod u+x "$dir/Sarif.Multitool"
fi
echo "$dir"
