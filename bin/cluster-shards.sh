#!/usr/bin/env bash
# Two PostgreSQL 15 shard servers on 127.0.0.1 for the sharding `cluster` tests
# (docs/beyond-one-server.md). Called by `./dev cluster shards start|stop|status`.
#
#   start    installs postgresql-15 when missing; creates and starts shard N on port 5434+N
#            (5435, 5436) and creates database test_cluster on each. A no-op for what already
#            runs; bounded by JALCHEMY_PG_WAIT seconds per server (60).
#   stop     stops the servers and deletes their data (everything under $BASE)
#   status   prints each shard's port, pid and memory; exit 1 unless all are up
#
# Separate servers rather than databases of one server, so a test proves that nothing crosses
# between shards (no shared catalog, sequences or connections). Data: $BASE/shardN, owned by
# postgres; trust authentication on 127.0.0.1. Memory: 16 MB shared_buffers each.
set -euo pipefail
cd "$(dirname "$0")"
PG_KIND=shards
. ./cluster-pg-lib.sh

BASE="$CLUSTER_ROOT/shards"
SHARDS=(1 2)
DB=test_cluster

port() { echo $((5434 + $1)); }

start() {
  local t0=$SECONDS n
  pg_install
  pg_base_dir "$BASE"
  for n in "${SHARDS[@]}"; do
    pg_init "$BASE/shard$n" "$(port "$n")"
    pg_start "$BASE/shard$n" "$(port "$n")"
    pg_create_db "$(port "$n")" "$DB"
  done
  pg_log "shards on 127.0.0.1:$(port 1), 127.0.0.1:$(port 2) (database $DB) up in $((SECONDS - t0))s"
}

stop() {
  local n
  for n in "${SHARDS[@]}"; do pg_stop "$BASE/shard$n"; done
  rm -rf "$BASE"
  pg_log "stopped; $BASE removed"
}

status() {
  local rc=0 n
  for n in "${SHARDS[@]}"; do pg_status_line "$BASE/shard$n" "$(port "$n")" "shard$n" || rc=1; done
  return $rc
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
