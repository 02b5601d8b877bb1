#!/usr/bin/python3
"""Alembic 1.8 side of jalchemy's migration workloads; the schemas are those of MigrateFixtures.java.

migrate_upgrade: an Alembic script directory of N revisions (create table / add column), upgraded
from base on a clean database, timed from engine.begin() to commit.
migrate_autogenerate: compare_metadata of the "v2" model against the database the Java side
created from "v1"; the checksum is the number of differences found.
Prints one JSON line per (workload, variant) with the times in seconds, a checksum and an error.
"""
import argparse
import json
import os
import shutil
import tempfile
import sys
import time
import traceback

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

ENV_PY = """
from alembic import context
context.configure(connection=context.config.attributes["connection"], target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
"""

MAX_UPGRADE_TABLES = 100


def creates_table(i):
    return (i - 1) % 4 == 0


def table_of(i):
    return (i - 1) // 4 + 1


def write_scripts(n):
    d = tempfile.mkdtemp(prefix="alembic-bench")
    os.makedirs(os.path.join(d, "versions"))
    with open(os.path.join(d, "env.py"), "w") as f:
        f.write(ENV_PY)
    for i in range(1, n + 1):
        k = table_of(i)
        down = "None" if i == 1 else repr("r%04d" % (i - 1))
        if creates_table(i):
            body = ("op.create_table('m_t%d', sa.Column('id', sa.Integer, primary_key=True, autoincrement=False),"
                    " sa.Column('name', sa.String(50)))" % k)
        else:
            body = "op.add_column('m_t%d', sa.Column('c%d', sa.Integer))" % (k, i)
        with open(os.path.join(d, "versions", "r%04d.py" % i), "w") as f:
            f.write("from alembic import op\nimport sqlalchemy as sa\n\nrevision = %r\ndown_revision = %s\n"
                    "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    %s\n\n\ndef downgrade():\n    pass\n"
                    % ("r%04d" % i, down, body))
    return d


def reset_upgrade(engine):
    with engine.begin() as conn:
        for k in range(MAX_UPGRADE_TABLES, 0, -1):
            conn.exec_driver_sql("DROP TABLE IF EXISTS m_t%d" % k)
        for t in ("m_version", "jalchemy_version", "jalchemy_version_progress", "jalchemy_version_lock",
                  "flyway_schema_history", "alembic_version"):
            conn.exec_driver_sql("DROP TABLE IF EXISTS %s" % t)


def upgrade_checksum(engine):
    cols = 0
    with engine.connect() as conn:
        for k in range(1, MAX_UPGRADE_TABLES + 1):
            try:
                cols += len(conn.exec_driver_sql("SELECT * FROM m_t%d WHERE 1 = 0" % k).keys())
            except sa.exc.DBAPIError:
                break
    return cols


def run_upgrade(engine, n, runs):
    d = write_scripts(n)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", d)
        times = []
        for r in range(runs + 1):  # the first run is an untimed warm-up
            reset_upgrade(engine)
            t0 = time.perf_counter()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            t1 = time.perf_counter()
            if r > 0:
                times.append(t1 - t0)
        checksum = upgrade_checksum(engine)
        reset_upgrade(engine)
        return times, checksum
    finally:
        shutil.rmtree(d, ignore_errors=True)


CHANGED_COLUMNS = 10
CHANGED_INDEXES = 5


def adds_column(i, n):
    step = max(1, n // CHANGED_COLUMNS)
    return i % step == 0 and i // step <= CHANGED_COLUMNS


def adds_index(i, n):
    step = max(2, n // CHANGED_INDEXES)
    return i % step == 1 and i // step < CHANGED_INDEXES


def model_v2(n):
    md = sa.MetaData()
    for i in range(1, n + 1):
        cols = [sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("name", sa.String(50), nullable=False),
                sa.Column("body", sa.Text),
                sa.Column("price", sa.Numeric(10, 2)),
                sa.Column("born", sa.Date),
                sa.Column("active", sa.Boolean),
                sa.Column("qty", sa.Integer)]
        if i > 1:
            cols.append(sa.Column("parent_id", sa.Integer, sa.ForeignKey("a_t%d.id" % (i - 1))))
        if adds_column(i, n):
            cols.append(sa.Column("extra", sa.String(30)))
        t = sa.Table("a_t%d" % i, md, *cols)
        sa.Index("ix_a_t%d_name" % i, t.c.name)
        if adds_index(i, n):
            sa.Index("ix_a_t%d_qty" % i, t.c.qty)
    return md


def only_model_tables(name, type_, parent_names):
    return type_ != "table" or name.startswith("a_t")


def run_autogenerate(engine, n, runs):
    md = model_v2(n)
    times = []
    checksum = None
    for r in range(runs + 1):
        with engine.connect() as conn:
            # the bench database holds other workloads' tables: compare the a_t tables only
            ctx = MigrationContext.configure(conn, opts={"include_name": only_model_tables})
            t0 = time.perf_counter()
            diffs = compare_metadata(ctx, md)
            t1 = time.perf_counter()
        checksum = len(diffs)
        if r > 0:
            times.append(t1 - t0)
    return times, checksum


def main():
    # SQLAlchemy reflects a foreign key's target table recursively: the model's chain of 200 tables
    # (a_t100 -> a_t99 -> ...) nests deeper than Python's default limit of 1000 frames on MySQL.
    sys.setrecursionlimit(20000)
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--sizes", required=True, help="workload=n,...")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    engine = sa.create_engine(args.url)
    for item in args.sizes.split(","):
        workload, n = item.split("=")
        n = int(n)
        out = {"workload": workload, "variant": "alembic", "times": [], "checksum": None, "error": None}
        try:
            fn = run_upgrade if workload == "migrate_upgrade" else run_autogenerate
            out["times"], out["checksum"] = fn(engine, n, args.runs)
        except Exception as e:  # reported, and the Java side goes on
            out["error"] = "%s: %s" % (type(e).__name__, e)
            traceback.print_exc()
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
