#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, for the tests that run basinmap through Slurm
# (test/cluster/slurm.test.ts starts and stops it itself) and for benchmarks/slurm-scale.sh.
#
#   .ci/slurm.sh start [DIR]   install slurm-wlm and munge if missing, write DIR/slurm.conf, start
#                              munged, slurmctld and slurmd, wait until the node is idle, and print
#                              `export SLURM_CONF=DIR/slurm.conf` (eval it to use sbatch, squeue...)
#   .ci/slurm.sh stop [DIR]    cancel its jobs and stop the three daemons by the PIDs in DIR
#
# DIR (default /tmp/basinmap-slurm) holds everything: config, state, spool, logs, pid files, the
# munge socket, and the job completion log DIR/jobcomp.txt (there is no sacct without slurmdbd).
# Needs root. Without systemd nothing starts by itself, so the daemons are started by hand; what
# works here, and why, is in the notes this follows (Debian 12, Slurm 22.05, munge 0.5.15):
# munged runs as the munge user on a socket of its own, whose folder must be mode 755; the node is
# named localhost, which is not the host name, so slurmd gets -N localhost; requeued jobs wait
# cred_expire + sched_interval, so both are short (10 s, 2 s). A fresh start removes the state of
# the last one: left-over state keeps old jobs and job ids.
set -euo pipefail

action="${1:-}"
D="$(realpath -m "${2:-/tmp/basinmap-slurm}")"
CONF="$D/slurm.conf"
export SLURM_CONF="$CONF"

say() { echo "slurm.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "needs root (it installs packages and starts the daemons as root and munge)"
  exit 1
fi

# PID in a pid file, if that process is alive and is the daemon named (a reused PID is not ours).
live_pid() {
  local file="$1" name="$2" pid
  [ -s "$file" ] || return 1
  pid="$(tr -dc 0-9 <"$file")"
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$name" ] && echo "$pid"
}

stop_daemon() {
  local file="$1" name="$2" pid i
  pid="$(live_pid "$file" "$name")" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do
    [ -d "/proc/$pid" ] || return 0
    sleep 0.2
  done
  say "$name (pid $pid) did not stop within 10 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

stop_all() {
  if live_pid "$D/slurmctld.pid" slurmctld >/dev/null; then
    # Jobs still running would outlive slurmd in their slurmstepd: cancel them first.
    scancel --quiet --user="$(id -un)" 2>/dev/null || true
    for i in $(seq 1 25); do
      [ -z "$(squeue -h -t running,completing 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  stop_daemon "$D/slurmd.pid" slurmd
  stop_daemon "$D/slurmctld.pid" slurmctld
  stop_daemon "$D/munge/munged.pid" munged
}

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null && command -v sbatch >/dev/null; then
    return
  fi
  say "installing slurm-wlm and munge"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge >&2
}

write_conf() {
  local cpus mem
  cpus="$(nproc)"
  # 90% of the memory: slurmd drains a node that has less than its RealMemory.
  mem="$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
  cat >"$CONF" <<CONF
# One-node Slurm for basinmap's tests, written by .ci/slurm.sh.
ClusterName=basinmap
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$D/munge/munge.socket.2,cred_expire=10
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/slurmctld.pid
SlurmdPidFile=$D/slurmd.pid
SlurmctldLogFile=$D/slurmctld.log
SlurmdLogFile=$D/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$D/jobcomp.txt
SchedulerParameters=bf_interval=1,sched_interval=2
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
NodeName=localhost CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
}

start_all() {
  install_packages
  stop_all
  rm -rf "$D"
  mkdir -p "$D/state" "$D/spool" "$D/munge"
  chown munge:munge "$D/munge"
  chmod 755 "$D/munge"
  if [ ! -s /etc/munge/munge.key ]; then
    say "creating /etc/munge/munge.key"
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
  fi
  write_conf
  runuser -u munge -- munged --socket="$D/munge/munge.socket.2" --pid-file="$D/munge/munged.pid" \
    --log-file="$D/munge/munged.log" --seed-file="$D/munge/munged.seed"
  slurmctld -f "$CONF"
  slurmd -f "$CONF" -N localhost
  local i state=""
  for i in $(seq 1 150); do
    state="$(sinfo -h -o %t 2>/dev/null || true)"
    [ "$state" = idle ] && break
    sleep 0.2
  done
  if [ "$state" != idle ]; then
    say "the node is '${state:-not reporting}', not idle, after 30 s; the logs end with:"
    tail -n 5 "$D/slurmctld.log" "$D/slurmd.log" "$D/munge/munged.log" >&2 2>/dev/null || true
    return 1
  fi
  say "one-node cluster up in $D (node idle, $(nproc) CPUs)"
  echo "export SLURM_CONF=$CONF"
}

case "$action" in
  start)
    # Whatever fails on the way up, nothing is left running.
    trap 'status=$?; if [ $status -ne 0 ]; then stop_all; fi; exit $status' EXIT
    start_all
    ;;
  stop) stop_all ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
