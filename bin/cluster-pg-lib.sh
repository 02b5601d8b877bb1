# Shared by bin/cluster-replica.sh and bin/cluster-shards.sh (sourced, not run): small PostgreSQL 15
# clusters on 127.0.0.1 for the `cluster` tests, each with its own data directory, port and Unix
# socket directory, owned by the postgres user and run with the PostgreSQL 15 binaries. The main
# server on 5432 (/var/lib/postgresql/15/main) is never touched.
#
# Every cluster: trust authentication for 127.0.0.1 and local sockets (replication included),
# shared_buffers 16 MB, max_connections 40, fsync off (throw-away test data), WAL level replica.
# Bounds: pg_ctl waits at most $PG_WAIT seconds for a server; on failure the log tail is printed.

PG_BIN="${JALCHEMY_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_WAIT="${JALCHEMY_PG_WAIT:-60}"
CLUSTER_ROOT="${JALCHEMY_CLUSTER_DIR:-/var/tmp/jalchemy-cluster}"

pg_log() { echo "[$PG_KIND] $*" >&2; }

# Runs a command as the postgres user (initdb and the server refuse to run as root).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -u postgres "$@"
  else
    pg_log "need root, sudo or the postgres user to run: $*"; exit 3
  fi
}

pg_install() {
  if [ ! -x "$PG_BIN/initdb" ] || ! command -v psql >/dev/null 2>&1; then
    pg_log "installing postgresql-15 with apt-get"
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 postgresql-client-15)
    if [ "$(id -u)" = 0 ]; then "${apt[@]}" >&2 || { apt-get update -q >&2 && "${apt[@]}" >&2; }
    else sudo "${apt[@]}" >&2 || { sudo apt-get update -q >&2 && sudo "${apt[@]}" >&2; }; fi
  fi
  [ -x "$PG_BIN/initdb" ] || { pg_log "no PostgreSQL 15 binaries in $PG_BIN (set JALCHEMY_PG_BIN)"; exit 3; }
  id postgres >/dev/null 2>&1 || { pg_log "the postgres user is missing (it comes with postgresql-15)"; exit 3; }
}

# Makes $CLUSTER_ROOT/<kind> (and its parents) usable by postgres.
pg_base_dir() {
  local dir="$1"
  mkdir -p "$dir"
  chmod 755 "$CLUSTER_ROOT" 2>/dev/null || true
  chown postgres:postgres "$dir" 2>/dev/null || true
}

# The postmaster pid of the cluster in $1 when it runs, else nothing.
pg_pid() {
  local f="$1/postmaster.pid"
  [ -f "$f" ] || return 0
  local pid; pid="$(head -1 "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
    echo "$pid"
  fi
}

# psql on port $1 as postgres over TCP: psql_at PORT DB ARGS...
psql_at() {
  local port="$1" db="$2"; shift 2
  PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

# Writes the settings every cluster shares; $1 data directory, $2 port.
pg_configure() {
  local dir="$1" port="$2"
  as_postgres tee -a "$dir/postgresql.conf" >/dev/null <<EOF

# --- jalchemy cluster test server (bin/cluster-pg-lib.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 16MB
max_connections = 40
work_mem = 2MB
maintenance_work_mem = 16MB
wal_level = replica
max_wal_senders = 4
max_replication_slots = 4
wal_keep_size = 64MB
hot_standby = on
hot_standby_feedback = on
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
EOF
  as_postgres tee "$dir/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
local replication all trust
host replication all 127.0.0.1/32 trust
EOF
}

# initdb in $1 (when it has no cluster yet) and configure it for port $2.
pg_init() {
  local dir="$1" port="$2"
  [ -f "$dir/PG_VERSION" ] && return 0
  as_postgres mkdir -p "$dir"
  as_postgres chmod 700 "$dir"
  if ! as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions \
      >"$dir.initdb.log" 2>&1; then
    pg_log "initdb failed for $dir:"; tail -20 "$dir.initdb.log" >&2; exit 1
  fi
  pg_configure "$dir" "$port"
}

# Refuses to go on when something else listens on port $1 (the cluster in $2 is not running).
pg_port_free() {
  local port="$1" dir="$2"
  if PGCONNECT_TIMEOUT=2 "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    pg_log "port $port is taken by another server (not the cluster in $dir); stop it or set JALCHEMY_CLUSTER_DIR"
    exit 1
  fi
}

# Starts the cluster in $1 on port $2 unless it runs; bounded by $PG_WAIT seconds.
pg_start() {
  local dir="$1" port="$2"
  if [ -n "$(pg_pid "$dir")" ]; then
    return 0
  fi
  pg_port_free "$port" "$dir"
  rm -f "$dir/postmaster.pid"
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t "$PG_WAIT" -s start >/dev/null 2>&1; then
    pg_log "the server in $dir (port $port) did not start within ${PG_WAIT}s; its log ends with:"
    tail -20 "$dir/server.log" >&2 2>/dev/null || true
    exit 1
  fi
}

# Stops the cluster in $1 (fast shutdown, then immediate after $PG_WAIT seconds).
pg_stop() {
  local dir="$1"
  [ -n "$(pg_pid "$dir")" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t "$PG_WAIT" -s stop >/dev/null 2>&1 \
    || as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m immediate -w -t 10 -s stop >/dev/null 2>&1 || true
}

# Creates database $2 on port $1 when missing.
pg_create_db() {
  local port="$1" db="$2"
  psql_at "$port" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql_at "$port" postgres -c "CREATE DATABASE $db" >/dev/null
}

# Proportional set size (shared pages divided among sharers) of the cluster in $1, in kB.
pg_pss_kb() {
  local pid; pid="$(pg_pid "$1")"
  [ -n "$pid" ] || { echo 0; return; }
  local total=0 p v
  for p in "$pid" $(pgrep -P "$pid" 2>/dev/null || true); do
    v=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# One status line for the cluster in $1 on port $2 with role label $3; returns 1 when it is down.
pg_status_line() {
  local dir="$1" port="$2" label="$3" pid
  pid="$(pg_pid "$dir")"
  if [ -z "$pid" ]; then
    printf '%-9s 127.0.0.1:%s  down\n' "$label" "$port"
    return 1
  fi
  local recovery
  recovery=$(psql_at "$port" postgres -tAc "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby' ELSE 'primary' END" 2>/dev/null || echo "?")
  printf '%-9s 127.0.0.1:%s  pid %-7s %-8s %6d MB PSS  %s\n' "$label" "$port" "$pid" "$recovery" \
    $(( $(pg_pss_kb "$dir") / 1024 )) "$dir"
}
