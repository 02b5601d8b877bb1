"""The SQLAlchemy 1.4 side of jalchemy's interop tests (InteropValuesTest).

    python3 sqlalchemy_side.py write URL   creates interop_values (dropping it first), inserts the
                                           fixture rows 1-3 and prints every row as SQLAlchemy reads it
    python3 sqlalchemy_side.py read URL    prints every row of interop_values as SQLAlchemy reads it

Rows are printed as one JSON list, ordered by id, each value in a canonical form the Java side
reproduces: Decimal as a plain string without trailing zeros, datetime/date/time as ISO text with
microseconds, aware datetimes converted to UTC, bytes as hex, enums by name, JSON as JSON.
"""
import datetime
import decimal
import enum
import json
import sys

import sqlalchemy as sa
from sqlalchemy.dialects import mysql


class Mood(enum.Enum):
    SAD = 1
    OK = 2
    HAPPY = 3


def table(metadata):
    # what a SQLAlchemy application that cares about precision declares on MySQL/MariaDB: DATETIME(6)
    # and TIME(6) keep microseconds there, and Float(53) is DOUBLE (a bare Float is a 4-byte FLOAT)
    dt6 = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql")
    dtz6 = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")
    t6 = sa.Time().with_variant(mysql.TIME(fsp=6), "mysql")
    return sa.Table(
        "interop_values", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("small", sa.SmallInteger),
        sa.Column("big", sa.BigInteger),
        sa.Column("num", sa.Numeric(38, 10)),
        sa.Column("flt", sa.Float),
        sa.Column("dbl", sa.Float(precision=53)),
        sa.Column("str", sa.String(200)),
        sa.Column("txt", sa.Text),
        sa.Column("flag", sa.Boolean),
        sa.Column("dt", dt6),
        sa.Column("dtz", dtz6),
        sa.Column("d", sa.Date),
        sa.Column("t", t6),
        sa.Column("blob", sa.LargeBinary),
        sa.Column("js", sa.JSON),
        sa.Column("mood", sa.Enum(Mood, name="interop_mood")),
        sa.Column("mood_chk", sa.Enum(Mood, native_enum=False, create_constraint=True, name="ck_interop_mood")),
        sa.Column("mood_str", sa.Enum(Mood, native_enum=False)),
    )


def rows():
    tz = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    return [
        dict(id=1, small=-7, big=1234567890123, num=decimal.Decimal("12345.6789"), flt=0.123456789012345,
             dbl=0.123456789012345, str="plain text", txt="line one\nline two", flag=True,
             dt=datetime.datetime(2024, 2, 29, 13, 45, 59, 123456),
             dtz=datetime.datetime(2024, 2, 29, 13, 45, 59, 654321, tzinfo=tz),
             d=datetime.date(2024, 2, 29), t=datetime.time(23, 59, 58, 999999),
             blob=bytes(range(256)), js={"a": [1, 2.5, None, True, {"b": "ü"}], "n": None, "s": "x"},
             mood=Mood.HAPPY, mood_chk=Mood.SAD, mood_str=Mood.OK),
        dict(id=2, small=32767, big=9223372036854775807, num=decimal.Decimal("9999999999999999999999999999.9999999999"),
             flt=0.5, dbl=1.7976931348623157e308, str="Ünïcødé 🎉 𝄞 and 'quotes' \"both\" \\ %", txt="🎉" * 1000,
             flag=False, dt=datetime.datetime(1970, 1, 1, 0, 0, 0, 1),
             dtz=datetime.datetime(2000, 1, 1, 0, 0, 0, 0, tzinfo=datetime.timezone.utc),
             d=datetime.date(1000, 1, 1), t=datetime.time(0, 0, 0, 1),
             blob=b"", js=[[], {}, "", 0, -1.25e-10, 12345678901234567890],
             mood=Mood.SAD, mood_chk=Mood.HAPPY, mood_str=Mood.SAD),
        dict(id=3, small=None, big=None, num=None, flt=None, dbl=None, str=None, txt=None, flag=None,
             dt=None, dtz=None, d=None, t=None, blob=None, js=None, mood=None, mood_chk=None, mood_str=None),
    ]


def canonical(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, decimal.Decimal):
        text = format(v, "f")  # not normalize(): it rounds to the context's 28 digits
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc)
            return v.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
        return v.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, datetime.time):
        return v.strftime("%H:%M:%S.%f")
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v).hex()
    if isinstance(v, enum.Enum):
        return v.name
    if isinstance(v, dict):
        return {k: canonical(x) for k, x in v.items()}
    if isinstance(v, list):
        return [canonical(x) for x in v]
    raise TypeError("no canonical form for %r" % (v,))


def dump(engine, t):
    with engine.connect() as c:
        out = []
        for r in c.execute(sa.select(t).order_by(t.c.id)):
            out.append({k: canonical(v) for k, v in r._mapping.items()})
    print(json.dumps(out, ensure_ascii=False))


def main():
    command, url = sys.argv[1], sys.argv[2]
    engine = sa.create_engine(url, future=True)
    metadata = sa.MetaData()
    t = table(metadata)
    if command == "write":
        metadata.drop_all(engine)
        metadata.create_all(engine)
        with engine.begin() as c:
            c.execute(t.insert(), rows())
    dump(engine, t)


if __name__ == "__main__":
    main()
