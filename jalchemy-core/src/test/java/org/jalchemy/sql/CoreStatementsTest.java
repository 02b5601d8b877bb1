package org.jalchemy.sql;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.*;

/** select/insert/update/delete of the expression language executed on every backend. */
class CoreStatementsTest {
    static final ColumnClause<Integer> ID = column("id", IntegerType.INSTANCE);
    static final ColumnClause<String> NAME = column("name", new StringType(50));
    static final ColumnClause<Integer> AGE = column("age", IntegerType.INSTANCE);
    static final ColumnClause<Integer> UID = column("user_id", IntegerType.INSTANCE);
    static final ColumnClause<String> EMAIL = column("email", new StringType(100));

    static final TableClause users = table("cs_users", ID, NAME, AGE).withPrimaryKey("id");
    static final ColumnClause<Integer> uId = users.c(ID);
    static final ColumnClause<String> uName = users.c(NAME);
    static final ColumnClause<Integer> uAge = users.c(AGE);
    static final TableClause addresses = table("cs_addresses", ID, UID, EMAIL).withPrimaryKey("id");
    static final ColumnClause<Integer> aId = addresses.c(ID);
    static final ColumnClause<Integer> aUid = addresses.c(UID);
    static final ColumnClause<String> aEmail = addresses.c(EMAIL);

    static Engine setup(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "cs_addresses", "cs_users");
        Db.exec(e, "CREATE TABLE cs_users (id INTEGER PRIMARY KEY, name VARCHAR(50), age INTEGER)",
                "CREATE TABLE cs_addresses (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES cs_users(id), "
                        + "email VARCHAR(100))");
        try (Connection c = e.connect()) {
            c.execute(insert(users), List.of(
                    Map.of("id", 1, "name", "ann", "age", 30),
                    Map.of("id", 2, "name", "bob", "age", 25),
                    Map.of("id", 3, "name", "cy", "age", 41),
                    Map.of("id", 4, "name", "Dee_%", "age", 25)));
            c.execute(insert(addresses).values(List.of(
                    Map.of("id", 1, "user_id", 1, "email", "ann@a.org"),
                    Map.of("id", 2, "user_id", 1, "email", "ann@b.org"),
                    Map.of("id", 3, "user_id", 2, "email", "bob@a.org"))));
            c.commit();
        }
        return e;
    }

    private static List<Integer> ids(Connection c, Select<?> s) {
        return c.execute(s).scalars(Integer.class).all();
    }

    @BackendTest
    void whereOperatorsOrderLimitOffset(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            Select<?> base = select(uId).orderBy(uId);
            assertThat(ids(c, base.where(uId.eq(2)))).containsExactly(2);
            assertThat(ids(c, base.where(uId.ne(2)))).containsExactly(1, 3, 4);
            assertThat(ids(c, base.where(uId.gt(1), uId.le(3)))).containsExactly(2, 3);
            assertThat(ids(c, base.where(or(uId.lt(2), uId.ge(4))))).containsExactly(1, 4);
            assertThat(ids(c, base.where(not(uId.eq(1))))).containsExactly(2, 3, 4);
            assertThat(ids(c, base.where(uId.in(List.of(1, 3, 99))))).containsExactly(1, 3);
            assertThat(ids(c, base.where(uId.in(List.of())))).isEmpty();
            assertThat(ids(c, base.where(uId.notIn(List.of())))).containsExactly(1, 2, 3, 4);
            assertThat(ids(c, base.where(uId.notIn(2, 3)))).containsExactly(1, 4);
            assertThat(ids(c, base.where(uId.between(2, 3)))).containsExactly(2, 3);
            assertThat(ids(c, base.where(uName.like("b%")))).containsExactly(2);
            assertThat(ids(c, base.where(uName.ilike("ANN")))).containsExactly(1);
            assertThat(ids(c, base.where(uName.like("%/_/%", '/')))).containsExactly(4);
            assertThat(ids(c, base.where(uName.contains("_%")))).containsExactly(4);
            assertThat(ids(c, base.where(uName.startsWith("c")))).containsExactly(3);
            assertThat(ids(c, base.where(uName.isNotNull(), uAge.isNull()))).isEmpty();
            assertThat(ids(c, base.where(uAge.isDistinctFrom(25)))).containsExactly(1, 3);
            assertThat(ids(c, base.where(uAge.isNotDistinctFrom(25)))).containsExactly(2, 4);
            assertThat(ids(c, base.where(uAge.add(5).eq(35)))).containsExactly(1);
            assertThat(ids(c, base.where(uAge.mul(2).sub(uId).eq(46)))).containsExactly(4);
            assertThat(ids(c, select(uId).orderBy(uAge.desc(), uId.asc()).limit(2))).containsExactly(3, 1);
            assertThat(ids(c, base.limit(2).offset(1))).containsExactly(2, 3);
            assertThat(ids(c, base.offset(3))).containsExactly(4);
            assertThat(c.execute(select(uName.concat("!")).where(uId.eq(1))).scalarOne()).isEqualTo("ann!");
        }
    }

    @BackendTest
    void largeInListsArePaddedAndCorrect(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            List<Integer> many = new ArrayList<>();
            for (int i = 3; i < 1500; i++) {
                many.add(i);
            }
            assertThat(ids(c, select(uId).where(uId.in(many)).orderBy(uId))).containsExactly(3, 4);
            assertThat(ids(c, select(uId).where(uId.notIn(many)).orderBy(uId))).containsExactly(1, 2);
        }
    }

    @BackendTest
    void joinsGroupByHavingAndFunctions(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            var count = func.count(aId);
            List<Row> rows = c.execute(select(uName, count.label("n")).join(addresses, aUid.eq(uId))
                    .groupBy(uName).having(count.ge(1L)).orderBy(uName)).all();
            assertThat(rows).extracting(r -> r.get(uName)).containsExactly("ann", "bob");
            assertThat(rows).extracting(r -> r.get("n")).containsExactly(2L, 1L);
            List<Row> outer = c.execute(select(uId, aEmail).selectFrom(users).outerjoin(addresses, aUid.eq(uId))
                    .orderBy(uId, aId)).all();
            assertThat(outer).extracting(r -> r.get(aEmail))
                    .containsExactly("ann@a.org", "ann@b.org", "bob@a.org", null, null);
            assertThat(c.execute(select(func.count()).selectFrom(users)).scalarOne()).isEqualTo(4L);
            assertThat(c.execute(select(func.max(uAge), func.min(uAge), func.sum(uAge))).one().toArray())
                    .containsExactly(41, 25, 121);
            assertThat(c.execute(select(func.avg(uAge))).scalarOne(java.math.BigDecimal.class).intValue()).isEqualTo(30);
            assertThat(c.execute(select(func.coalesce(aEmail, "none")).selectFrom(users)
                    .outerjoin(addresses, aUid.eq(uId)).where(uId.eq(3))).scalarOne()).isEqualTo("none");
            assertThat(c.execute(select(uId).distinct().selectFrom(users).join(addresses, aUid.eq(uId)).orderBy(uId))
                    .scalars().all()).containsExactly(1, 2);
        }
    }

    @BackendTest
    void insertUpdateDeleteWithRowcounts(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            Result r = c.execute(insert(users).value(uId, 10).value(uName, "ed").value(uAge, 50));
            assertThat(r.rowcount()).isEqualTo(1);
            assertThat(r.insertedPrimaryKey().get(uId)).isEqualTo(10);
            assertThat(c.execute(update(users).set(uAge, uAge.add(1)).where(uAge.eq(25))).rowcount()).isEqualTo(2);
            assertThat(c.execute(select(uAge).where(uId.eq(2))).scalarOne()).isEqualTo(26);
            assertThat(c.execute(update(users).values(Map.of("name", "eddie")).where(uId.eq(10))).rowcount()).isEqualTo(1);
            assertThat(c.execute(delete(addresses).where(aUid.eq(1))).rowcount()).isEqualTo(2);
            assertThat(c.execute(delete(users).where(uId.in(List.of(3, 10)))).rowcount()).isEqualTo(2);
            assertThat(ids(c, select(uId).orderBy(uId))).containsExactly(1, 2, 4);
            c.commit();
        }
    }

    @BackendTest
    void executemanyAndMultiRowAndFromSelect(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 100; i < 150; i++) {
                rows.add(Map.of("id", i, "name", "u" + i, "age", i % 7));
            }
            Result r = c.execute(insert(users), rows);
            assertThat(r.rowcount()).isIn(50L, -1L);
            assertThat(c.execute(select(func.count()).selectFrom(users).where(uId.ge(100))).scalarOne()).isEqualTo(50L);
            c.execute(insert(addresses).fromSelect(List.of(aId, aUid, aEmail),
                    select(uId.add(1000), uId, uName.concat("@x")).where(uId.ge(140))));
            assertThat(c.execute(select(func.count()).selectFrom(addresses).where(aId.gt(1000))).scalarOne()).isEqualTo(10L);
            var upd = update(users).where(uId.eq(bindparam("uid", IntegerType.INSTANCE)))
                    .values(Map.of("name", bindparam("newname", new StringType(50))));
            c.execute(upd, List.of(Map.of("uid", 100, "newname", "x100"), Map.of("uid", 101, "newname", "x101")));
            assertThat(c.execute(select(uName).where(uId.in(100, 101)).orderBy(uId)).scalars().all())
                    .containsExactly("x100", "x101");
        }
    }

    @BackendTest
    void subqueriesCorrelationCaseCastUnion(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            ScalarSelect<Long> n = select(func.count(aId)).where(aUid.eq(uId)).scalarSubquery();
            List<Row> rows = c.execute(select(uName, n.label("n_addr")).orderBy(uId)).all();
            assertThat(rows).extracting(r -> ((Number) r.get("n_addr")).intValue()).containsExactly(2, 1, 0, 0);
            assertThat(ids(c, select(uId).where(exists(select(aId).where(aUid.eq(uId)))).orderBy(uId)))
                    .containsExactly(1, 2);
            assertThat(ids(c, select(uId).where(not(exists(select(aId).where(aUid.eq(uId))))).orderBy(uId)))
                    .containsExactly(3, 4);
            assertThat(ids(c, select(uId).where(uId.in(select(aUid))).orderBy(uId))).containsExactly(1, 2);
            Alias sq = select(aUid, func.count(aId).label("cnt")).groupBy(aUid).subquery("sq");
            List<Row> joined = c.execute(select(uName, sq.c("cnt")).join(sq, sq.c(aUid).eq(uId)).orderBy(uName)).all();
            assertThat(joined).extracting(r -> r.get(uName)).containsExactly("ann", "bob");
            var label = case_().when(uAge.ge(30), "old").else_("young").label("k");
            assertThat(c.execute(select(label).orderBy(uId)).scalars().all()).containsExactly("old", "young", "old", "young");
            assertThat(c.execute(select(cast(uId, new StringType(10))).where(uId.eq(1))).scalarOne()).isEqualTo("1");
            CompoundSelect u = union(select(uId).where(uId.eq(1)), select(uId).where(uId.eq(3))).orderBy(uId.desc());
            assertThat(c.execute(u).scalars().all()).containsExactly(3, 1);
            assertThat(c.execute(unionAll(select(uAge).where(uAge.eq(25)), select(uAge).where(uAge.eq(25)))).all())
                    .hasSize(4);
            assertThat(c.execute(select(uId).where(uId.le(2)).except(select(uId).where(uId.eq(1)))).scalars().all())
                    .containsExactly(2);
            assertThat(c.execute(select(uId).intersect(select(aUid))).scalars().all()).containsExactlyInAnyOrder(1, 2);
        }
    }

    @BackendTest
    void ctesAndRecursiveCtes(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            CTE young = select(uId, uName).where(uAge.lt(30)).cte("young");
            assertThat(c.execute(select(young.c(uName)).orderBy(young.c(uId))).scalars().all()).containsExactly("bob", "Dee_%");
            ColumnClause<Integer> n = column("n", IntegerType.INSTANCE);
            CTE seq = select(literal(1, IntegerType.INSTANCE).label("n")).cte("seq", true);
            ColumnClause<Integer> seqN = seq.c(n);
            seq = seq.unionAll(select(seqN.add(1)).where(seqN.lt(5)));
            assertThat(c.execute(select(func.sum(seq.c(n)))).scalarOne()).satisfies(v -> assertThat(((Number) v).intValue()).isEqualTo(15));
        }
    }

    @BackendTest
    void lateralSubqueryOnPostgresql(Backend backend) {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.isPostgresql(),
                "LATERAL exists on PostgreSQL (and MySQL 8), not on SQLite or MariaDB: see BadInputTest");
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            Alias firstMail = select(aEmail).where(aUid.eq(uId)).orderBy(aEmail.desc()).limit(1).lateral("fm");
            List<Row> rows = c.execute(select(uName, firstMail.c(aEmail)).selectFrom(users).join(firstMail, true_())
                    .orderBy(uId)).all();
            assertThat(rows).extracting(r -> r.get(1)).containsExactly("ann@b.org", "bob@a.org");
        }
    }

    @BackendTest
    void forUpdateRunsEverywhere(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            assertThat(ids(c, select(uId).where(uId.eq(1)).forUpdate())).containsExactly(1);
            assertThat(ids(c, select(uId).where(uId.eq(2)).forUpdate(true, false))).containsExactly(2);
            assertThat(ids(c, select(uId).where(uId.eq(3)).forUpdate(false, true))).containsExactly(3);
            c.rollback();
        }
    }

    @BackendTest
    void windowFunctions(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            var rn = func.rowNumber().over().partitionBy(uAge).orderBy(uId).label("rn");
            List<Row> rows = c.execute(select(uId, rn).orderBy(uId)).all();
            assertThat(rows).extracting(r -> ((Number) r.get("rn")).intValue()).containsExactly(1, 1, 1, 2);
            var running = func.sum(uAge).over().orderBy(uId).rows(null, 0).label("running");
            assertThat(c.execute(select(running).orderBy(uId)).scalars().all())
                    .extracting(v -> ((Number) v).intValue()).containsExactly(30, 55, 96, 121);
        }
    }

    @BackendTest
    void returningWhereSupported(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            Row r = c.execute(insert(users).values(Map.of("id", 20, "name", "ret", "age", 1)).returning(uId, uName)).one();
            assertThat(r.get(uId)).isEqualTo(20);
            assertThat(r.get(uName)).isEqualTo("ret");
            List<Integer> deleted = c.execute(delete(users).where(uId.eq(20)).returning(uId)).scalars(Integer.class).all();
            assertThat(deleted).containsExactly(20);
            if (!backend.isMariadb()) {
                assertThat(c.execute(update(users).set(uAge, 99).where(uId.eq(1)).returning(uAge)).scalarOne()).isEqualTo(99);
            }
        }
    }

    @BackendTest
    void upserts(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            Insert ins = insert(users).values(Map.of("id", 1, "name", "ann2", "age", 31));
            Insert up = backend.isMariadb()
                    ? ins.onDuplicateKeyUpdate(Map.of("name", excluded(uName)))
                    : ins.onConflictDoUpdate(List.of(uId), Map.of("name", excluded(uName)));
            c.execute(up);
            assertThat(c.execute(select(uName).where(uId.eq(1))).scalarOne()).isEqualTo("ann2");
            c.execute(insert(users).values(Map.of("id", 2, "name", "ignored", "age", 1)).onConflictDoNothing(uId));
            assertThat(c.execute(select(uName).where(uId.eq(2))).scalarOne()).isEqualTo("bob");
            c.execute(up.values(Map.of("id", 77, "name", "new", "age", 1)));
            assertThat(c.execute(select(uName).where(uId.eq(77))).scalarOne()).isEqualTo("new");
        }
    }

    @BackendTest
    void updateFromAndCorrelatedUpdate(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            c.execute(update(users).set(uName, aEmail).where(aUid.eq(uId), aId.eq(3)));
            assertThat(c.execute(select(uName).where(uId.eq(2))).scalarOne()).isEqualTo("bob@a.org");
            c.execute(update(users).values(Map.of("age", select(func.count(aId)).where(aUid.eq(uId)).scalarSubquery())));
            assertThat(c.execute(select(uAge).orderBy(uId)).scalars().all()).extracting(v -> ((Number) v).intValue())
                    .containsExactly(2, 1, 0, 0);
        }
    }
}
