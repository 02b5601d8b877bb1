#!/usr/bin/env bash
# A PostgreSQL 15 primary and a hot-standby streaming replica on 127.0.0.1 for the `cluster` tests
# and the scale_out benchmark's read variants (docs/beyond-one-server.md). Called by
# `./dev cluster replica start|stop|status`.
#
#   start    installs postgresql-15 when missing; creates and starts the primary on 5433, makes the
#            standby on 5434 with `pg_basebackup -R` (streaming, hot standby) when it has none,
#            starts it, creates database test_cluster and waits until the standby has replayed it.
#            A no-op for what already runs; bounded by JALCHEMY_PG_WAIT seconds per server (60).
#   stop     stops both servers and deletes their data (everything under $BASE)
#   status   prints each server's port, pid, role and memory; exit 1 unless both are up and the
#            standby is streaming
#
# Data: $BASE/primary and $BASE/standby, owned by postgres; trust authentication on 127.0.0.1.
# Memory: 16 MB shared_buffers each; the pair uses about 60-80 MB (PSS) when idle.
set -euo pipefail
cd "$(dirname "$0")"
PG_KIND=replica
. ./cluster-pg-lib.sh

BASE="$CLUSTER_ROOT/replica"
PRIMARY="$BASE/primary"
STANDBY="$BASE/standby"
PRIMARY_PORT=5433
STANDBY_PORT=5434
DB=test_cluster

make_standby() {
  [ -f "$STANDBY/PG_VERSION" ] && return 0
  pg_log "cloning the standby from the primary (pg_basebackup -R)"
  as_postgres rm -rf "$STANDBY"
  if ! as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" -R \
      -X stream -c fast --no-sync >"$BASE/basebackup.log" 2>&1; then
    pg_log "pg_basebackup failed:"; tail -20 "$BASE/basebackup.log" >&2; exit 1
  fi
  # the copied postgresql.conf carries the primary's port and socket directory: the last setting wins
  as_postgres tee -a "$STANDBY/postgresql.conf" >/dev/null <<EOF
port = $STANDBY_PORT
unix_socket_directories = '$STANDBY'
EOF
}

wait_replayed() { # the standby has the database and is streaming
  local deadline=$((SECONDS + PG_WAIT))
  while [ $SECONDS -lt $deadline ]; do
    if psql_at "$STANDBY_PORT" "$DB" -tAc "SELECT 1" >/dev/null 2>&1 \
        && [ "$(psql_at "$PRIMARY_PORT" postgres -tAc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2>/dev/null)" -ge 1 ]; then
      return 0
    fi
    sleep 0.5
  done
  pg_log "the standby on $STANDBY_PORT is not streaming database $DB after ${PG_WAIT}s; its log ends with:"
  tail -20 "$STANDBY/server.log" >&2 2>/dev/null || true
  exit 1
}

start() {
  local t0=$SECONDS
  pg_install
  pg_base_dir "$BASE"
  pg_init "$PRIMARY" "$PRIMARY_PORT"
  pg_start "$PRIMARY" "$PRIMARY_PORT"
  pg_create_db "$PRIMARY_PORT" "$DB"
  make_standby
  pg_start "$STANDBY" "$STANDBY_PORT"
  wait_replayed
  pg_log "primary 127.0.0.1:$PRIMARY_PORT, standby 127.0.0.1:$STANDBY_PORT (database $DB) up in $((SECONDS - t0))s"
}

stop() {
  pg_stop "$STANDBY"
  pg_stop "$PRIMARY"
  rm -rf "$BASE"
  pg_log "stopped; $BASE removed"
}

status() {
  local rc=0
  pg_status_line "$PRIMARY" "$PRIMARY_PORT" primary || rc=1
  pg_status_line "$STANDBY" "$STANDBY_PORT" standby || rc=1
  if [ $rc = 0 ]; then
    local streaming
    streaming=$(psql_at "$PRIMARY_PORT" postgres -tAc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2>/dev/null || echo 0)
    # as Dialect.replicationLag: zero once the standby has replayed all it received (an idle primary
    # leaves pg_last_xact_replay_timestamp() behind without any lag)
    echo "streaming replicas: $streaming; replay lag: $(psql_at "$STANDBY_PORT" postgres -tAc \
      "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN '0' ELSE
       (clock_timestamp() - pg_last_xact_replay_timestamp())::text END" 2>/dev/null || echo '?')"
    [ "$streaming" -ge 1 ] || rc=1
  fi
  return $rc
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
