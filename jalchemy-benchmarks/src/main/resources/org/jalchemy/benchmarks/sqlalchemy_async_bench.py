#!/usr/bin/python3
"""SQLAlchemy asyncio side of jalchemy's async_requests workload (run by the Java harness).

N concurrent "requests" submitted at once with asyncio.gather, each `async with Session() as s:
a = await s.get(ArAccount, k + 1); a.counter += 1; await s.commit()`, on an async engine with a
pool of 20 connections (no overflow) over asyncpg (PostgreSQL) or aiomysql (MariaDB), against the
ar_account table the harness created and filled. Request k updates row k + 1, as in the Java
variants. One untimed warm-up run (a tenth of N), then --runs timed runs, each after resetting the
counters. Prints one JSON object on stdout: {"workload", "variant", "times", "checksum", "error",
"extra"}, where extra holds the median run's requests_per_s, p50_ms, p99_ms (latency from the
instant every request was submitted to its completion), peak_threads (threads of this process,
sampled), peak_rss_mb (Linux VmHWM, reset before each run) and retries. Python has no separate
heap figure: its memory is the process's.

Retries: a request that fails with a deadlock or serialization failure (MySQL/MariaDB 1213 and
1205, SQLSTATE 40001/40P01) is run again from the start in a new session, at most MAX_ATTEMPTS
times, and counted in extra["retries"]; the Java variants do the same (AsyncVariants). The
workload itself never deadlocks (each request updates its own row; 0 retries on a database of its
own): MariaDB error 1213 comes from DDL on ar_account run by another process on the same database
while the requests run (a transaction that read the table under a shared metadata lock and then
wants to write it deadlocks with the waiting exclusive lock of the DDL). Give each concurrent
benchmark run a database of its own (JALCHEMY_BENCH_MARIADB_URL, JALCHEMY_BENCH_PG_URL).
"""
import argparse
import asyncio
import json
import os
import sys
import time
import traceback

from sqlalchemy import Column, Integer, String, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()
POOL = 20
MAX_ATTEMPTS = 10
RETRYABLE_CODES = {1213, 1205}
RETRYABLE_STATES = {"40001", "40P01"}


def retryable(e):
    """True for a deadlock or serialization failure (the Java side's DBAPIError.retryable())."""
    orig = getattr(e, "orig", None)
    if orig is None:
        return False
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int) and args[0] in RETRYABLE_CODES:
        return True
    state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "__cause__", None), "sqlstate", None)
    return state in RETRYABLE_STATES


class ArAccount(Base):
    __tablename__ = "ar_account"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), nullable=False)
    counter = Column(Integer, nullable=False)


def reset_peak_rss():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def status(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int("".join(c for c in line if c.isdigit()))
    except OSError:
        pass
    return -1


async def reset(engine):
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE ar_account SET counter = 0"))


async def checksum(engine):
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT SUM(counter * id) FROM ar_account"))).scalar() or 0)


async def run_once(factory, n):
    latencies = [0.0] * n
    retries = [0]
    peak_threads = [status("Threads")]
    sampling = True

    async def sampler():
        while sampling:
            peak_threads[0] = max(peak_threads[0], status("Threads"))
            await asyncio.sleep(0.005)

    async def request(k, t0):
        attempt = 1
        while True:
            try:
                async with factory() as s:
                    a = await s.get(ArAccount, k + 1)
                    a.counter += 1
                    await s.commit()
                break
            except DBAPIError as e:
                if attempt >= MAX_ATTEMPTS or not retryable(e):
                    raise
                attempt += 1
                retries[0] += 1
        latencies[k] = time.perf_counter() - t0

    reset_peak_rss()
    watch = asyncio.ensure_future(sampler())
    t0 = time.perf_counter()
    await asyncio.gather(*(request(k, t0) for k in range(n)))
    elapsed = time.perf_counter() - t0
    sampling = False
    await watch
    ordered = sorted(latencies)

    def pct(p):
        i = max(0, min(n - 1, -(-p * n // 100) - 1))
        return ordered[i] * 1000.0

    extra = {"requests_per_s": n / elapsed, "p50_ms": pct(50), "p99_ms": pct(99),
             "peak_threads": float(peak_threads[0]), "retries": float(retries[0])}
    if retries[0]:
        print("sqlalchemy_async_bench: %d requests retried after a deadlock" % retries[0], file=sys.stderr)
    rss = status("VmHWM")
    if rss > 0:
        extra["peak_rss_mb"] = rss / 1024.0
    return elapsed, extra


async def main_async(args):
    engine = create_async_engine(args.url, pool_size=POOL, max_overflow=0, pool_timeout=120)
    factory = sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
    out = {"workload": "async_requests", "variant": "sqlalchemy_asyncio", "times": [], "checksum": None,
           "error": None, "extra": None}
    try:
        runs = []
        for i in range(args.runs + 1):
            size = max(10, args.n // 10) if i == 0 else args.n
            await reset(engine)
            elapsed, extra = await run_once(factory, size)
            if i > 0:
                runs.append((elapsed, extra))
                out["checksum"] = await checksum(engine)
        out["times"] = [r[0] for r in runs]
        median = sorted(runs, key=lambda r: r[0])[(len(runs) - 1) // 2]
        out["extra"] = median[1]
    except Exception as e:  # reported, and the suite goes on
        traceback.print_exc(file=sys.stderr)
        out["error"] = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
    finally:
        await engine.dispose()
    print(json.dumps(out), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
