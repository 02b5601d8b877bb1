"""The SQLAlchemy application of docs/sharing-with-sqlalchemy.md (SharingReferenceTest).

    python3 shared_orders.py write URL   creates shared_orders (dropping it first) with order 1
    python3 shared_orders.py read URL    prints every order as JSON, as SQLAlchemy reads it
"""
import datetime
import decimal
import enum
import json
import sys

from sqlalchemy import Column, DateTime, Enum, Integer, Numeric, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Status(enum.Enum):
    NEW = 1
    PAID = 2
    SHIPPED = 3


class Order(Base):
    __tablename__ = "shared_orders"
    id = Column(Integer, primary_key=True)
    customer = Column(String(100), nullable=False)
    total = Column(Numeric(10, 2))
    status = Column(Enum(Status, name="order_status"))
    created_at = Column(DateTime)


def main():
    command, url = sys.argv[1], sys.argv[2]
    engine = create_engine(url, future=True)
    if command == "write":
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Order(id=1, customer="Ana", total=decimal.Decimal("12.50"), status=Status.PAID,
                              created_at=datetime.datetime(2024, 1, 2, 3, 4, 5)))
            session.commit()
    with Session(engine) as session:
        print(json.dumps([dict(id=o.id, customer=o.customer, total=str(o.total), status=o.status.name,
                               created_at=o.created_at.isoformat()) for o in session.scalars(select(Order).order_by(Order.id))]))


if __name__ == "__main__":
    main()
