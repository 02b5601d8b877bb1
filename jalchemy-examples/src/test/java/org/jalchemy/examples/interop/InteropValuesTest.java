package org.jalchemy.examples.interop;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.AfterEach;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;

/**
 * Issue 21, sharing a database with a SQLAlchemy application: rows written by SQLAlchemy 1.4
 * ({@code interop/sqlalchemy_side.py}: every generic type, NULLs, big Numeric, precise doubles,
 * microseconds, non-BMP text, empty and binary blobs, nested JSON, enum names, aware datetimes) are
 * read by jalchemy through reflection and through a mapped entity and compared value for value with
 * what SQLAlchemy reads; then jalchemy writes the same values (through the entity and through the
 * reflected table) and SQLAlchemy reads them back, compared with its own rows.
 *
 * <p>Values are compared in one canonical form (see the script). Inherent differences are allowed
 * only where named: on SQLite SQLAlchemy stores {@code Numeric} as a floating-point REAL (both sides
 * read the same double, printed differently), and MariaDB's 4-byte {@code FLOAT} (SQLAlchemy's bare
 * {@code Float} there) is compared at float precision.
 */
class InteropValuesTest {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private Engine engine;

    /**
     * An engine of this test's own: SQLAlchemy recreates the table under it, and a PostgreSQL
     * connection that prepared statements on the old table would fail with "cached plan must not
     * change result type" (see docs/sharing-with-sqlalchemy.md).
     */
    private Engine engine(Backend b) {
        if (engine == null) {
            engine = b.newEngine(o -> o);
        }
        return engine;
    }

    @AfterEach
    void disposeEngine() {
        if (engine != null) {
            engine.dispose();
        }
    }

    @BackendTest
    void interopSqlAlchemyRowsReadByReflection(Backend b) {
        List<Map<String, Object>> expected = sqlalchemyWrites(b);
        Table t = Table.reflect("interop_values", new MetaData(), engine(b));
        List<Map<String, Object>> actual = new ArrayList<>();
        try (Connection c = engine(b).connect()) {
            for (Row r : c.execute(select(t).orderBy(t.column("id").asc())).all()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (var col : t.columns()) {
                    m.put(col.name(), canonical(r.get(col.name())));
                }
                actual.add(m);
            }
        }
        assertSame(b, expected, actual, "reflection");
    }

    @BackendTest
    void interopSqlAlchemyRowsReadByEntities(Backend b) {
        List<Map<String, Object>> expected = sqlalchemyWrites(b);
        List<Map<String, Object>> actual = new ArrayList<>();
        Registry.of(InteropRow.class);
        Registry.of(b.isPostgresql() ? InteropDtz.class : InteropDtzNaive.class);
        try (Session s = SessionFactory.bind(engine(b)).open()) {
            for (int id = 1; id <= 3; id++) {
                actual.add(entityRow(s, b, id));
            }
        }
        assertSame(b, expected, actual, "entities");
    }

    @BackendTest
    void interopJalchemyWritesSqlAlchemyReads(Backend b) {
        List<Map<String, Object>> written = sqlalchemyWrites(b);
        Engine e = engine(b);
        Registry.of(InteropRow.class);
        Registry.of(b.isPostgresql() ? InteropDtz.class : InteropDtzNaive.class);
        SessionFactory factory = SessionFactory.bind(e);
        // through the entity: ids 11-13 copy rows 1-3
        factory.inTransaction(s -> {
            for (int id = 1; id <= 3; id++) {
                s.add(s.get(InteropRow.class, id).orElseThrow().copy(id + 10));
            }
        });
        factory.inTransaction(s -> {
            for (int id = 1; id <= 3; id++) {
                if (b.isPostgresql()) {
                    s.get(InteropDtz.class, id + 10).orElseThrow().dtz = s.get(InteropDtz.class, id).orElseThrow().dtz;
                } else {
                    s.get(InteropDtzNaive.class, id + 10).orElseThrow().dtz = s.get(InteropDtzNaive.class, id).orElseThrow().dtz;
                }
            }
        });
        // through Core on the reflected table: ids 21-23
        Table t = Table.reflect("interop_values", new MetaData(), e);
        try (Connection c = e.connect()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row r : c.execute(select(t).where(t.column("id", Integer.class).le(3)).orderBy(t.column("id").asc())).all()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (var col : t.columns()) {
                    m.put(col.name(), r.get(col.name()));
                }
                m.put("id", ((Number) m.get("id")).intValue() + 20);
                rows.add(m);
            }
            c.execute(insert(t), rows);
            c.commit();
        }
        List<Map<String, Object>> read = SqlAlchemySide.rows(SqlAlchemySide.run("sqlalchemy_side.py", "read",
                SqlAlchemySide.url(b)));
        assertThat(read).extracting(m -> ((Number) m.get("id")).intValue())
                .containsExactly(1, 2, 3, 11, 12, 13, 21, 22, 23);
        for (int offset : new int[]{10, 20}) {
            List<Map<String, Object>> copies = new ArrayList<>();
            for (Map<String, Object> m : read.subList(offset == 10 ? 3 : 6, offset == 10 ? 6 : 9)) {
                Map<String, Object> c = new LinkedHashMap<>(m);
                c.put("id", ((BigInteger) c.get("id")).subtract(BigInteger.valueOf(offset)));
                copies.add(c);
            }
            assertSame(b, written, copies, offset == 10 ? "written by entities" : "written by Core");
        }
    }

    /**
     * What is stored, not only what is read: the rows jalchemy wrote hold the same text/number as
     * SQLAlchemy's (SQLite's {@code quote()} shows the storage class too, so a datetime written as
     * other text or a boolean written as 'true' would show). JSON is left out: both write valid
     * JSON, but not the same text (SQLAlchemy's {@code json.dumps} puts spaces after separators and
     * escapes non-ASCII; jalchemy writes compact UTF-8).
     */
    @BackendTest
    void interopStoredFormsAreTheSame(Backend b) {
        interopJalchemyWritesSqlAlchemyReads(b);
        Engine e = engine(b);
        List<String> columns = List.of("small", "big", "num", "flt", "dbl", "str", "txt", "flag", "dt", "dtz", "d",
                "t", "blob", "mood", "mood_chk", "mood_str");
        List<String> differences = new ArrayList<>();
        try (Connection c = e.connect()) {
            for (String col : columns) {
                String q = e.dialect().quoteIdentifier(col);
                String expr = b.isSqlite() ? "quote(" + q + ")" : b.isPostgresql() ? q + "::text"
                        : col.equals("blob") ? "hex(" + q + ")" : "cast(" + q + " as char)";
                Map<Integer, Object> byId = new LinkedHashMap<>();
                for (Row r : c.execute(org.jalchemy.sql.Sql.text("SELECT id, " + expr + " FROM interop_values ORDER BY id")).all()) {
                    byId.put(((Number) r.get(0)).intValue(), r.get(1));
                }
                for (int id = 1; id <= 3; id++) {
                    for (int offset : new int[]{10, 20}) {
                        if (!Objects.equals(byId.get(id), byId.get(id + offset))) {
                            differences.add(col + " of row " + id + ": SQLAlchemy stored " + show(byId.get(id))
                                    + ", jalchemy (" + (offset == 10 ? "entity" : "Core") + ") " + show(byId.get(id + offset)));
                        }
                    }
                }
            }
        }
        assertThat(differences).as("stored forms on " + b.name()).isEmpty();
    }

    /**
     * The table jalchemy creates from {@link InteropRow} reflects as the one SQLAlchemy created,
     * column by column (type, nullability, which columns carry a CHECK), the enum forms included.
     * Named exceptions: MariaDB's {@code flt} (SQLAlchemy's bare {@code Float} is a 4-byte FLOAT there,
     * a Java {@code Double} is DOUBLE); PostgreSQL's JSON (jalchemy creates JSONB, SQLAlchemy JSON;
     * both reflect as JSON).
     */
    @BackendTest
    void interopJalchemyDdlMatchesSqlAlchemys(Backend b) {
        sqlalchemyWrites(b);
        Engine e = engine(b);
        Map<String, String> theirs = describe(e);
        Db.exec(e, "DROP TABLE interop_values");
        if (b.isPostgresql()) {
            Db.exec(e, "DROP TYPE IF EXISTS interop_mood");
        }
        Registry.of(InteropRow.class).metadata().createAll(e);
        Map<String, String> ours = describe(e);
        theirs.remove("dtz"); // mapped by InteropDtz/InteropDtzNaive
        if (b.isMariadb()) {
            assertThat(theirs.remove("flt")).startsWith("Float");
            assertThat(ours.remove("flt")).startsWith("Double");
        }
        assertThat(ours).isEqualTo(theirs);
        Db.exec(e, "DROP TABLE interop_values");
    }

    /** Each column's reflected type, nullability and whether a CHECK constraint names it. */
    private static Map<String, String> describe(Engine e) {
        var insp = org.jalchemy.Jalchemy.inspect(e);
        List<String> checks = insp.getCheckConstraints("interop_values").stream()
                .map(k -> k.sqltext().replaceAll("[`\"]", "")).toList();
        Map<String, String> out = new java.util.TreeMap<>();
        for (var c : insp.getColumns("interop_values")) {
            boolean checked = checks.stream().anyMatch(k -> k.matches("(?s).*\\b" + c.name() + "\\b.*\\bIN\\b.*")
                    || k.matches("(?is).*\\b" + c.name() + "\\b.*\\bin\\b.*") || k.contains(c.name() + " = ANY"));
            out.put(c.name(), c.type() + (c.nullable() ? " NULL" : " NOT NULL") + (checked ? " CHECK" : ""));
        }
        return out;
    }

    /** Runs SQLAlchemy's {@code write}: the table recreated with rows 1-3, as SQLAlchemy reads them. */
    static List<Map<String, Object>> sqlalchemyWrites(Backend b) {
        List<Map<String, Object>> rows = SqlAlchemySide.rows(SqlAlchemySide.run("sqlalchemy_side.py", "write",
                SqlAlchemySide.url(b)));
        assertThat(rows).hasSize(3);
        return rows;
    }

    private static Map<String, Object> entityRow(Session s, Backend b, int id) {
        InteropRow r = s.get(InteropRow.class, id).orElseThrow();
        Object dtz = b.isPostgresql() ? s.get(InteropDtz.class, id).orElseThrow().dtz
                : s.get(InteropDtzNaive.class, id).orElseThrow().dtz;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("small", r.small);
        m.put("big", r.big);
        m.put("num", r.num);
        m.put("flt", r.flt);
        m.put("dbl", r.dbl);
        m.put("str", r.str);
        m.put("txt", r.txt);
        m.put("flag", r.flag);
        m.put("dt", r.dt);
        m.put("dtz", dtz);
        m.put("d", r.d);
        m.put("t", r.t);
        m.put("blob", r.blob);
        m.put("js", r.js);
        m.put("mood", r.mood);
        m.put("mood_chk", r.moodChk);
        m.put("mood_str", r.moodStr);
        m.replaceAll((k, v) -> canonical(v));
        return m;
    }

    /** A jalchemy value in the form {@code sqlalchemy_side.py} prints (see its {@code canonical}). */
    static Object canonical(Object v) {
        return switch (v) {
            case null -> null;
            case Boolean x -> x;
            case Byte x -> BigInteger.valueOf(x);
            case Short x -> BigInteger.valueOf(x);
            case Integer x -> BigInteger.valueOf(x);
            case Long x -> BigInteger.valueOf(x);
            case BigInteger x -> x;
            case BigDecimal x -> plain(x);
            case Float x -> (double) x;
            case Double x -> x;
            case String x -> x;
            case LocalDateTime x -> DATETIME.format(x);
            case OffsetDateTime x -> DATETIME.format(x.withOffsetSameInstant(ZoneOffset.UTC)) + "Z";
            case Instant x -> DATETIME.format(x.atOffset(ZoneOffset.UTC)) + "Z";
            case LocalDate x -> x.toString();
            case LocalTime x -> TIME.format(x);
            case byte[] x -> HexFormat.of().formatHex(x);
            case Enum<?> x -> x.name();
            case Map<?, ?> x -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                x.forEach((k, val) -> m.put(k, canonical(val)));
                yield m;
            }
            case List<?> x -> x.stream().map(InteropValuesTest::canonical).toList();
            default -> throw new AssertionError("no canonical form for " + v.getClass().getName() + ": " + v);
        };
    }

    private static String plain(BigDecimal d) {
        String s = d.toPlainString();
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Python's JSON numbers in the same form: integers as BigInteger, the rest as Double. */
    private static Object normalise(Object v) {
        return switch (v) {
            case null -> null;
            case Integer x -> BigInteger.valueOf(x);
            case Long x -> BigInteger.valueOf(x);
            case BigDecimal x -> x.doubleValue();
            case Map<?, ?> x -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                x.forEach((k, val) -> m.put(k, normalise(val)));
                yield m;
            }
            case List<?> x -> x.stream().map(InteropValuesTest::normalise).toList();
            default -> v;
        };
    }

    private static void assertSame(Backend b, List<Map<String, Object>> expected, List<Map<String, Object>> actual,
                                   String path) {
        assertThat(actual).as(path).hasSize(expected.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> want = expected.get(i);
            Map<String, Object> got = actual.get(i);
            assertThat(got.keySet()).as(path + " columns").containsExactlyInAnyOrderElementsOf(want.keySet());
            for (String col : want.keySet()) {
                Object w = normalise(want.get(col));
                Object g = normalise(got.get(col));
                if (!equivalent(b, col, w, g)) {
                    differences.add("row " + want.get("id") + " column " + col + ": SQLAlchemy " + show(w)
                            + ", jalchemy " + show(g));
                }
            }
        }
        assertThat(differences).as(path + " on " + b.name()).isEmpty();
    }

    private static boolean equivalent(Backend b, String col, Object want, Object got) {
        if (Objects.equals(want, got)) {
            return true;
        }
        if (want == null || got == null) {
            return false;
        }
        if (b.isSqlite() && col.equals("num")) { // SQLite: a REAL both sides read, printed differently
            return Double.parseDouble(want.toString()) == Double.parseDouble(got.toString());
        }
        if (b.isMariadb() && col.equals("flt") && want instanceof Double w && got instanceof Double g) {
            return w.floatValue() == g.floatValue(); // MariaDB's FLOAT is 4 bytes
        }
        return false;
    }

    private static String show(Object v) {
        String s = String.valueOf(v);
        return (v == null ? "" : "(" + v.getClass().getSimpleName() + ") ") + (s.length() > 80 ? s.substring(0, 80) + "…" : s);
    }
}
