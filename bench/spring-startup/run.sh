#!/usr/bin/env bash
# Start-up time of the same small Spring Boot 4.0.7 app (one entity, one @Transactional write and
# read before "ready") on jalchemy's starter vs Spring Data JPA (Hibernate), both on Spring Boot's
# HikariCP DataSource to PostgreSQL 127.0.0.1:5432, database bench_startup (created if missing).
# Builds both, then runs them alternately RUNS times (default 7) and prints the medians of
# SpringApplication.run() wall time and of JVM uptime at ready. Usage: bench/spring-startup/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
RUNS=${1:-7}
# Both apps run from a plain class path (classes + dependency jars, as an extracted Boot jar would).
# The jalchemy jars are this worktree's own target/classes, not ~/.m2's snapshots (which other
# builds may overwrite at any time).
JALCHEMY_QUIET_JDK=1 "$ROOT/dev" mvn -q -o -pl jalchemy-spring-boot-starter -am package -DskipTests
for app in jalchemy-app jpa-app; do
  JALCHEMY_QUIET_JDK=1 "$ROOT/dev" mvn -q -f "$HERE/$app/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$HERE/$app/target/cp.txt" -Dmdep.includeScope=runtime
done
own=$(ls -d "$ROOT"/jalchemy-{core,orm,migrate,spring-boot-autoconfigure}/target/classes | paste -sd: -)
jcp="$HERE/jalchemy-app/target/classes:$own:$(tr ':' '\n' <"$HERE/jalchemy-app/target/cp.txt" | grep -v '/org/jalchemy/' | paste -sd: -)"
pcp="$HERE/jpa-app/target/classes:$(cat "$HERE/jpa-app/target/cp.txt")"
JAVA="$("$ROOT/dev" java-home 2>/dev/null)/bin/java"
psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='bench_startup'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE bench_startup"
"$JAVA" -cp "$jcp" startup.jalchemy.StartupApp >/dev/null   # migrations: creates su_accounts
out=$(mktemp)
for i in $(seq 1 "$RUNS"); do
  "$JAVA" -cp "$jcp" startup.jalchemy.StartupApp | grep '^STARTUP' >>"$out"
  "$JAVA" -cp "$pcp" startup.jpa.StartupApp | grep '^STARTUP' >>"$out"
done
python3 - "$out" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"STARTUP (\w+) run_ms=(\d+) jvm_uptime_ms=(\d+) classes=(\d+) heap_mb=(\d+)", line)
    rows.setdefault(m[1], []).append((int(m[2]), int(m[3]), int(m[4]), int(m[5])))
for k, v in rows.items():
    print(f"{k:9s} runs={len(v)} median run_ms={statistics.median(x[0] for x in v):.0f}"
          f" median jvm_uptime_ms={statistics.median(x[1] for x in v):.0f}"
          f" min/max run_ms={min(x[0] for x in v)}/{max(x[0] for x in v)}"
          f" classes={statistics.median(x[2] for x in v):.0f} heap_mb={statistics.median(x[3] for x in v):.0f}")
PY
rm -f "$out"
