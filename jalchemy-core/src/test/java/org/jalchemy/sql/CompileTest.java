package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.exc.CompileError;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Fixtures.*;
import static org.jalchemy.sql.Sql.*;

/** SQL text of statements per dialect, without a database. */
class CompileTest {
    static final Dialect PG = Dialects.get("postgresql");
    static final Dialect SQLITE = Dialects.get("sqlite");
    static final Dialect MYSQL = Dialects.get("mysql");
    static final Dialect MARIADB = Dialects.get("mariadb");

    private static String sql(StatementBase s, Dialect d) {
        return s.compile(d).sql();
    }

    @Test
    void toStringRendersReadableSqlWithNamedParameters() {
        Select<?> s = select(users).where(usersId.eq(5), usersName.like("a%")).orderBy(usersId.desc()).limit(10);
        assertThat(s.toString()).isEqualTo("SELECT users.id, users.name FROM users WHERE users.id = :id_1 AND "
                + "users.name LIKE :name_1 ORDER BY users.id DESC LIMIT :param_1");
        assertThat(usersId.eq(5).toString()).isEqualTo("users.id = :id_1");
        assertThat(s.params(PG)).containsExactly(Map.entry("id_1", 5), Map.entry("name_1", "a%"), Map.entry("param_1", 10));
    }

    @Test
    void compileShowsSqlAndSlotsWithoutADatabase() {
        Compiled c = select(usersName).where(usersId.eq(7)).compile(PG);
        assertThat(c.sql()).isEqualTo("SELECT users.name FROM users WHERE users.id = ?");
        assertThat(c.parameterNames()).containsExactly("id_1");
        assertThat(c.slots()[0].type()).isEqualTo(IntegerType.INSTANCE);
        assertThat(c.resultColumns()).extracting(Compiled.ResultColumn::name).containsExactly("name");
        assertThat(c.isQuery()).isTrue();
    }

    @Test
    void operatorsAndPrecedence() {
        assertThat(and(usersId.eq(1), or(usersId.eq(2), usersName.eq("x"))).toString())
                .isEqualTo("users.id = :id_1 AND (users.id = :id_2 OR users.name = :name_1)");
        assertThat(or(and(usersId.eq(1), usersId.eq(2)), usersId.eq(3)).toString())
                .isEqualTo("users.id = :id_1 AND users.id = :id_2 OR users.id = :id_3");
        assertThat(not(or(usersId.eq(1), usersId.eq(2))).toString()).isEqualTo("NOT (users.id = :id_1 OR users.id = :id_2)");
        assertThat(usersId.sub(usersId.sub(1)).toString()).isEqualTo("users.id - (users.id - :id_1)");
        assertThat(usersId.add(1).mul(2).toString()).isEqualTo("(users.id + :id_1) * :id_2");
        assertThat(usersId.between(1, 5).toString()).isEqualTo("users.id BETWEEN :id_1 AND :id_2");
        assertThat(usersId.isNull().toString()).isEqualTo("users.id IS NULL");
        assertThat(usersId.eq((Integer) null).toString()).isEqualTo("users.id IS NULL");
        assertThat(usersId.ne((Integer) null).toString()).isEqualTo("users.id IS NOT NULL");
        assertThat(usersId.in(List.of()).toString()).isEqualTo("1 != 1");
        assertThat(usersId.notIn(List.of()).toString()).isEqualTo("1 = 1");
        assertThat(usersName.like("a/%", '/').toString()).isEqualTo("users.name LIKE :name_1 ESCAPE '/'");
        assertThat(usersId.neg().toString()).isEqualTo("-users.id");
        assertThat(func.count(usersId.distinct()).toString()).isEqualTo("count(DISTINCT users.id)");
        assertThat(usersName.collate("C").toString()).isEqualTo("users.name COLLATE \"C\"");
    }

    @Test
    void perDialectOperators() {
        Select<?> s = select(usersId).where(usersName.ilike("a%"), usersId.isDistinctFrom(3));
        assertThat(sql(s, PG)).isEqualTo("SELECT users.id FROM users WHERE users.name ILIKE ? AND users.id IS DISTINCT FROM ?");
        assertThat(sql(s, SQLITE)).isEqualTo("SELECT users.id FROM users WHERE lower(users.name) LIKE lower(?) AND users.id IS NOT ?");
        assertThat(sql(s, MYSQL)).isEqualTo("SELECT users.id FROM users WHERE lower(users.name) LIKE lower(?) AND NOT (users.id <=> ?)");
        Select<?> c = select(usersName.concat("!").label("x"));
        assertThat(sql(c, PG)).isEqualTo("SELECT users.name || ? AS x FROM users");
        assertThat(sql(c, MYSQL)).isEqualTo("SELECT concat(users.name, ?) AS x FROM users");
        Select<?> t = select(true_().label("t"));
        assertThat(sql(t, PG)).isEqualTo("SELECT true AS t");
        assertThat(sql(t, SQLITE)).isEqualTo("SELECT 1 AS t");
    }

    @Test
    void limitOffsetForms() {
        Select<?> s = select(usersId).orderBy(usersId);
        assertThat(sql(s.limit(5).offset(10), PG)).endsWith("ORDER BY users.id LIMIT ? OFFSET ?");
        assertThat(sql(s.offset(10), PG)).endsWith("ORDER BY users.id OFFSET ?");
        assertThat(sql(s.offset(10), SQLITE)).endsWith("ORDER BY users.id LIMIT -1 OFFSET ?");
        assertThat(sql(s.offset(10), MYSQL)).endsWith("ORDER BY users.id LIMIT 18446744073709551615 OFFSET ?");
    }

    @Test
    void orderingNullsFirstLast() {
        Select<?> s = select(usersId).orderBy(usersName.desc().nullsLast(), usersId.nullsFirst());
        assertThat(sql(s, PG)).endsWith("ORDER BY users.name DESC NULLS LAST, users.id NULLS FIRST");
        assertThat(sql(s, MYSQL)).endsWith("ORDER BY users.name IS NULL, users.name DESC, users.id IS NOT NULL, users.id");
    }

    @Test
    void distinctAndDistinctOn() {
        assertThat(sql(select(usersName).distinct(), SQLITE)).isEqualTo("SELECT DISTINCT users.name FROM users");
        Select<?> on = select(usersId, usersName).distinctOn(usersName).orderBy(usersName, usersId);
        assertThat(sql(on, PG)).startsWith("SELECT DISTINCT ON (users.name) users.id, users.name FROM users");
        assertThatThrownBy(() -> sql(on, MYSQL)).isInstanceOf(CompileError.class).hasMessageContaining("DISTINCT ON");
    }

    @Test
    void joinsAndInferredFroms() {
        assertThat(sql(select(usersName, addrEmail).where(addrUserId.eq(usersId)), PG))
                .isEqualTo("SELECT users.name, addresses.email FROM users, addresses WHERE addresses.user_id = users.id");
        assertThat(sql(select(usersName, addrEmail).join(addresses, addrUserId.eq(usersId)), PG))
                .isEqualTo("SELECT users.name, addresses.email FROM users JOIN addresses ON addresses.user_id = users.id");
        assertThat(sql(select(usersName).selectFrom(users.outerjoin(addresses, addrUserId.eq(usersId))), PG))
                .isEqualTo("SELECT users.name FROM users LEFT OUTER JOIN addresses ON addresses.user_id = users.id");
        Select<?> full = select(usersName).fullJoin(addresses, addrUserId.eq(usersId));
        assertThat(sql(full, PG)).contains("FULL OUTER JOIN");
        assertThatThrownBy(() -> sql(full, MYSQL)).isInstanceOf(CompileError.class).hasMessageContaining("FULL OUTER JOIN");
        Alias u2 = users.alias("u2");
        assertThat(sql(select(u2.c(usersId)).where(u2.c(usersName).eq("x")), PG))
                .isEqualTo("SELECT u2.id FROM users AS u2 WHERE u2.name = ?");
    }

    @Test
    void subqueriesAndCorrelation() {
        ScalarSelect<Long> n = select(func.count(addrId)).where(addrUserId.eq(usersId)).scalarSubquery();
        assertThat(sql(select(usersName, n.label("n")), PG)).isEqualTo("SELECT users.name, (SELECT count(addresses.id) "
                + "AS count FROM addresses WHERE addresses.user_id = users.id) AS n FROM users");
        Alias sq = select(addrUserId, func.count(addrId).label("cnt")).groupBy(addrUserId).subquery();
        assertThat(sql(select(usersName, sq.c("cnt")).join(sq, sq.c(addrUserId).eq(usersId)), PG))
                .isEqualTo("SELECT users.name, anon_1.cnt FROM users JOIN (SELECT addresses.user_id, count(addresses.id) "
                        + "AS cnt FROM addresses GROUP BY addresses.user_id) AS anon_1 ON anon_1.user_id = users.id");
        assertThat(sql(select(usersId).where(exists(select(addrId).where(addrUserId.eq(usersId)))), SQLITE))
                .isEqualTo("SELECT users.id FROM users WHERE EXISTS (SELECT addresses.id FROM addresses "
                        + "WHERE addresses.user_id = users.id)");
        Alias lat = select(addrEmail).where(addrUserId.eq(usersId)).limit(1).lateral("l");
        assertThat(sql(select(usersName, lat.c("email")).selectFrom(users).join(lat, true_()), PG))
                .contains("JOIN LATERAL (SELECT addresses.email FROM addresses WHERE addresses.user_id = users.id LIMIT ?) AS l ON true");
        assertThatThrownBy(() -> sql(select(usersName, lat.c("email")).selectFrom(users).join(lat, true_()), SQLITE))
                .isInstanceOf(CompileError.class).hasMessageContaining("LATERAL");
        assertThatThrownBy(() -> sql(select(usersName, lat.c("email")).selectFrom(users).join(lat, true_()), MARIADB))
                .isInstanceOf(CompileError.class).hasMessageContaining("LATERAL");
    }

    @Test
    void autoCorrelationThatRemovesEveryFromIsAnError() {
        Select<?> inner = select(usersId).where(usersId.eq(1));
        assertThatThrownBy(() -> sql(select(usersId).where(usersId.eq(inner.<Integer>scalarSubquery())), PG))
                .isInstanceOf(CompileError.class).hasMessageContaining("auto-correlation");
        assertThat(sql(select(usersId).where(usersId.eq(inner.correlate().<Integer>scalarSubquery())), PG))
                .isEqualTo("SELECT users.id FROM users WHERE users.id = (SELECT users.id FROM users WHERE users.id = ?)");
    }

    @Test
    void ctesRenderOnceAtTheTop() {
        CTE c = select(usersId, usersName).where(usersId.gt(1)).cte("big");
        assertThat(sql(select(c.c("name")).where(c.c(usersId).lt(9)), PG))
                .isEqualTo("WITH big AS (SELECT users.id, users.name FROM users WHERE users.id > ?) "
                        + "SELECT big.name FROM big WHERE big.id < ?");
        ColumnClause<Integer> n = column("n", IntegerType.INSTANCE);
        CTE seq = select(literal(1, IntegerType.INSTANCE).label("n")).cte("seq", true);
        seq = seq.unionAll(select(seq.c(n).add(1)).where(seq.c(n).lt(5)));
        assertThat(sql(select(seq.c(n)), PG)).isEqualTo("WITH RECURSIVE seq(n) AS (SELECT ? AS n UNION ALL "
                + "SELECT seq.n + ? AS anon_1 FROM seq WHERE seq.n < ?) SELECT seq.n FROM seq");
    }

    @Test
    void compoundSelects() {
        CompoundSelect u = union(select(usersId).where(usersId.eq(1)), select(addrUserId)).orderBy(usersId).limit(3);
        assertThat(sql(u, PG)).isEqualTo("SELECT users.id FROM users WHERE users.id = ? UNION "
                + "SELECT addresses.user_id FROM addresses ORDER BY id LIMIT ?");
        CompoundSelect limited = unionAll(select(usersId).limit(1), select(addrUserId));
        assertThat(sql(limited, PG)).isEqualTo("(SELECT users.id FROM users LIMIT ?) UNION ALL SELECT addresses.user_id FROM addresses");
        assertThat(sql(limited, SQLITE)).isEqualTo("SELECT * FROM (SELECT users.id FROM users LIMIT ?) UNION ALL "
                + "SELECT addresses.user_id FROM addresses");
        assertThat(sql(select(usersId).except(select(addrUserId)), MYSQL)).contains(" EXCEPT ");
    }

    @Test
    void windowFunctionsCaseCast() {
        var w = func.rowNumber().over().partitionBy(usersName).orderBy(usersId.desc()).rows(null, 0);
        assertThat(w.toString()).isEqualTo("row_number() OVER (PARTITION BY users.name ORDER BY users.id DESC "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
        assertThat(func.sum(usersId).over().range(-2, 3).toString())
                .isEqualTo("sum(users.id) OVER (RANGE BETWEEN 2 PRECEDING AND 3 FOLLOWING)");
        Case<Object> k = case_().when(usersId.eq(1), "one").when(usersId.gt(5), "many").else_("few");
        assertThat(k.toString()).isEqualTo("CASE WHEN users.id = :id_1 THEN :param_1 WHEN users.id > :id_2 "
                + "THEN :param_2 ELSE :param_3 END");
        assertThat(sql(select(cast(usersId, new StringType(10)).label("s")), PG)).isEqualTo("SELECT CAST(users.id AS VARCHAR(10)) AS s FROM users");
        assertThat(sql(select(cast(usersId, new StringType(10)).label("s")), MYSQL)).isEqualTo("SELECT CAST(users.id AS CHAR(10)) AS s FROM users");
        assertThat(sql(select(cast(usersName, IntegerType.INSTANCE).label("i")), MYSQL)).isEqualTo("SELECT CAST(users.name AS SIGNED) AS i FROM users");
        assertThat(sql(select(func.now().label("t")), SQLITE)).isEqualTo("SELECT CURRENT_TIMESTAMP AS t");
        assertThat(sql(select(func.count().filter(usersId.gt(1)).label("c")), PG))
                .isEqualTo("SELECT count(*) FILTER (WHERE users.id > ?) AS c FROM users");
    }

    @Test
    void forUpdateForms() {
        assertThat(sql(select(usersId).forUpdate(), PG)).endsWith("FROM users FOR UPDATE");
        assertThat(sql(select(usersId).forUpdate(true, false), MYSQL)).endsWith("FOR UPDATE NOWAIT");
        assertThat(sql(select(usersId).forUpdate(false, true), PG)).endsWith("FOR UPDATE SKIP LOCKED");
        assertThat(sql(select(usersId).forUpdate(), SQLITE)).isEqualTo("SELECT users.id FROM users");
    }

    @Test
    void forUpdateOfRendersTablesWhereTheDatabaseHasIt() {
        Select<?> s = select(usersId, addrEmail).join(addresses, addrUserId.eq(usersId)).forUpdateOf(addresses);
        assertThat(sql(s, PG)).endsWith("FOR UPDATE OF addresses");
        assertThat(sql(s.forUpdate(true, false), PG)).endsWith("FOR UPDATE OF addresses NOWAIT");
        assertThat(sql(select(usersId).forUpdate(false, true).forUpdateOf(users), PG))
                .endsWith("FOR UPDATE OF users SKIP LOCKED");
        assertThat(sql(s, MYSQL)).endsWith("FOR UPDATE OF addresses");   // MySQL 8
        assertThat(sql(s, MARIADB)).endsWith("FOR UPDATE");              // MariaDB has no OF
        assertThat(sql(s, SQLITE)).doesNotContain("FOR UPDATE");         // nor row locks
        Alias a = addresses.alias("a");
        assertThat(sql(select(usersId).join(a, a.c(USER_ID).eq(usersId)).forUpdateOf(users, a), PG))
                .endsWith("FOR UPDATE OF users, a");
        assertThat(sql(select(usersId, addrEmail).forUpdateOf(users.join(addresses, addrUserId.eq(usersId))), PG))
                .endsWith("FOR UPDATE OF users, addresses");
        assertThat(select(usersId).forUpdateOf(users).compile(PG).sql())
                .isNotEqualTo(select(usersId).forUpdateOf(addresses).compile(PG).sql()); // part of the cache key
        assertThatThrownBy(() -> select(usersId).forUpdateOf()).hasMessageContaining("at least one table");
    }

    @Test
    void insertForms() {
        TableClause plain = table("plain", column("a", IntegerType.INSTANCE), column("b", new StringType(5)));
        assertThat(sql(insert(plain).values(Map.of("a", 1)), PG)).isEqualTo("INSERT INTO plain (a) VALUES (?)");
        assertThat(sql(insert(plain).values(List.of(Map.of("a", 1, "b", "x"), Map.of("a", 2, "b", "y"))), PG))
                .isEqualTo("INSERT INTO plain (a, b) VALUES (?, ?), (?, ?)");
        assertThat(sql(insert(plain), PG)).isEqualTo("INSERT INTO plain DEFAULT VALUES");
        assertThat(sql(insert(plain), MYSQL)).isEqualTo("INSERT INTO plain () VALUES ()");
        assertThat(sql(insert(plain).fromSelect(List.of(plain.c("a")), select(usersId)), PG))
                .isEqualTo("INSERT INTO plain (a) SELECT users.id FROM users");
        assertThat(sql(insert(users).values(Map.of("name", "x")), PG))
                .as("a table with a declared primary key reports it through implicit RETURNING")
                .isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id");
        assertThat(sql(insert(users).values(Map.of("name", "x")).returning(usersId, usersName), SQLITE))
                .isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id, name");
        assertThatThrownBy(() -> sql(insert(users).values(Map.of("name", "x")).returning(usersId), MYSQL))
                .isInstanceOf(CompileError.class).hasMessageContaining("RETURNING").hasMessageContaining("mysql");
        assertThat(sql(insert(users).values(Map.of("name", "x")).returning(usersId), MARIADB)).endsWith("RETURNING id");
    }

    @Test
    void upsertForms() {
        Insert ins = insert(users).values(Map.of("id", 1, "name", "x"));
        assertThat(sql(ins.onConflictDoUpdate(List.of(usersId), Map.of("name", excluded(usersName))).returning(usersId), PG))
                .isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING id");
        assertThat(sql(ins.onConflictDoNothing(usersId), SQLITE))
                .startsWith("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING");
        assertThat(sql(ins.onDuplicateKeyUpdate(Map.of("name", excluded(usersName))), MYSQL))
                .isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)");
        assertThat(sql(ins.onConflictDoNothing(), MYSQL)).endsWith("ON DUPLICATE KEY UPDATE id = id");
        assertThatThrownBy(() -> sql(ins.onConflictDoUpdate(List.of(), Map.of("name", "y")), PG))
                .isInstanceOf(CompileError.class).hasMessageContaining("conflict target");
    }

    @Test
    void updateAndDeleteForms() {
        assertThat(sql(update(users).set(usersName, "n").where(usersId.eq(1)), PG))
                .isEqualTo("UPDATE users SET name = ? WHERE users.id = ?");
        Update uf = update(users).set(usersName, addrEmail).where(addrUserId.eq(usersId));
        assertThat(sql(uf, PG)).isEqualTo("UPDATE users SET name = addresses.email FROM addresses WHERE addresses.user_id = users.id");
        assertThat(sql(uf, MYSQL)).isEqualTo("UPDATE users, addresses SET users.name = addresses.email WHERE addresses.user_id = users.id");
        Delete df = delete(users).where(addrUserId.eq(usersId));
        assertThat(sql(df, PG)).isEqualTo("DELETE FROM users USING addresses WHERE addresses.user_id = users.id");
        assertThat(sql(df, MYSQL)).isEqualTo("DELETE FROM users USING users, addresses WHERE addresses.user_id = users.id");
        assertThatThrownBy(() -> sql(df, SQLITE)).isInstanceOf(CompileError.class);
        assertThatThrownBy(() -> sql(update(users).set(usersName, "n").returning(usersId), MARIADB))
                .isInstanceOf(CompileError.class).hasMessageContaining("UPDATE ... RETURNING");
        assertThat(sql(delete(users).where(usersId.eq(1)).returning(usersId), MARIADB)).endsWith("RETURNING id");
        assertThat(sql(update(users).values(Map.of("name", select(addrEmail).where(addrUserId.eq(usersId)).limit(1))), PG))
                .isEqualTo("UPDATE users SET name = (SELECT addresses.email FROM addresses WHERE addresses.user_id = users.id LIMIT ?)");
    }

    @Test
    void quotingOfIdentifiers() {
        TableClause t = table("User Data", column("select", IntegerType.INSTANCE), column("MixedCase", IntegerType.INSTANCE));
        Select<?> s = select(t.c("select"), t.c("MixedCase"));
        assertThat(sql(s, PG)).isEqualTo("SELECT \"User Data\".\"select\", \"User Data\".\"MixedCase\" FROM \"User Data\"");
        assertThat(sql(s, MYSQL)).isEqualTo("SELECT `User Data`.`select`, `User Data`.`MixedCase` FROM `User Data`");
        TableClause evil = table("a\"b`c", column("x\"y", IntegerType.INSTANCE));
        assertThat(sql(select(evil.c("x\"y")), PG)).isEqualTo("SELECT \"a\"\"b`c\".\"x\"\"y\" FROM \"a\"\"b`c\"");
        assertThat(sql(select(evil.c("x\"y")), MYSQL)).isEqualTo("SELECT `a\"b``c`.`x\"y` FROM `a\"b``c`");
        TableClause inSchema = tableIn("s1", "t", column("a", IntegerType.INSTANCE));
        assertThat(sql(select(inSchema), PG)).isEqualTo("SELECT s1.t.a FROM s1.t");
    }

    @Test
    void starAndLiteralColumns() {
        assertThat(sql(select(star()).selectFrom(users).where(usersId.eq(1)), PG)).isEqualTo("SELECT * FROM users WHERE users.id = ?");
        assertThat(sql(select(literalColumn("42").label("answer")), SQLITE)).isEqualTo("SELECT 42 AS answer");
    }

    @Test
    void literalRenderingEscapesPerDialect() {
        Select<?> s = select(usersId).where(usersName.eq("it's a \\ test"), usersId.in(1, 2));
        assertThat(s.literalSql(PG)).isEqualTo("SELECT users.id FROM users WHERE users.name = 'it''s a \\ test' AND users.id IN (1, 2)");
        assertThat(s.literalSql(MYSQL)).isEqualTo("SELECT users.id FROM users WHERE users.name = 'it''s a \\\\ test' AND users.id IN (1, 2)");
        assertThatThrownBy(() -> select(usersId).where(usersName.eq(bindparam("n", new StringType(5)))).literalSql(PG))
                .isInstanceOf(CompileError.class);
    }

    @Test
    void statementsAreImmutable() {
        Select<?> base = select(usersId);
        Select<?> filtered = base.where(usersId.eq(1));
        assertThat(base.toString()).isEqualTo("SELECT users.id FROM users");
        assertThat(filtered).isNotSameAs(base);
        Insert i = insert(users);
        i.values(Map.of("id", 1));
        assertThat(i.rows()).isEmpty();
    }
}
