#!/usr/bin/env bash
# restlint benchmark: restlint against oxlint (its rest/spread rules), Biome (its spread rules)
# and the oxc floor (parse only; parse + semantic) on a corpus of published npm packages.
#
#   usage: benches/compare.sh [--corpus large|small|DIR] [--rounds N] [--threads N]
#                             [--biome-rounds N] [--no-build] [--out DIR]
#
#   --corpus        which corpus (default large): `large`/`small` are built by
#                   shared/bench/corpus.sh under $CORPUS_ROOT; any other value is a folder
#   --rounds        rounds of the main comparison (default 10); every round runs every tool
#                   once, in an order that rotates from round to round
#   --threads       worker threads for every tool (default 2)
#   --biome-rounds  rounds for Biome, run after the main comparison (default 1; 0 = do not
#                   run it and show the figure quoted in issue 7, marked as quoted)
#   --no-build      do not rebuild restlint and the floor
#   --out           where the results go (default benches/results)
#   env: CORPUS_ROOT (default ${TMPDIR:-/tmp}/restlint-corpus), PEERS_DIR (default
#        ${TMPDIR:-/tmp}/restlint-peers), BENCH_DIR (default ${TMPDIR:-/tmp}/restlint-bench),
#        SHARED_BENCH (default: the `shared/bench` folder beside the repository or one of its
#        parents)
#
# What it does:
#   1. installs what it needs (hyperfine, jq and GNU time from Debian's packages, npm for the peer
#      linters), builds restlint (release), the floor (shared/bench/floor, into target/floor),
#      the corpus (shared/bench/corpus.sh) and the peers (shared/bench/peers.sh install);
#   2. makes one file list: every JS/TS file of the corpus except declaration files (.d.ts,
#      .d.mts, .d.cts), as a tree of hard links, so every tool lints exactly the same files
#      (each tool's own file count is checked against it); plus a 4x tree (four copies, hard
#      links) and one file of about 2 KB;
#   3. runs restlint (default rules), restlint (every rule on), oxlint (spread rules), the
#      floor parse-only and the floor parse+semantic passes (full, and without the
#      control-flow graph), alternating, for N rounds; wall time from the shell's clock, peak
#      memory from GNU time's maximum resident set size;
#   4. then restlint with 1 and 2 threads (alternating), restlint on the 1x and 4x trees
#      (alternating), Biome, the 2 KB file with hyperfine, and `--cache` (a first run without
#      a cache file, then a second run over the unchanged files);
#   5. prints medians, paired ratios (the median over rounds of the per-round ratio) and
#      ratios of medians, peak memory, and writes a Markdown table, the raw numbers (TSV) and
#      an SVG bar chart of wall times to the output folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${TMPDIR:-/tmp}"
CORPUS=large
ROUNDS=10
THREADS=2
BIOME_ROUNDS=1
BUILD=1
OUT="$ROOT/benches/results"

while (($#)); do
  case "$1" in
    --corpus) CORPUS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --biome-rounds) BIOME_ROUNDS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*" >&2; }
die() { echo "compare.sh: $*" >&2; exit 1; }

# ---------------------------------------------------------------- 1. tools and builds
find_shared() {
  local d="$ROOT"
  while [[ "$d" != / ]]; do
    d="$(dirname "$d")"
    if [[ -f "$d/shared/bench/corpus.sh" ]]; then echo "$d/shared/bench"; return; fi
  done
}
SHARED="${SHARED_BENCH:-$(find_shared)}"
[[ -n "$SHARED" && -f "$SHARED/corpus.sh" ]] || die "cannot find shared/bench (beside the repository); set SHARED_BENCH"

apt_install() { # apt_install PACKAGE...
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  command -v apt-get >/dev/null || die "need $*: install it (no apt-get here)"
  say "installing $* (apt-get)"
  "${sudo[@]}" apt-get install -y "$@" >/dev/null 2>&1 ||
    { "${sudo[@]}" apt-get update >/dev/null && "${sudo[@]}" apt-get install -y "$@" >/dev/null; }
}
command -v hyperfine >/dev/null || apt_install hyperfine
command -v jq >/dev/null || apt_install jq
[[ -x /usr/bin/time ]] || apt_install time
command -v npm >/dev/null || apt_install nodejs npm
command -v cargo >/dev/null || die "need cargo (Rust, https://rustup.rs) to build restlint"

TARGET="$ROOT/target"
if ((BUILD)); then
  say "building restlint (release) and the floor"
  (cd "$ROOT" && cargo build --release --locked --quiet)
  cargo build --release --locked --quiet --manifest-path "$SHARED/floor/Cargo.toml" --target-dir "$TARGET/floor"
fi
RL="$TARGET/release/restlint"
FLOOR="$TARGET/floor/release/floor"
[[ -x "$RL" && -x "$FLOOR" ]] || die "restlint or the floor is not built (run without --no-build)"

CORPUS_ROOT="${CORPUS_ROOT:-$BASE/restlint-corpus}"
case "$CORPUS" in
  large | small)
    say "corpus ($CORPUS_ROOT)"
    bash "$SHARED/corpus.sh" "$CORPUS_ROOT" >/dev/null
    SRC="$CORPUS_ROOT/$CORPUS"
    ;;
  *) SRC="$(cd "$CORPUS" && pwd)"; CORPUS="$(basename "$SRC")" ;;
esac

say "peer linters"
export PEERS_DIR="${PEERS_DIR:-$BASE/restlint-peers}"
bash "$SHARED/peers.sh" install >/dev/null
declare -A PEER
while IFS=$'\t' read -r name cmd; do PEER[$name]="$cmd"; done < <(bash "$SHARED/peers.sh" cmds)
[[ -n "${PEER[oxlint-spread]:-}" && -n "${PEER[biome-spread]:-}" ]] || die "peers.sh cmds gave no oxlint-spread / biome-spread"
# "… ." -> "… --threads=N ."
OXLINT_CMD="${PEER[oxlint-spread]% .} --threads=$THREADS ."
BIOME_CMD="${PEER[biome-spread]}"

# ---------------------------------------------------------------- 2. the file list
BENCH="${BENCH_DIR:-$BASE/restlint-bench}/$CORPUS"
mkdir -p "$BENCH"
LIST="$BENCH/files.txt"
(cd "$SRC" && find . -type f -regextype posix-extended -regex '.*\.(js|mjs|cjs|jsx|ts|tsx|mts|cts)' \
  ! -name '*.d.ts' ! -name '*.d.mts' ! -name '*.d.cts' ! -name '*.d.*.ts' -printf '%P\n' | LC_ALL=C sort) >"$LIST.new"
if ! cmp -s "$LIST.new" "$LIST" || [[ ! -d "$BENCH/1x" || ! -d "$BENCH/4x" ]]; then
  say "file tree (hard links) in $BENCH"
  rm -rf "$BENCH/1x" "$BENCH/4x" "$BENCH/single"
  mkdir -p "$BENCH/1x"
  (cd "$SRC" && while IFS= read -r f; do
    mkdir -p "$BENCH/1x/${f%/*}" 2>/dev/null || true
    ln "$f" "$BENCH/1x/$f" 2>/dev/null || cp "$f" "$BENCH/1x/$f"
  done) <"$LIST.new"
  mkdir -p "$BENCH/4x"
  for i in 1 2 3 4; do cp -al "$BENCH/1x" "$BENCH/4x/copy$i" 2>/dev/null || cp -a "$BENCH/1x" "$BENCH/4x/copy$i"; done
  mv "$LIST.new" "$LIST"
else
  rm -f "$LIST.new"
fi
NFILES=$(wc -l <"$LIST")
BYTES=$(cd "$BENCH/1x" && find . -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')

# The 2 KB file: the .js file closest to 2048 bytes that has a spread (ties: by name).
if [[ ! -f "$BENCH/single/.chosen" ]]; then
  mkdir -p "$BENCH/single"
  pick=$(cd "$BENCH/1x" && find . -type f -name '*.js' -size -2600c -size +1500c -printf '%s\t%P\n' |
    while IFS=$'\t' read -r s p; do
      if grep -q '\.\.\.' "$p"; then printf '%d\t%s\n' $(((s - 2048) * (s - 2048))) "$p"; fi
    done | LC_ALL=C sort -n -k1,1 -k2,2 | awk -F'\t' 'NR == 1 { print $2 }')
  [[ -n "$pick" ]] || die "no JS file of about 2 KB with a spread in the corpus"
  cp "$BENCH/1x/$pick" "$BENCH/single/file.js"
  echo "$pick" >"$BENCH/single/.chosen"
fi
SINGLE_BYTES=$(stat -c %s "$BENCH/single/file.js")

# restlint configurations: defaults, and every category on (so rules added later count too)
echo '{}' >"$BENCH/restlint.default.json"
echo '{ "categories": { "correctness": "error", "suspicious": "warn", "perf": "warn", "style": "warn" } }' >"$BENCH/restlint.all.json"

# ---------------------------------------------------------------- 3. measuring
RAW="$BENCH/raw.tsv"
: >"$RAW"

# run_one SECTION ROUND NAME DIR CMD...: one timed run, appended to $RAW
run_one() {
  local section="$1" round="$2" name="$3" dir="$4" t0 t1 rc=0 mem
  shift 4
  t0=$EPOCHREALTIME
  (cd "$dir" && exec /usr/bin/time -f '%M' -o "$BENCH/.mem" "$@" >/dev/null 2>"$BENCH/.err") || rc=$?
  t1=$EPOCHREALTIME
  mem=$(tail -1 "$BENCH/.mem")
  if ((rc > 1)); then
    echo "warning: $name exited with $rc: $(grep -v '^Command exited' "$BENCH/.err" | tail -3)" >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$section" "$round" "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')" "$mem" >>"$RAW"
}

# rounds SECTION N NAME...: alternate the named commands (from CMDS/DIRS) for N rounds,
# rotating the order every round
declare -A CMDS DIRS
rounds() {
  local section="$1" n="$2" r i k
  shift 2
  local names=("$@") m=$#
  for ((r = 1; r <= n; r++)); do
    printf '  round %d/%d\r' "$r" "$n" >&2
    for ((i = 0; i < m; i++)); do
      k=${names[$(((i + r) % m))]}
      # shellcheck disable=SC2086
      run_one "$section" "$r" "$k" "${DIRS[$k]}" ${CMDS[$k]}
    done
  done
  echo >&2
}

T1X="$BENCH/1x"
CMDS[restlint]="$RL --threads $THREADS --config $BENCH/restlint.default.json ."
CMDS[restlint-all]="$RL --threads $THREADS --config $BENCH/restlint.all.json ."
CMDS[oxlint]="$OXLINT_CMD"
CMDS[floor-parse]="$FLOOR --threads $THREADS ."
CMDS[floor-semantic]="$FLOOR --semantic --threads $THREADS ."
CMDS[floor-semantic-nocfg]="$FLOOR --semantic-scoping --threads $THREADS ."
CMDS[restlint-1t]="$RL --threads 1 --config $BENCH/restlint.default.json ."
CMDS[restlint-4x]="$RL --threads $THREADS --config $BENCH/restlint.default.json ."
CMDS[biome]="$BIOME_CMD"
for k in "${!CMDS[@]}"; do DIRS[$k]="$T1X"; done
DIRS[restlint-4x]="$BENCH/4x"

# Every tool must see the same files: check each one's own count once (this is also the warm-up).
say "checking that every tool lints the same $NFILES files"
count_restlint=$(cd "$T1X" && "$RL" --threads "$THREADS" --config "$BENCH/restlint.default.json" --format json . | jq .files)
count_oxlint=$(cd "$T1X" && ${CMDS[oxlint]} 2>&1 | sed -n 's/.* on \([0-9]*\) files.*/\1/p')
count_floor=$(cd "$T1X" && ${CMDS[floor-parse]} | sed -n 's/.* files=\([0-9]*\) .*/\1/p')
count_4x=$(cd "$BENCH/4x" && "$RL" --threads "$THREADS" --config "$BENCH/restlint.default.json" --format json . | jq .files)
echo "  file list $NFILES, restlint $count_restlint, oxlint $count_oxlint, floor $count_floor, restlint 4x $count_4x (expect $((4 * NFILES)))" >&2
[[ "$count_restlint" == "$NFILES" && "$count_oxlint" == "$NFILES" && "$count_floor" == "$NFILES" && "$count_4x" == "$((4 * NFILES))" ]] ||
  die "the tools do not lint the same files"
findings_restlint=$(cd "$T1X" && "$RL" --threads "$THREADS" --config "$BENCH/restlint.default.json" --format json . | jq '.diagnostics | length')
findings_all=$(cd "$T1X" && "$RL" --threads "$THREADS" --config "$BENCH/restlint.all.json" --format json . | jq '.diagnostics | length')
rules_all=$("$RL" rules | tail -n +2 | wc -l)

MAIN=(restlint restlint-all oxlint floor-parse floor-semantic floor-semantic-nocfg)
say "main comparison: ${MAIN[*]} ($ROUNDS rounds, $THREADS threads, $NFILES files, $((BYTES / 1000000)) MB)"
rounds main "$ROUNDS" "${MAIN[@]}"
SIDE_ROUNDS=$(((ROUNDS + 1) / 2))
((SIDE_ROUNDS >= 3)) || SIDE_ROUNDS=3
say "thread scaling: restlint 1 vs $THREADS threads ($SIDE_ROUNDS rounds)"
rounds threads "$SIDE_ROUNDS" restlint-1t restlint
say "4x corpus: restlint on 1x vs 4x ($SIDE_ROUNDS rounds)"
rounds scale "$SIDE_ROUNDS" restlint restlint-4x
if ((BIOME_ROUNDS > 0)); then
  say "Biome spread rules ($BIOME_ROUNDS rounds)"
  rounds biome "$BIOME_ROUNDS" biome
fi

say "the 2 KB file ($SINGLE_BYTES bytes, $(cat "$BENCH/single/.chosen")) with hyperfine"
(cd "$BENCH/single" &&
  hyperfine -N --warmup 10 --runs 100 --style none --export-csv "$BENCH/single.csv" \
    -n restlint "$RL --threads $THREADS --config $BENCH/restlint.default.json file.js" >/dev/null 2>&1 &&
  hyperfine -N --warmup 2 --runs 10 --style none --export-csv "$BENCH/single-oxlint.csv" \
    -n oxlint "${OXLINT_CMD% .} file.js" >/dev/null 2>&1 &&
  tail -n +2 "$BENCH/single-oxlint.csv" >>"$BENCH/single.csv") || echo "warning: hyperfine failed on the 2 KB file" >&2

# --cache: a first run (no cache file) and a second one over the unchanged corpus, per round.
say "--cache: first run and second run ($SIDE_ROUNDS rounds)"
CACHE_FILE="$BENCH/restlint.cache"
for ((r = 1; r <= SIDE_ROUNDS; r++)); do
  rm -f "$CACHE_FILE"
  for k in cache-first cache-second; do
    # shellcheck disable=SC2086
    run_one cache "$r" "$k" "$T1X" $RL --threads "$THREADS" --config "$BENCH/restlint.default.json" --cache --cache-location "$CACHE_FILE" .
  done
done
rm -f "$CACHE_FILE"

# ---------------------------------------------------------------- 4. summary
median() { LC_ALL=C sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -F'\t' -v s="$1" -v n="$2" -v c="$3" '$1 == s && $3 == n { print $c }' "$RAW"; }
med_wall() { col "$1" "$2" 4 | median; }
max_mem() { col "$1" "$2" 5 | LC_ALL=C sort -g | tail -1; } # KB
# paired SECTION A B: median over rounds of wall(A)/wall(B)
paired() {
  awk -F'\t' -v s="$1" -v a="$2" -v b="$3" '$1 == s && $3 == a { A[$2] = $4 } $1 == s && $3 == b { B[$2] = $4 }
    END { for (r in A) if ((r in B) && B[r] > 0) print A[r] / B[r] }' "$RAW" | median
}
fmt2() { awk -v x="$1" 'BEGIN { printf "%.2f", x }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
verdict() { awk -v x="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == "<=") ? (x <= t) : (op == ">=") ? (x >= t) : (x < t); print ok ? "met" : "NOT met" }'; }

mkdir -p "$OUT"
MD="$OUT/$CORPUS.md"
SVG="$OUT/$CORPUS-wall.svg"
cp "$RAW" "$OUT/$CORPUS-raw.tsv"

declare -A LABEL=(
  [restlint]="restlint (default rules)" [restlint-all]="restlint (all $rules_all rules)" [oxlint]="oxlint spread rules"
  [floor-parse]="floor: parse only" [floor-semantic]="floor: parse + semantic" [floor-semantic-nocfg]="floor: parse + semantic, no CFG"
  [biome]="Biome spread rules"
)
rl=$(med_wall main restlint)
{
  echo "## Benchmark: \`$CORPUS\` corpus"
  echo
  echo "$NFILES files, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB (declaration files left out), $THREADS threads, $ROUNDS rounds alternating;"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(uname -sr);"
  echo "restlint $("$RL" --version | awk '{ print $2 }') ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), $("${OXLINT_CMD%% *}" --version 2>/dev/null | head -1 | sed 's/^Version: //; s/^/oxlint /')."
  echo "Findings on this corpus: restlint default $findings_restlint, all rules $findings_all."
  echo
  echo "| tool | median wall | vs restlint (paired) | peak memory |"
  echo "|---|---:|---:|---:|"
  for k in "${MAIN[@]}"; do
    w=$(med_wall main "$k")
    if [[ $k == restlint ]]; then p="1.00"; else p=$(fmt2 "$(paired main restlint "$k")"); fi
    echo "| ${LABEL[$k]} | $(fmt2 "$w") s | restlint = ${p}× | $(mib "$(max_mem main "$k")") MiB |"
  done
  if ((BIOME_ROUNDS > 0)); then
    echo "| ${LABEL[biome]} ($BIOME_ROUNDS run(s), after the others) | $(fmt2 "$(med_wall biome biome)") s | restlint = $(fmt2 "$(awk -v a="$rl" -v b="$(med_wall biome biome)" 'BEGIN { print a / b }')")× (medians) | $(mib "$(max_mem biome biome)") MiB |"
  elif [[ $CORPUS == large ]]; then
    echo "| Biome spread rules (**quoted** from issue 7, not measured here) | 23.8 s | — | 3.7 GiB |"
  fi
  echo
  echo "| target (issue 7) | measured | target | |"
  echo "|---|---:|---:|---|"
  r=$(paired main restlint oxlint); echo "| restlint default / oxlint spread, wall | $(fmt2 "$r") | ≤ 0.60 | $(verdict "$r" "<=" 0.6) |"
  r=$(paired main restlint floor-parse); echo "| restlint default / floor parse | $(fmt2 "$r") | ≤ 1.50 | $(verdict "$r" "<=" 1.5) |"
  r=$(paired main restlint-all floor-parse); echo "| restlint all rules / floor parse | $(fmt2 "$r") | ≤ 1.70 | $(verdict "$r" "<=" 1.7) |"
  r=$(awk -v a="$(max_mem main restlint)" -v b="$(max_mem main oxlint)" 'BEGIN { print a / b }')
  echo "| restlint peak memory / oxlint's | $(fmt2 "$r") | ≤ 0.60 | $(verdict "$r" "<=" 0.6) |"
  if [[ -s "$BENCH/single.csv" ]]; then
    ms=$(awk -F, '$1 == "restlint" { printf "%.2f", $4 * 1000 }' "$BENCH/single.csv")
    oms=$(awk -F, '$1 == "oxlint" { printf "%.2f", $4 * 1000 }' "$BENCH/single.csv")
    echo "| one ${SINGLE_BYTES}-byte file, median wall (oxlint: $oms ms) | $ms ms | < 5 ms | $(verdict "$ms" "<" 5) |"
  fi
  r=$(paired threads restlint-1t restlint); echo "| 1 → $THREADS threads speed-up | $(fmt2 "$r")× | ≥ 1.80× | $(verdict "$r" ">=" 1.8) |"
  r=$(paired scale restlint-4x restlint); echo "| 4× corpus / 1×, wall | $(fmt2 "$r") | ≤ 4.20 | $(verdict "$r" "<=" 4.2) |"
  m=$(awk -v a="$(max_mem scale restlint-4x)" -v b="$(max_mem scale restlint)" 'BEGIN { print a / b }')
  echo "| 4× corpus / 1×, peak memory ($(mib "$(max_mem scale restlint-4x)") vs $(mib "$(max_mem scale restlint)") MiB) | $(fmt2 "$m") | ≈ 1 (≤ 1.10) | $(verdict "$m" "<=" 1.1) |"
  r=$(paired cache cache-second cache-first)
  echo "| \`--cache\`: second run / first run (medians $(fmt2 "$(med_wall cache cache-second)") s / $(fmt2 "$(med_wall cache cache-first)") s) | $(fmt2 "$r") | ≤ 0.15 | $(verdict "$r" "<=" 0.15) |"
  echo
  echo "Other ratios (paired medians): restlint default / floor parse+semantic $(fmt2 "$(paired main restlint floor-semantic)"),"
  echo "/ floor parse+semantic without CFG $(fmt2 "$(paired main restlint floor-semantic-nocfg)");"
  echo "oxlint / floor parse $(fmt2 "$(paired main oxlint floor-parse)"); all rules / default $(fmt2 "$(paired main restlint-all restlint)")."
  echo "Thread scaling medians: 1 thread $(fmt2 "$(med_wall threads restlint-1t)") s, $THREADS threads $(fmt2 "$(med_wall threads restlint)") s;"
  echo "4x corpus medians: 1x $(fmt2 "$(med_wall scale restlint)") s, 4x $(fmt2 "$(med_wall scale restlint-4x)") s."
  echo
  echo "Command: \`benches/compare.sh --corpus $CORPUS --rounds $ROUNDS --threads $THREADS --biome-rounds $BIOME_ROUNDS\`"
} >"$MD"

# ---------------------------------------------------------------- 5. the SVG bar chart
{
  bars=(restlint restlint-all oxlint biome floor-parse floor-semantic)
  # the quoted Biome figure is for the large corpus only
  ((BIOME_ROUNDS > 0)) || [[ $CORPUS == large ]] || bars=(restlint restlint-all oxlint floor-parse floor-semantic)
  declare -A VAL NOTE
  for k in restlint restlint-all oxlint floor-parse floor-semantic; do VAL[$k]=$(med_wall main "$k"); NOTE[$k]=""; done
  if ((BIOME_ROUNDS > 0)); then VAL[biome]=$(med_wall biome biome); NOTE[biome]=""; else VAL[biome]=23.8; NOTE[biome]=" (quoted from issue 7, not measured here)"; fi
  max=$(for k in "${bars[@]}"; do echo "${VAL[$k]}"; done | LC_ALL=C sort -g | tail -1)
  W=980 LEFT=250 BARW=420 ROWH=34 TOP=56
  H=$((TOP + ${#bars[@]} * ROWH + 40))
  echo "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"$W\" height=\"$H\" viewBox=\"0 0 $W $H\" font-family=\"sans-serif\" font-size=\"13\">"
  echo "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
  echo "<text x=\"16\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Wall time, $CORPUS corpus ($NFILES files, $((BYTES / 1000000)) MB), $THREADS threads, median of $ROUNDS</text>"
  echo "<text x=\"16\" y=\"42\" fill=\"#555\">lower is better · benches/compare.sh · $(date -u '+%Y-%m-%d')</text>"
  i=0
  for k in "${bars[@]}"; do
    v=${VAL[$k]}
    y=$((TOP + i * ROWH))
    len=$(awk -v v="$v" -v m="$max" -v w="$BARW" 'BEGIN { printf "%.1f", (m > 0 ? v / m : 0) * w }')
    case $k in restlint*) fill="#d9480f" ;; floor*) fill="#868e96" ;; *) fill="#4263eb" ;; esac
    extra=""
    [[ -n "${NOTE[$k]}" ]] && extra=" fill-opacity=\"0.35\" stroke=\"$fill\" stroke-dasharray=\"4 3\""
    label=${LABEL[$k]}
    echo "<text x=\"$((LEFT - 8))\" y=\"$((y + 19))\" text-anchor=\"end\">$label</text>"
    echo "<rect x=\"$LEFT\" y=\"$((y + 5))\" width=\"$len\" height=\"$((ROWH - 10))\" fill=\"$fill\"$extra/>"
    echo "<text x=\"$(awk -v l="$len" -v x="$LEFT" 'BEGIN { printf "%.1f", x + l + 6 }')\" y=\"$((y + 19))\">$(fmt2 "$v") s${NOTE[$k]}</text>"
    i=$((i + 1))
  done
  echo "</svg>"
} >"$SVG"

cat "$MD"
echo
echo "wrote $MD, $SVG and $OUT/$CORPUS-raw.tsv" >&2
