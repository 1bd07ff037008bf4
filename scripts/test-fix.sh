#!/bin/sh
# The --fix test suite in full: unit and snapshot tests, the CLI fault tests with the
# injected failures (feature `fault-injection`), and the property test over a real corpus.
# RESTLINT_CORPUS names the corpus folder (default /tmp/restlint-corpus/small; build one with
# shared/bench/corpus.sh).
set -eu
cd "$(dirname "$0")/.."
cargo test --lib fix::
cargo test --test fix_rules
cargo test --features fault-injection --test fix_cli
RESTLINT_CORPUS="${RESTLINT_CORPUS:-/tmp/restlint-corpus/small}" cargo test --test fix_cli -- --ignored --nocapture
