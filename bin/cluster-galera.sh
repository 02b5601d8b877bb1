#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on 127.0.0.1 for the `cluster` tests and the scale_out benchmark
# (docs/beyond-one-server.md). Called by `./dev cluster galera start|stop|status`.
#
#   start             installs galera-4/rsync when missing, starts the nodes that are not running
#                     (the first one with --wsrep-new-cluster when none is), waits until
#                     wsrep_cluster_size=3 (at most JALCHEMY_GALERA_WAIT seconds, default 120),
#                     creates database test_cluster and root@127.0.0.1 (no password). A no-op when
#                     the cluster is already up. Also brings a killed node back: it rejoins by state
#                     transfer (rsync) from a running node. Takes ~20 s on an idle 2-core machine
#                     (each joiner's rsync state transfer ~7 s), ~55 s under heavy load.
#   stop              shuts every node down and deletes the data (everything under $BASE)
#   status            prints each node's port, pid and the cluster size; exit 1 unless all 3 are up
#   kill N            SIGKILL node N (1..3), for failover drills by hand
#
# Node N: client port 3306+N, gmcast 4566+N, IST 4570+N, SST (rsync) 4580+N, data directory
# $BASE/nodeN/data owned by mysql (rsync SST refuses to run as root). The main MariaDB on 3306 is
# never touched: every node reads only its own --defaults-file. Memory: ~32 MB buffer pool and a
# 32 MB gcache per node: ~260 MB RSS for the three nodes after start, ~400 MB after the tests
# and the benchmark.
set -euo pipefail

BASE="${JALCHEMY_CLUSTER_DIR:-/var/tmp/jalchemy-cluster}/galera"
NODES=(1 2 3)
WAIT_SECONDS="${JALCHEMY_GALERA_WAIT:-120}"
PROVIDER=/usr/lib/galera/libgalera_smm.so

log() { echo "[galera] $*" >&2; }
port() { echo $((3306 + $1)); }
gcomm_port() { echo $((4566 + $1)); }
node_dir() { echo "$BASE/node$1"; }
sock() { echo "$(node_dir "$1")/mariadbd.sock"; }
pidfile() { echo "$(node_dir "$1")/mariadbd.pid"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; exit 3; fi
}

install_packages() {
  local missing=()
  [ -f "$PROVIDER" ] || missing+=(galera-4)
  command -v rsync >/dev/null 2>&1 || missing+=(rsync)
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
  command -v ss >/dev/null 2>&1 || command -v lsof >/dev/null 2>&1 || missing+=(iproute2)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 \
      || { as_root apt-get update -q >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2; }
  fi
  id mysql >/dev/null 2>&1 || { log "the mysql user is missing (it comes with mariadb-server)"; exit 3; }
}

# The pid of node N's mariadbd when it is running, else nothing.
node_pid() {
  local f; f="$(pidfile "$1")"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q mariadbd "/proc/$pid/comm" 2>/dev/null; then
    echo "$pid"
  fi
}

sql() { # node, statement
  mariadb --no-defaults -uroot -S "$(sock "$1")" -N -B -e "$2" 2>/dev/null
}

status_var() { # node, variable
  sql "$1" "SHOW GLOBAL STATUS LIKE '$2'" | awk '{print $2}'
}

write_config() {
  local n=$1 dir; dir="$(node_dir "$n")"
  local members="" m
  for m in "${NODES[@]}"; do members+="${members:+,}127.0.0.1:$(gcomm_port "$m")"; done
  cat >"$dir/my.cnf" <<EOF
[mariadbd]
user=mysql
datadir=$dir/data
socket=$(sock "$n")
pid-file=$(pidfile "$n")
log-error=$dir/mariadbd.err
port=$(port "$n")
bind-address=127.0.0.1
skip-name-resolve
performance_schema=OFF
max_connections=120
innodb_buffer_pool_size=32M
innodb_log_file_size=16M
innodb_log_buffer_size=4M
innodb_flush_log_at_trx_commit=2
key_buffer_size=1M
aria_pagecache_buffer_size=8M
table_open_cache=256
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=jalchemy_galera
wsrep_cluster_address=gcomm://$members
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(gcomm_port "$n")
wsrep_node_incoming_address=127.0.0.1:$(port "$n")
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((4580 + n))
wsrep_slave_threads=2
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$n");ist.recv_addr=127.0.0.1:$((4570 + n));gcache.size=32M;evs.keepalive_period=PT0.5S;evs.inactive_check_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.install_timeout=PT4S;pc.wait_prim_timeout=PT10S"
EOF
}

init_node() {
  local n=$1 dir; dir="$(node_dir "$n")"
  mkdir -p "$dir/data"
  write_config "$n"
  chown -R mysql:mysql "$dir"
  if [ "$n" = 1 ] && [ ! -d "$dir/data/mysql" ]; then
    # only the first node gets a fresh system schema; the others receive it by state transfer
    mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --auth-root-authentication-method=normal \
      --skip-test-db --innodb-log-file-size=16M --innodb-buffer-pool-size=32M >"$dir/install.log" 2>&1 \
      || { cat "$dir/install.log" >&2; exit 1; }
  fi
}

start_node() { # node, extra mariadbd options...
  local n=$1; shift
  local dir; dir="$(node_dir "$n")"
  [ -d "$dir/data" ] || init_node "$n"
  write_config "$n"
  chown mysql:mysql "$dir" "$dir/my.cnf"
  rm -f "$(sock "$n")" "$(pidfile "$n")"
  # setsid: the node outlives the shell (and the test JVM) that started it
  setsid /usr/sbin/mariadbd --defaults-file="$dir/my.cnf" "$@" </dev/null >>"$dir/mariadbd.out" 2>&1 &
}

# Waits until node N answers on its socket and is Synced; false after the deadline.
wait_synced() {
  local n=$1 deadline=$2
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$(status_var "$n" wsrep_local_state_comment)" = Synced ]; then return 0; fi
    sleep 0.3
  done
  return 1
}

cluster_size() { # from the first running node
  local n
  for n in "${NODES[@]}"; do
    if [ -n "$(node_pid "$n")" ]; then status_var "$n" wsrep_cluster_size && return 0; fi
  done
  echo 0
}

running_nodes() {
  local n out=()
  for n in "${NODES[@]}"; do [ -n "$(node_pid "$n")" ] && out+=("$n"); done
  echo "${out[@]:-}"
}

cmd_start() {
  install_packages
  local t0; t0=$(date +%s)
  local deadline=$((t0 + WAIT_SECONDS))
  local running; running="$(running_nodes)"
  if [ -n "$running" ] && [ "$(cluster_size)" = 3 ]; then
    log "already up (3 nodes)"; cmd_status; return 0
  fi
  if [ -z "$running" ]; then
    # nothing runs: whatever is left on disk is from an earlier run; start clean
    rm -rf "$BASE"
    mkdir -p "$BASE"
    init_node 1
    log "bootstrapping node1 on port $(port 1)"
    start_node 1 --wsrep-new-cluster
    wait_synced 1 "$deadline" || { log "node1 did not start; see $(node_dir 1)/mariadbd.err"; tail -20 "$(node_dir 1)/mariadbd.err" >&2; exit 1; }
  fi
  local n
  for n in "${NODES[@]}"; do
    [ -n "$(node_pid "$n")" ] && continue
    log "starting node$n on port $(port "$n") (state transfer from a running node)"
    start_node "$n"
    # one joiner at a time: a donor serves one state transfer at once
    wait_synced "$n" "$deadline" || { log "node$n did not join within ${WAIT_SECONDS}s; see $(node_dir "$n")/mariadbd.err"; tail -20 "$(node_dir "$n")/mariadbd.err" >&2; exit 1; }
  done
  while [ "$(cluster_size)" != 3 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "wsrep_cluster_size is $(cluster_size), not 3, after ${WAIT_SECONDS}s"; exit 1; }
    sleep 0.3
  done
  # replicated to every node (Galera applies DDL and account changes in total order)
  sql 1 "CREATE DATABASE IF NOT EXISTS test_cluster;
         CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
         GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;" \
    || { mariadb --no-defaults -uroot -S "$(sock 1)" -e "SELECT 1" >&2; exit 1; }
  log "up in $(( $(date +%s) - t0 ))s"
  cmd_status
}

cmd_stop() {
  local n pid pids=()
  for n in "${NODES[@]}"; do
    pid="$(node_pid "$n")"
    if [ -n "$pid" ]; then kill -TERM "$pid"; pids+=("$pid"); fi
  done
  local i
  for i in $(seq 1 100); do
    local alive=0
    for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"; done
  rm -rf "$BASE"
  log "stopped; removed $BASE"
}

cmd_status() {
  local n pid up=0 rss=0
  for n in "${NODES[@]}"; do
    pid="$(node_pid "$n")"
    if [ -n "$pid" ]; then
      up=$((up + 1))
      local kb; kb=$(ps -o rss= -p "$pid" | tr -d ' ')
      rss=$((rss + kb))
      echo "node$n port $(port "$n") pid $pid state $(status_var "$n" wsrep_local_state_comment) rss ${kb}kB"
    else
      echo "node$n port $(port "$n") down"
    fi
  done
  echo "wsrep_cluster_size $( [ $up -gt 0 ] && cluster_size || echo 0) nodes_running $up rss_total $((rss / 1024))MB"
  echo "url mariadb://root@127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309/test_cluster"
  [ $up = 3 ]
}

cmd_kill() {
  local n=${1:?node number 1..3}
  local pid; pid="$(node_pid "$n")"
  [ -n "$pid" ] || { log "node$n is not running"; return 1; }
  kill -KILL "$pid"
  log "node$n (pid $pid) killed"
}

case "${1:-status}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill) cmd_kill "${2:-}" ;;
  *) echo "usage: $0 start|stop|status|kill N" >&2; exit 2 ;;
esac
