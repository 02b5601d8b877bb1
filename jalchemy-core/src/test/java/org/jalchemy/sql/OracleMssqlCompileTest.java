package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.exc.CompileError;
import org.jalchemy.types.IntegerType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Fixtures.*;
import static org.jalchemy.sql.Sql.*;

/** The compile-only Oracle and SQL Server dialects, asserted as SQL strings. */
class OracleMssqlCompileTest {
    static final Dialect ORACLE = Dialects.get("oracle");
    static final Dialect MSSQL = Dialects.get("mssql");

    private static String sql(StatementBase s, Dialect d) {
        return s.compile(d).sql();
    }

    @Test
    void dialectsAreFoundByName() {
        assertThat(Dialects.names()).contains("oracle", "mssql");
        assertThat(ORACLE.name()).isEqualTo("oracle");
        assertThat(MSSQL.quoteIdentifier("select")).isEqualTo("[select]");
        assertThat(MSSQL.quote("a]b")).isEqualTo("[a]]b]");
    }

    @Test
    void limitAndOffsetForms() {
        Select<?> s = select(usersId).orderBy(usersId);
        assertThat(sql(s.limit(5), ORACLE)).isEqualTo("SELECT users.id FROM users ORDER BY users.id FETCH FIRST ? ROWS ONLY");
        assertThat(sql(s.limit(5).offset(10), ORACLE))
                .isEqualTo("SELECT users.id FROM users ORDER BY users.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        assertThat(sql(s.limit(5), MSSQL)).isEqualTo("SELECT TOP (?) users.id FROM users ORDER BY users.id");
        assertThat(sql(s.limit(5).offset(10), MSSQL))
                .isEqualTo("SELECT users.id FROM users ORDER BY users.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        assertThat(sql(select(usersId).offset(3), MSSQL))
                .isEqualTo("SELECT users.id FROM users ORDER BY (SELECT NULL) OFFSET ? ROWS");
        Compiled top = s.limit(5).where(usersId.gt(1)).compile(MSSQL);
        assertThat(top.sql()).isEqualTo("SELECT TOP (?) users.id FROM users WHERE users.id > ? ORDER BY users.id");
        assertThat(top.parameterNames()).as("slots follow the text order").containsExactly("param_1", "id_1");
        assertThat(sql(union(select(usersId), select(addrUserId)).orderBy(usersId).limit(2), MSSQL))
                .endsWith("ORDER BY id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
        Alias sq = select(usersId).subquery("sq");
        assertThat(sql(select(sq.c(usersId)).limit(3), MSSQL)).isEqualTo("SELECT TOP (?) sq.id FROM (SELECT users.id FROM users) AS sq");
    }

    @Test
    void booleansBecomePredicates() {
        ColumnClause<Boolean> active = column("active", ExprTypes.BOOLEAN);
        TableClause flags = table("flags", column("id", IntegerType.INSTANCE), active);
        ColumnClause<Boolean> fActive = flags.c(active);
        assertThat(sql(select(flags.c("id")).where(fActive), ORACLE)).isEqualTo("SELECT flags.id FROM flags WHERE flags.active = 1");
        assertThat(sql(select(flags.c("id")).where(not(fActive), true_()), MSSQL))
                .isEqualTo("SELECT flags.id FROM flags WHERE NOT flags.active = 1 AND 1 = 1");
        assertThat(sql(select(true_().label("t")), ORACLE)).isEqualTo("SELECT 1 AS t FROM DUAL");
        assertThat(sql(select(literal(1, IntegerType.INSTANCE).label("x")), MSSQL)).isEqualTo("SELECT ? AS x");
    }

    @Test
    void quotingAndAliases() {
        TableClause t = table("Order", column("level", IntegerType.INSTANCE));
        assertThat(sql(select(t.c("level")), ORACLE)).isEqualTo("SELECT \"Order\".\"level\" FROM \"Order\"");
        assertThat(sql(select(t.c("level")), MSSQL)).isEqualTo("SELECT [Order].level FROM [Order]");
        Alias u = users.alias("u");
        assertThat(sql(select(u.c(usersId)), ORACLE)).isEqualTo("SELECT u.id FROM users u");
        assertThat(sql(select(u.c(usersId)), MSSQL)).isEqualTo("SELECT u.id FROM users AS u");
    }

    @Test
    void returningAndOutput() {
        Insert ins = insert(users).values(Map.of("id", 1, "name", "x")).returning(usersId);
        assertThat(sql(ins, ORACLE)).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) RETURNING id INTO :ret_0");
        assertThat(sql(ins, MSSQL)).isEqualTo("INSERT INTO users (id, name) OUTPUT inserted.id VALUES (?, ?)");
        assertThat(ins.compile(MSSQL).resultColumns()).extracting(Compiled.ResultColumn::name).containsExactly("id");
        assertThat(sql(update(users).set(usersName, "y").where(usersId.eq(1)).returning(usersName), MSSQL))
                .isEqualTo("UPDATE users SET name = ? OUTPUT inserted.name WHERE users.id = ?");
        assertThat(sql(delete(users).where(usersId.eq(1)).returning(usersId), MSSQL))
                .isEqualTo("DELETE FROM users OUTPUT deleted.id WHERE users.id = ?");
        assertThat(sql(insert(users).values(Map.of("id", 1)), ORACLE)).as("no implicit RETURNING on Oracle")
                .isEqualTo("INSERT INTO users (id) VALUES (?)");
    }

    @Test
    void upsertIsMerge() {
        Insert up = insert(users).values(Map.of("id", 1, "name", "x"))
                .onConflictDoUpdate(List.of(usersId), Map.of("name", excluded(usersName)));
        assertThat(sql(up, ORACLE)).isEqualTo("MERGE INTO users USING (SELECT ? AS id, ? AS name FROM DUAL) excluded "
                + "ON (users.id = excluded.id) WHEN MATCHED THEN UPDATE SET name = excluded.name "
                + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name)");
        assertThat(sql(up, MSSQL)).isEqualTo("MERGE INTO users USING (SELECT ? AS id, ? AS name) AS excluded "
                + "ON (users.id = excluded.id) WHEN MATCHED THEN UPDATE SET name = excluded.name "
                + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name);");
        assertThat(sql(insert(users).values(Map.of("id", 1, "name", "x")).onConflictDoNothing(), MSSQL))
                .as("the primary key is the default MERGE target")
                .isEqualTo("MERGE INTO users USING (SELECT ? AS id, ? AS name) AS excluded ON (users.id = excluded.id) "
                        + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name);");
        TableClause noPk = table("nopk", column("a", IntegerType.INSTANCE));
        assertThatThrownBy(() -> sql(insert(noPk).values(Map.of("a", 1)).onConflictDoNothing(), ORACLE))
                .isInstanceOf(CompileError.class).hasMessageContaining("primary key");
    }

    @Test
    void otherDifferences() {
        assertThat(sql(select(usersId).except(select(addrUserId)), ORACLE)).contains(" MINUS ");
        assertThat(sql(select(usersId.mod(3).label("m")), ORACLE)).isEqualTo("SELECT MOD(users.id, ?) AS m FROM users");
        assertThat(sql(select(usersId).where(usersId.isDistinctFrom(1)), ORACLE))
                .endsWith("WHERE DECODE(users.id, ?, 0, 1) = 1");
        assertThat(sql(select(usersName.concat("x").label("c")), MSSQL)).isEqualTo("SELECT users.name + ? AS c FROM users");
        assertThat(sql(select(usersId).orderBy(usersName.nullsLast()), MSSQL))
                .endsWith("ORDER BY CASE WHEN users.name IS NULL THEN 1 ELSE 0 END, users.name");
        assertThat(sql(select(func.charLength(usersName).label("n")), MSSQL)).isEqualTo("SELECT LEN(users.name) AS n FROM users");
        ColumnClause<Integer> n = column("n", IntegerType.INSTANCE);
        CTE seq = select(literal(1, IntegerType.INSTANCE).label("n")).cte("seq", true);
        seq = seq.unionAll(select(seq.c(n).add(1)).where(seq.c(n).lt(5)));
        assertThat(sql(select(seq.c(n)), MSSQL)).startsWith("WITH seq(n) AS (SELECT ? AS n UNION ALL");
        assertThat(sql(select(seq.c(n)), ORACLE)).startsWith("WITH seq(n) AS (SELECT ? AS n FROM DUAL UNION ALL");
        assertThat(sql(select(usersId).forUpdate(false, true), ORACLE)).endsWith("FOR UPDATE SKIP LOCKED");
        assertThatThrownBy(() -> sql(select(usersId).forUpdate(), MSSQL)).isInstanceOf(CompileError.class);
    }
}
