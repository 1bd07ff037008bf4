#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit (pinned, from PyPI, in a
# venv under the cargo target folder). In a temporary git repo with a bad and a good file it
# runs `pre-commit try-repo <this checkout> restlint --files …`, which builds restlint through
# pre-commit itself (`cargo install --path` of a clone of this checkout's HEAD, plus any
# uncommitted changes to tracked files), and checks that:
#   - the hook fails on the bad file with restlint's message, and names neither the good file
#     nor a file of another type;
#   - a .mts file is linted (identify has no tag for it; the hook selects by extension);
#   - it passes once the files are fixed;
#   - `restlint-fix` rewrites a file with a safe fix, when this restlint has `--fix`.
# Run by tests/precommit.rs (cargo test). Exit 77: pre-commit could not be installed (skip).
#
# Build time: pre-commit's rust language runs `cargo install` in release. Compiled
# dependencies are kept in target/precommit-build (CARGO_TARGET_DIR) so that only the first
# run pays for them (try-repo clones the checkout to a new folder each time, so restlint itself
# is rebuilt), and this build is not optimised (CARGO_PROFILE_RELEASE_*): what is tested is the
# hook, not the optimiser. The build times are printed.
set -euo pipefail

PRE_COMMIT_VERSION=4.7.0
IDENTIFY_VERSION=2.6.20

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
venv="$target/tools/pre-commit-$PRE_COMMIT_VERSION"

if [[ ! -x "$venv/bin/pre-commit" ]]; then
    rm -rf "$venv"
    if ! python3 -m venv "$venv" >&2 ||
        ! "$venv/bin/pip" install --quiet --disable-pip-version-check \
            "pre-commit==$PRE_COMMIT_VERSION" "identify==$IDENTIFY_VERSION" >&2; then
        echo "precommit.sh: SKIPPED: cannot install pre-commit $PRE_COMMIT_VERSION from PyPI" >&2
        rm -rf "$venv"
        exit 77
    fi
fi
pre_commit="$venv/bin/pre-commit"
echo "using $("$pre_commit" --version)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
export CARGO_TARGET_DIR="$target/precommit-build"
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0
export CARGO_PROFILE_RELEASE_DEBUG=false
export NO_COLOR=1
# The temporary repo must not see the checkout's own git settings or hooks.
export GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=restlint GIT_AUTHOR_EMAIL=restlint@example.invalid
export GIT_COMMITTER_NAME=restlint GIT_COMMITTER_EMAIL=restlint@example.invalid

repo="$work/repo"
mkdir -p "$repo/src"
cd "$repo"
git init --quiet .
printf 'export function log(...parts, level) {\n  return [level, parts];\n}\n' > src/bad.js
printf 'export function total(...xs: number[]): number {\n  return xs.length;\n}\n' > src/good.ts
printf 'export const [...init, last] = [1, 2, 3];\n' > src/module.mts
printf 'not javascript: function f(...a, b) {}\n' > notes.txt
git add .

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# try-repo HOOK FILES...: prints pre-commit's output, returns its status.
try_repo() {
    local hook="$1"
    shift
    "$pre_commit" try-repo "$root" "$hook" --files "$@" 2>&1
}

start=$(date +%s)
set +e
out="$(try_repo restlint src/bad.js src/good.ts src/module.mts notes.txt)"
status=$?
set -e
build_seconds=$(($(date +%s) - start))
echo "$out"
echo "first try-repo (builds restlint and its dependencies through pre-commit): ${build_seconds}s"
[[ $status -ne 0 ]] || fail "the hook passed on files with a rest that is not last"
grep -q 'the rest parameter `...parts` is not last' <<<"$out" || fail "restlint's message on src/bad.js is missing"
grep -q 'src/bad.js' <<<"$out" || fail "the bad file is not named"
# identify has no tag for .mts: the hook's `files` pattern must pick it up all the same.
grep -q 'the rest element `...init` is not last' <<<"$out" || fail "the .mts file was not linted"
if grep -q 'src/good.ts\|notes.txt' <<<"$out"; then fail "the good file or a non-JS file is reported"; fi

printf 'export function log(level, ...parts) {\n  return [level, parts];\n}\n' > src/bad.js
printf 'export const [init, ...rest] = [1, 2, 3];\n' > src/module.mts
git add src
start=$(date +%s)
out="$(try_repo restlint src/bad.js src/good.ts src/module.mts notes.txt)" || fail "the hook failed once the files were fixed: $out"
echo "$out"
echo "second try-repo (rebuilds restlint only): $(($(date +%s) - start))s"
grep -q 'restlint\.*Passed' <<<"$out" || fail "pre-commit did not report the hook as passed"

# The restlint-fix hook needs a restlint with `--fix` (RESTLINT_BIN: the binary of this
# checkout, set by tests/precommit.rs) and a rule with a safe fix.
if [[ -n "${RESTLINT_BIN:-}" ]] && "$RESTLINT_BIN" --help | grep -q -- '--fix' &&
    "$RESTLINT_BIN" rules | grep -q '^prefer-object-spread .*safe'; then
    printf '{ "rules": { "prefer-object-spread": "error" } }\n' > restlint.json
    printf 'export const copy = Object.assign({}, globalThis.original);\n' > src/copy.js
    git add restlint.json src/copy.js
    set +e
    out="$(try_repo restlint-fix src/copy.js)"
    status=$?
    set -e
    echo "$out"
    # pre-commit fails a hook that modified files.
    [[ $status -ne 0 ]] || fail "restlint-fix did not report a modification"
    grep -q 'files were modified by this hook' <<<"$out" || fail "pre-commit saw no modification"
    grep -q '{ ...globalThis.original }' src/copy.js || fail "restlint-fix did not apply the safe fix: $(cat src/copy.js)"
    echo "restlint-fix: ok"
else
    echo "restlint-fix: SKIPPED (this restlint has no --fix or no safe prefer-object-spread fix yet)"
fi

echo "precommit.sh: ok (first build ${build_seconds}s)"
