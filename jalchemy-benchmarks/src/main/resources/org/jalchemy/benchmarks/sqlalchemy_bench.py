#!/usr/bin/python3
"""SQLAlchemy side of jalchemy's benchmark suite (run by the Java harness, org.jalchemy.benchmarks).

Runs the same workloads on the same tables (created and filled by the harness) with SQLAlchemy
Core ("sqlalchemy_core") and ORM ("sqlalchemy_orm"), with the same data, the same ids and the same
checksums as the Java variants, and prints one JSON object per (workload, variant) on stdout:
{"workload", "variant", "times": [seconds of each timed run], "checksum", "error"}.
Each variant gets one untimed warm-up run, then --runs timed runs; write workloads empty their
table before every run.
"""
import argparse
import gc
import json
import sys
import time
import traceback

from sqlalchemy import Column, ForeignKey, Integer, String, bindparam, create_engine, select, text
from sqlalchemy.orm import Session, declarative_base, relationship, selectinload
from sqlalchemy.pool import QueuePool

Base = declarative_base()

CHILDREN_PER_PARENT = 100
IN_CHUNK = 1000  # Data.IN_CHUNK: jalchemy's selectin chunk (SQLAlchemy's selectinload uses 500)
SHORT_SELECT_ROWS = 11000


class LrCustomer(Base):
    __tablename__ = "lr_customer"
    id = Column(Integer, primary_key=True)
    name = Column(String(255))
    description = Column(String(255))


class BiCustomer(Base):
    __tablename__ = "bi_customer"
    id = Column(Integer, primary_key=True)
    name = Column(String(255))
    description = Column(String(255))


class SiCustomer(Base):
    __tablename__ = "si_customer"
    id = Column(Integer, primary_key=True)
    name = Column(String(255))
    description = Column(String(255))


class SsCustomer(Base):
    __tablename__ = "ss_customer"
    id = Column(Integer, primary_key=True)
    name = Column(String(255))
    description = Column(String(255))
    q = Column(Integer)
    p = Column(Integer)
    x = Column(Integer)
    y = Column(Integer)
    z = Column(Integer)


class Parent(Base):
    __tablename__ = "ld_parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(255))
    children = relationship("Child", order_by="Child.id")


class Child(Base):
    __tablename__ = "ld_child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("ld_parent.id"), nullable=False)
    name = Column(String(255))


def name(i):
    return "customer name %d" % i


def description(i):
    return "customer description %d" % i


def short_select_id(k):
    return (k * 7919) % SHORT_SELECT_ROWS + 1


# ---------------------------------------------------------------- large_resultsets

def large_core(engine, n):
    t = LrCustomer.__table__
    s = 0
    with engine.connect() as conn:
        for row in conn.execute(select(t.c.id, t.c.name, t.c.description)):
            s += row[0] + len(row[1]) + len(row[2])
    return s


def large_orm(engine, n):
    s = 0
    with Session(engine) as sess:
        for c in sess.query(LrCustomer).all():
            s += c.id + len(c.name) + len(c.description)
    return s


# ---------------------------------------------------------------- bulk_inserts

def bulk_core(engine, n):
    with engine.begin() as conn:
        conn.execute(BiCustomer.__table__.insert(),
                     [dict(name=name(i), description=description(i)) for i in range(1, n + 1)])
    return 0


def bulk_orm(engine, n):
    with Session(engine) as sess:
        sess.add_all([BiCustomer(name=name(i), description=description(i)) for i in range(1, n + 1)])
        sess.commit()
    return 0


# ---------------------------------------------------------------- single_inserts

def single_core(engine, n):
    t = SiCustomer.__table__
    for i in range(1, n + 1):
        with engine.begin() as conn:
            conn.execute(t.insert(), dict(name=name(i), description=description(i)))
    return 0


def single_orm(engine, n):
    for i in range(1, n + 1):
        sess = Session(engine)
        sess.add(SiCustomer(name=name(i), description=description(i)))
        sess.commit()
        sess.close()
    return 0


# ---------------------------------------------------------------- short_selects

def short_core(engine, n):
    t = SsCustomer.__table__
    stmt = select(t).where(t.c.id == bindparam("id"))
    s = 0
    with engine.connect() as conn:
        for k in range(n):
            row = conn.execute(stmt, {"id": short_select_id(k)}).one()
            s += row.id + len(row.name) + row.q
    return s


def short_orm(engine, n):
    s = 0
    with Session(engine) as sess:
        for k in range(n):
            c = sess.get(SsCustomer, short_select_id(k))
            s += c.id + len(c.name) + c.q
    return s


# ---------------------------------------------------------------- loaders

def loaders_core(engine, n):
    p_t, c_t = Parent.__table__, Child.__table__
    s = 0
    with engine.connect() as conn:
        parents = conn.execute(select(p_t.c.id, p_t.c.name).order_by(p_t.c.id)).all()
        children = {p.id: [] for p in parents}
        stmt = select(c_t.c.id, c_t.c.parent_id, c_t.c.name).where(
            c_t.c.parent_id.in_(bindparam("ids", expanding=True)))
        ids = [p.id for p in parents]
        for start in range(0, len(ids), IN_CHUNK):
            for ch in conn.execute(stmt, {"ids": ids[start:start + IN_CHUNK]}):
                children[ch.parent_id].append(ch)
        for p in parents:
            s += p.id + len(p.name)
            for ch in children[p.id]:
                s += ch.id + len(ch.name)
    return s


def loaders_orm(engine, n):
    s = 0
    with Session(engine) as sess:
        for p in sess.query(Parent).options(selectinload(Parent.children)).order_by(Parent.id).all():
            s += p.id + len(p.name)
            for ch in p.children:
                s += ch.id + len(ch.name)
    return s


WORKLOADS = {
    "large_resultsets": (False, None, {"sqlalchemy_core": large_core, "sqlalchemy_orm": large_orm}),
    "bulk_inserts": (True, "bi_customer", {"sqlalchemy_core": bulk_core, "sqlalchemy_orm": bulk_orm}),
    "single_inserts": (True, "si_customer", {"sqlalchemy_core": single_core, "sqlalchemy_orm": single_orm}),
    "short_selects": (False, None, {"sqlalchemy_core": short_core, "sqlalchemy_orm": short_orm}),
    "loaders": (False, None, {"sqlalchemy_core": loaders_core, "sqlalchemy_orm": loaders_orm}),
}


def reset(engine, backend, table):
    with engine.begin() as conn:
        if backend == "sqlite":
            conn.execute(text("DELETE FROM " + table))
        elif backend == "postgresql":
            conn.execute(text("TRUNCATE " + table + " RESTART IDENTITY"))
        else:
            conn.execute(text("TRUNCATE TABLE " + table))


def table_checksum(engine, table):
    with engine.connect() as conn:
        row = conn.execute(text("SELECT COUNT(*), SUM(LENGTH(name)) + SUM(LENGTH(description)) FROM " + table)).one()
        return int(row[0]) + int(row[1] or 0)


def warmup_size(workload, n):
    return n if workload in ("large_resultsets", "loaders") else max(10, n // 10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--backend", required=True)
    ap.add_argument("--sizes", required=True, help="workload=n,...")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--variants", default="sqlalchemy_core,sqlalchemy_orm")
    args = ap.parse_args()
    kw = {"poolclass": QueuePool} if args.backend == "sqlite" else {}
    engine = create_engine(args.url, **kw)
    wanted = set(args.variants.split(","))
    for item in args.sizes.split(","):
        workload, n = item.split("=")
        n = int(n)
        writes, table, variants = WORKLOADS[workload]
        for variant, fn in variants.items():
            if variant not in wanted:
                continue
            out = {"workload": workload, "variant": variant, "times": [], "checksum": None, "error": None}
            try:
                for i in range(args.runs + 1):
                    size = warmup_size(workload, n) if i == 0 else n
                    if writes:
                        reset(engine, args.backend, table)
                    gc.collect()
                    t0 = time.perf_counter()
                    s = fn(engine, size)
                    t1 = time.perf_counter()
                    if i > 0:
                        out["times"].append(t1 - t0)
                        out["checksum"] = table_checksum(engine, table) if writes else s
            except Exception as e:  # reported, and the suite goes on
                traceback.print_exc(file=sys.stderr)
                out["error"] = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
            print(json.dumps(out), flush=True)
    engine.dispose()


if __name__ == "__main__":
    main()
