#!/usr/bin/env bash
# Scale figure for a sweep through Slurm (benchmarks/README.md, "Sweeps on Slurm"): a 2-D map of N
# starts as K shards of a job array on a one-node Slurm started here, then its merge job; against
# single-machine runs of `map` on the same sweep options. Reports wall times and peak memory.
#
#   benchmarks/slurm-scale.sh [N] [K] [SINGLE_N ...]
#     N         starts of the sweep through Slurm (default 1e8)
#     K         shards, one array task each (default 16)
#     SINGLE_N  sizes of the single-machine runs to compare with (default: 1e7 1e8)
#   environment: WORK (default /tmp/basinmap-scale: shards, merged run and single runs; it needs
#   about 170 bytes a start of disk for the sweep and 90 for each single run, CSV),
#   CPUS_PER_TASK (default 1), EXTRA (more map options, e.g. "--format parquet").
#
# Needs root (it starts Slurm with .ci/slurm.sh, and stops it at the end, also on failure).
# The sweep is Himmelblau from uniform starts, the map defaults otherwise. Each single run is
# timed by GNU time (wall time, maximum resident set size); the merge reports its own peak
# memory (`merged ... peak memory X MiB`), and the job completion log gives its start and end.
set -euo pipefail

N="${1:-1e8}"
K="${2:-16}"
shift $(( $# > 2 ? 2 : $# ))
SINGLES=("$@")
[ ${#SINGLES[@]} -gt 0 ] || SINGLES=(1e7 1e8)
WORK="$(realpath -m "${WORK:-/tmp/basinmap-scale}")"
CPUS_PER_TASK="${CPUS_PER_TASK:-1}"
read -r -a EXTRA_ARGS <<<"${EXTRA:-}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASINMAP=(node "$HERE/bin/basinmap.js")
CLUSTER="$WORK/slurm-cluster"
count() { node -e "console.log(String(Math.round(Number(process.argv[1]))))" "$1"; }
say() { echo "slurm-scale: $*" >&2; }

if ! [ -x /usr/bin/time ]; then
  say "installing GNU time"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends time >&2
fi

rm -rf "$WORK"
mkdir -p "$WORK"
eval "$("$HERE/.ci/slurm.sh" start "$CLUSTER")"
trap '"$HERE/.ci/slurm.sh" stop "$CLUSTER"' EXIT

sweep=(himmelblau --sampler uniform --n "$(count "$N")" --quiet "${EXTRA_ARGS[@]}")
say "machine: $(nproc) CPUs, $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"

# --- The sweep through Slurm ----------------------------------------------------------------------
t0=$(date +%s.%N)
out="$("${BASINMAP[@]}" slurm map "${sweep[@]}" --shards "$K" --cpus-per-task "$CPUS_PER_TASK" --out "$WORK/sweep" --submit)"
merge_id="$(sed -n 's/.* merge job \([0-9]*\) .*/\1/p' <<<"$out")"
array_id="$(sed -n 's/^submitted job array \([0-9]*\) .*/\1/p' <<<"$out")"
say "submitted array $array_id ($K tasks) and merge $merge_id"
while :; do
  state="$(scontrol show job --oneliner "$merge_id" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')"
  case "$state" in
    COMPLETED) break ;;
    PENDING | RUNNING | COMPLETING | CONFIGURING) sleep 2 ;;
    *) say "merge job $merge_id ended $state; its log:"; cat "$WORK/sweep/slurm/logs/merge-$merge_id.log" >&2; exit 1 ;;
  esac
done
t1=$(date +%s.%N)
merge_line="$(grep '^merged ' "$WORK/sweep/slurm/logs/merge-$merge_id.log")"
record="$(grep "^JobId=$merge_id " "$CLUSTER/jobcomp.txt")"
merge_start="$(date -d "$(sed -n 's/.* StartTime=\([^ ]*\) .*/\1/p' <<<"$record")" +%s)"
merge_end="$(date -d "$(sed -n 's/.* EndTime=\([^ ]*\) .*/\1/p' <<<"$record")" +%s)"
total="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')"
say "sweep of $N starts as $K shards: $total s from submission to merged; merge job $((merge_end - merge_start)) s"
say "  $merge_line"
echo "| $N | Slurm, $K shards × $CPUS_PER_TASK CPU | $total s | merge job $((merge_end - merge_start)) s, peak $(sed -n 's/.*peak memory \([0-9]*\) MiB.*/\1/p' <<<"$merge_line") MiB |"
du -sh "$WORK/sweep/shards" "$WORK/sweep/merged" >&2
rm -rf "$WORK/sweep"

# --- Single-machine runs --------------------------------------------------------------------------
for n in "${SINGLES[@]}"; do
  single=(himmelblau --sampler uniform --n "$(count "$n")" --quiet "${EXTRA_ARGS[@]}")
  if ! /usr/bin/time -f '%e %M' -o "$WORK/time-$n" "${BASINMAP[@]}" map "${single[@]}" --out "$WORK/single-$n" >"$WORK/single-$n.log" 2>&1; then
    say "single run of $n failed (too big for this machine?); its log ends with:"
    tail -n 3 "$WORK/single-$n.log" >&2
    echo "| $n | one machine | failed | see $WORK/single-$n.log |"
    continue
  fi
  read -r wall kib <"$WORK/time-$n"
  say "single machine, $n starts: $(printf %.0f "$wall") s, peak memory $((kib / 1024)) MiB"
  echo "| $n | one machine | $(printf %.0f "$wall") s | peak $((kib / 1024)) MiB |"
  rm -rf "$WORK/single-$n"
done
