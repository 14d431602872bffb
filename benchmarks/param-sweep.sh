#!/usr/bin/env bash
# A 41-value parameter sweep of a 200 x 200 map: one `map --param` command against 41 separate
# `map` runs of the same formula with the value typed in. Prints wall seconds of each side, the
# sum of the runs' own compile/descent/summary seconds (from their JSON), and the ratios.
# Usage: benchmarks/param-sweep.sh [OUT_DIR] [GRID] [VALUES] [STRIDE]   (defaults: /tmp/basinmap-sweep 200 41 1)
# STRIDE > 1 runs only every STRIDE-th value separately (on a loaded machine 41 runs take long)
# and scales the runs' totals by VALUES / (runs made): the JSON says so ("extrapolated").
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/basinmap-sweep}
GRID=${2:-200}
K=${3:-41}
STRIDE=${4:-1}
FORMULA='x^4 - a*x^2 + y^2'
COMMON=(--box -2,2 --grid "$GRID" --quiet)
rm -rf "$OUT" && mkdir -p "$OUT"

t0=$(date +%s.%N)
node bin/basinmap.js map "$FORMULA" "${COMMON[@]}" --param "a=-1:1:$K" --out "$OUT/sweep" > "$OUT/sweep.txt"
t1=$(date +%s.%N)
for i in $(seq 0 "$STRIDE" $((K - 1))); do
  # The same values as --param a=-1:1:K (numpy linspace), typed into the formula.
  a=$(node -e "const k=$K,i=$i; console.log(String(k === 1 ? -1 : -1 + (2 * i) / (k - 1)))")
  node bin/basinmap.js map "x^4 - ($a)*x^2 + y^2" "${COMMON[@]}" --out "$OUT/run-$i" > /dev/null
done
t2=$(date +%s.%N)

node - "$OUT" "$K" "$t0" "$t1" "$t2" "$STRIDE" <<'JS'
const fs = require('node:fs');
const [out, K, t0, t1, t2, stride] = process.argv.slice(2);
const sweep = JSON.parse(fs.readFileSync(`${out}/sweep/continuation.json`, 'utf8')).seconds;
const made = Array.from({ length: Number(K) }, (_, i) => i).filter((i) => i % Number(stride) === 0);
const runs = made.map((i) => JSON.parse(fs.readFileSync(`${out}/run-${i}/summary.json`, 'utf8')).seconds);
// Totals for all K runs: measured when every run was made, else scaled from the runs made.
const scale = Number(K) / made.length;
const sum = (k) => scale * runs.reduce((s, r) => s + r[k], 0);
const wall = { sweep: t1 - t0, runs: scale * (t2 - t1) };
const inside = { sweep: sweep.compile + sweep.descent + sweep.summary, runs: sum('compile') + sum('descent') + sum('summary') };
console.log(JSON.stringify({ values: Number(K), runsMade: made.length, extrapolated: made.length < Number(K), wall, inside, sweep, runs: { compile: sum('compile'), descent: sum('descent'), summary: sum('summary') },
  ratio: { wall: wall.runs / wall.sweep, inside: inside.runs / inside.sweep, descent: sum('descent') / sweep.descent } }, null, 2));
JS
