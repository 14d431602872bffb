#!/usr/bin/env bash
# A 41-value parameter sweep of a 200 x 200 map: one `map --param` command against 41 separate
# `map` runs of the same formula with the value typed in. Prints wall seconds of each side, the
# sum of the runs' own compile/descent/summary seconds (from their JSON), and the ratios.
# Usage: benchmarks/param-sweep.sh [OUT_DIR] [GRID] [VALUES]   (defaults: /tmp/basinmap-sweep 200 41)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/basinmap-sweep}
GRID=${2:-200}
K=${3:-41}
FORMULA='x^4 - a*x^2 + y^2'
COMMON=(--box -2,2 --grid "$GRID" --quiet)
rm -rf "$OUT" && mkdir -p "$OUT"

t0=$(date +%s.%N)
node bin/basinmap.js map "$FORMULA" "${COMMON[@]}" --param "a=-1:1:$K" --out "$OUT/sweep" > "$OUT/sweep.txt"
t1=$(date +%s.%N)
for i in $(seq 0 $((K - 1))); do
  # The same values as --param a=-1:1:K (numpy linspace), typed into the formula.
  a=$(node -e "const k=$K,i=$i; console.log(String(k === 1 ? -1 : -1 + (2 * i) / (k - 1)))")
  node bin/basinmap.js map "x^4 - ($a)*x^2 + y^2" "${COMMON[@]}" --out "$OUT/run-$i" > /dev/null
done
t2=$(date +%s.%N)

node - "$OUT" "$K" "$t0" "$t1" "$t2" <<'JS'
const fs = require('node:fs');
const [out, K, t0, t1, t2] = process.argv.slice(2);
const sweep = JSON.parse(fs.readFileSync(`${out}/sweep/continuation.json`, 'utf8')).seconds;
const runs = Array.from({ length: Number(K) }, (_, i) => JSON.parse(fs.readFileSync(`${out}/run-${i}/summary.json`, 'utf8')).seconds);
const sum = (k) => runs.reduce((s, r) => s + r[k], 0);
const wall = { sweep: t1 - t0, runs: t2 - t1 };
const inside = { sweep: sweep.compile + sweep.descent + sweep.summary, runs: sum('compile') + sum('descent') + sum('summary') };
console.log(JSON.stringify({ values: Number(K), wall, inside, sweep, runs: { compile: sum('compile'), descent: sum('descent'), summary: sum('summary') },
  ratio: { wall: wall.runs / wall.sweep, inside: inside.runs / inside.sweep, descent: sum('descent') / sweep.descent } }, null, 2));
JS
