package org.jalchemy.sql;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.CompileError;
import org.jalchemy.exc.DBAPIError;
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

/**
 * Hostile strings as values and as identifiers: everything is bound or quoted, nothing executes,
 * and the tables are intact afterwards.
 */
class SqlInjectionTest {
    static final ColumnClause<Integer> ID = column("id", IntegerType.INSTANCE);
    static final ColumnClause<String> BODY = column("body", new StringType(null));
    static final TableClause notes = table("inj_notes", ID, BODY);
    static final ColumnClause<Integer> nId = notes.c(ID);
    static final ColumnClause<String> nBody = notes.c(BODY);

    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE inj_victim; --",
            "\\'; DROP TABLE inj_victim; --",
            "\" OR 1=1 --",
            "` OR 1=1 #",
            "\\",
            "\\\\'",
            "'' OR ''='",
            "x' OR 'a'='a",
            "%_\\%",
            "1; DELETE FROM inj_notes",
            "unicode: é ß 漢字 🙂 \u202e",
            "a".repeat(20_000) + "'; DROP TABLE inj_victim; --");

    private static Engine setup(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "inj_notes", "inj_victim");
        String text = backend.isMariadb() ? "LONGTEXT" : "TEXT";
        Db.exec(e, "CREATE TABLE inj_victim (id INTEGER PRIMARY KEY)", "INSERT INTO inj_victim (id) VALUES (1)",
                "CREATE TABLE inj_notes (id INTEGER PRIMARY KEY, body " + text + ")");
        return e;
    }

    private static void assertVictimIntact(Engine e) {
        assertThat(Db.count(e, "inj_victim")).isEqualTo(1);
    }

    @BackendTest
    void injectionThroughValuesIsInert(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < HOSTILE.size(); i++) {
                c.execute(insert(notes).values(Map.of("id", i, "body", HOSTILE.get(i))));
                rows.add(Map.of("id", 100 + i, "body", HOSTILE.get(i)));
            }
            c.execute(insert(notes), rows);
            c.commit();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String v = HOSTILE.get(i);
                assertThat(c.execute(select(nBody).where(nId.eq(i))).scalarOne()).isEqualTo(v);
                assertThat(c.execute(select(nId).where(nBody.eq(v)).orderBy(nId)).scalars().all()).containsExactly(i, 100 + i);
                assertThat(c.execute(select(func.count()).selectFrom(notes).where(nBody.in(List.of(v, "zz")))).scalarOne())
                        .isEqualTo(2L);
                assertThat(c.execute(select(literal(v, new StringType(null)).label("echo"))).scalarOne()).isEqualTo(v);
            }
            assertThat(c.execute(select(func.count()).selectFrom(notes).where(nBody.contains("%_\\%"))).scalarOne())
                    .as("LIKE wildcards in user input are escaped by contains()").isEqualTo(2L);
            assertThat(c.execute(select(nId).where(nBody.like("x'%", '\'')).orderBy(nId)).all()).isEmpty();
            assertThat(c.execute(select(nId).where(nBody.like("\\%\\_\\\\\\%", '\\')).orderBy(nId)).scalars().all())
                    .as("a backslash escape character is rendered safely").containsExactly(8, 108);
            c.execute(update(notes).set(nBody, HOSTILE.get(0)).where(nBody.eq(HOSTILE.get(1))));
            c.execute(delete(notes).where(nBody.eq(HOSTILE.get(2))));
            c.commit();
            assertThat(Db.count(e, "inj_notes")).isEqualTo(2L * HOSTILE.size() - 2);
        }
        assertVictimIntact(e);
    }

    @BackendTest
    void injectionThroughLiteralRenderingIsEscaped(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            for (int i = 0; i < HOSTILE.size(); i++) {
                String literalInsert = insert(notes).values(Map.of("id", i, "body", HOSTILE.get(i))).literalSql(e.dialect());
                assertThat(literalInsert).doesNotContain("?");
                c.execute(TextClause.of(literalInsert));
            }
            c.commit();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String q = select(nId).where(nBody.eq(HOSTILE.get(i))).literalSql(e.dialect());
                assertThat(c.execute(TextClause.of(q)).scalarOne()).isEqualTo(i);
                assertThat(c.execute(select(nBody).where(nId.eq(i))).scalarOne()).isEqualTo(HOSTILE.get(i));
            }
        }
        assertVictimIntact(e);
    }

    @BackendTest
    void nulCharacterIsRejectedOrStoredButNeverExecuted(Backend backend) {
        Engine e = setup(backend);
        String nul = "a\u0000'; DROP TABLE inj_victim; --";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> select(nId).where(nBody.eq(nul)).literalSql(e.dialect()))
                .isInstanceOf(CompileError.class).hasMessageContaining("NUL");
        try (Connection c = e.connect()) {
            try {
                c.execute(insert(notes).values(Map.of("id", 1, "body", nul)));
                c.commit();
                assertThat(c.execute(select(nBody).where(nId.eq(1))).scalarOne()).isEqualTo(nul);
            } catch (DBAPIError err) {
                // PostgreSQL text cannot hold NUL: a clean data error, nothing executed
                assertThat(backend.isPostgresql()).as("only PostgreSQL rejects NUL: " + err.getMessage()).isTrue();
                c.rollback();
            }
        }
        assertVictimIntact(e);
    }

    @BackendTest
    void injectionThroughIdentifiersIsQuoted(Backend backend) {
        Engine e = setup(backend);
        String tableName = "inj\"x`; DROP TABLE inj_victim; --";
        String colName = "c'\"`; DELETE FROM inj_victim";
        var q = e.dialect();
        Db.exec(e, "DROP TABLE IF EXISTS " + q.quote(tableName));
        Db.exec(e, "CREATE TABLE " + q.quote(tableName) + " (id INTEGER PRIMARY KEY, " + q.quote(colName) + " VARCHAR(40))");
        try {
            ColumnClause<String> evilCol = column(colName, new StringType(40));
            TableClause evil = table(tableName, ID, evilCol);
            try (Connection c = e.connect()) {
                c.execute(insert(evil).values(Map.of("id", 1, colName, "v'1")));
                c.execute(update(evil).set(evil.c(evilCol), "v'2").where(evil.c(ID).eq(1)));
                assertThat(c.execute(select(evil.c(evilCol)).where(evil.c(ID).eq(1))).scalarOne()).isEqualTo("v'2");
                assertThat(c.execute(select(evil.c(evilCol).label(colName))).one().get(colName)).isEqualTo("v'2");
                Alias a = evil.alias("al\"`ias");
                assertThat(c.execute(select(a.c(evilCol))).scalarOne()).isEqualTo("v'2");
                c.execute(delete(evil).where(evil.c(evilCol).eq("v'2")));
                c.commit();
            }
        } finally {
            Db.exec(e, "DROP TABLE IF EXISTS " + q.quote(tableName));
        }
        assertVictimIntact(e);
    }
}
