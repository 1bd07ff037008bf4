#!/bin/sh
# `--fix` over a temporary copy of a corpus (default /tmp/restlint-corpus/large): every run
# finishes, every written file still parses, a second run changes nothing, a file made
# read-only is reported and intact, no temporary file is left. Numbers for
# docs/corpus/CORPUS-FINDINGS-issue5.md. Needs `cargo build --release` first.
set -u
cd "$(dirname "$0")/.."
R="$PWD/target/release/restlint"
CORPUS="${1:-/tmp/restlint-corpus/large}"
RULES="--rule prefer-rest-params=warn --rule prefer-spread=warn --rule prefer-object-spread=warn"
W=$(mktemp -d); trap 'chmod -R u+w "$W"; rm -rf "$W"' EXIT
cp -a "$CORPUS" "$W/large"; cd "$W"
RO=large/three@0.187.0/examples/jsm/generators/ForestGenerator.js
[ -f "$RO" ] || RO=$(grep -rl "Object.assign({}" large --include=*.js | sort | head -1)
chmod 444 "$RO"; md5sum "$RO" > ro.md5
echo "read-only: $RO"
sums() { (cd large && find . -type f -print0 | sort -z | xargs -0 md5sum) > "$1"; }
sums s0.md5
for step in "1 --fix" "2 --fix" "3 --fix-suggestions" "4 --fix-suggestions"; do
  set -- $step
  /usr/bin/time -f "run $1 $2: %e s, %M KB peak" "$R" $RULES "$2" --format json large > out$1.json 2> err$1.txt
  echo "exit $?"; tail -1 err$1.txt
  sums s$1.md5
  diff s$(( $1 - 1 )).md5 s$1.md5 | grep '^>' | awk '{print "large/" substr($3,3)}' > changed$1.txt
  echo "files changed by run $1: $(wc -l < changed$1.txt)"
  if [ -s changed$1.txt ]; then
    xargs -a changed$1.txt -d '\n' "$R" --format json > reparse$1.json
    python3 -c "
import json,collections
d=json.load(open('reparse$1.json'))
print('  re-lint of the changed files:', d['files'], 'files,', dict(collections.Counter(x['rule'] for x in d['diagnostics'])))"
  fi
  python3 -c "
import json,collections
d=json.load(open('out$1.json'))
print('  left:', d['summary'], dict(collections.Counter(x['rule'] for x in d['diagnostics'])))
print('  fixes withheld:', sum('was not applied' in x['message'] for x in d['diagnostics']))
for x in d['diagnostics']:
    if x['rule'] in ('io-error', 'internal-error'): print(' ', x['rule'], x['file'], x['message'])"
done
md5sum -c ro.md5 && echo "read-only file intact"
echo "temporary files left: $(find large -name '.*.restlint-*.tmp' | wc -l)"
