#!/usr/bin/env bash
# Checks the gate (src/lint/gate.rs) on a corpus: restlint must report exactly the same with
# the gate on and with it off (RESTLINT_GATE=off: every rule whose needles match runs on the
# semantic model), with the default rules and with every rule on.
#
#   usage: scripts/gate-check.sh DIR [RESTLINT]
#
# RESTLINT defaults to target/release/restlint (built if missing). Exit status 1 and the
# first differences when the runs differ.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: scripts/gate-check.sh DIR [RESTLINT]}"
rl="${2:-target/release/restlint}"
[ -x "$rl" ] || cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo '{ "categories": { "correctness": "error", "suspicious": "warn", "perf": "warn", "style": "warn" } }' >"$work/all.json"
status=0
for set in default all; do
  cfg=()
  [ "$set" = all ] && cfg=(--config "$work/all.json")
  # JSON output, one line per diagnostic (path, rule, position, message), sorted.
  for gate in on off; do
    RESTLINT_GATE="$gate" "$rl" "${cfg[@]}" --format json "$dir" >"$work/$set-$gate.json" || true
    python3 - "$work/$set-$gate.json" >"$work/$set-$gate.tsv" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
rows = [
    "\t".join([d["file"], d["rule"], str(d["start"]["line"]), str(d["start"]["column"]), d["message"]])
    for d in doc["diagnostics"]
]
print("\n".join(sorted(rows)))
PY
  done
  n=$(grep -c . "$work/$set-on.tsv" || true)
  if diff -q "$work/$set-on.tsv" "$work/$set-off.tsv" >/dev/null; then
    echo "gate-check ($set rules): same $n findings with the gate on and off"
  else
    echo "gate-check ($set rules): the gate changes the findings:"
    diff "$work/$set-off.tsv" "$work/$set-on.tsv" | head -20
    status=1
  fi
done
exit $status
