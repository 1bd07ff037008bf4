#!/usr/bin/env bash
# Runs every test of restlint. Installs what the tests need first, so it passes by itself on a
# fresh machine with the Rust toolchain (and python3 for the conformance check in .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets --no-fail-fast
