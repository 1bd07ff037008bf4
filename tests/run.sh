#!/usr/bin/env bash
# Runs every test of restlint. Installs what the tests need first, so it passes by itself on a
# fresh machine with the Rust toolchain (and python3 for the conformance check in .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets --no-fail-fast

# `--fix` fault tests with injected failures (a failed write, a file changed on disk).
cargo test --features fault-injection --test fix_cli
# The `--fix-suggestions` property test over a real corpus, when there is one
# (RESTLINT_CORPUS, default /tmp/restlint-corpus/small; ../shared/bench/corpus.sh builds one).
corpus="${RESTLINT_CORPUS:-/tmp/restlint-corpus/small}"
if [ ! -d "$corpus" ] && [ -z "${RESTLINT_CORPUS:-}" ] && [ -f ../shared/bench/corpus.sh ]; then
  # Build it (published npm packages, pinned) so a fresh machine runs the test too.
  bash ../shared/bench/corpus.sh /tmp/restlint-corpus || echo "could not build the corpus"
fi
if [ -d "$corpus" ]; then
  RESTLINT_CORPUS="$corpus" cargo test --test fix_cli -- --ignored
  # The gate (src/lint/gate.rs) must not change what restlint finds on real code.
  cargo build --release --quiet
  bash scripts/gate-check.sh "$corpus"
else
  echo "skipping the --fix corpus property test and the gate check: no corpus at $corpus"
fi
