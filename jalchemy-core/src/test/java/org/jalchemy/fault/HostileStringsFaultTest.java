package org.jalchemy.fault;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.CompileError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.DataError;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Reflected;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.TableClause;
import org.jalchemy.sql.TextClause;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.testing.HostileStrings;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.table;
import static org.jalchemy.sql.Sql.text;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * 10,000 generated hostile strings per backend (HostileStrings: quotes, comments, terminators with
 * DROP TABLE behind them, parameter markers, dollar quotes, wildcards, control characters, NUL,
 * bidi and zero-width Unicode) used as values (bound, and rendered as literals), as LIKE search
 * terms ({@code contains}) and as identifiers (column labels, and table and column names in DDL).
 *
 * <p>0 injections: the canary table and its row survive, and no statement did more than it
 * should. 0 corrupted round trips: each value reads back exactly, each search finds exactly the
 * rows that contain the term, each identifier is reported back exactly by the database or
 * refused with a clean jalchemy error (too long, NUL, or not allowed by that database); a refusal
 * is counted, never mistaken for success.
 */
@Tag("fault")
class HostileStringsFaultTest {
    private static final int COUNT = 10_000;
    private static final int LIKE_ROWS = 300;
    private static final int LABELS_PER_QUERY = 100;
    private static final int DDL_TABLES = 60;
    private static final int COLUMNS_PER_TABLE = 8;
    private static final long SEED = 0x5EEDL;

    /** A two-column (id, v) lightweight table. */
    private record Pair(TableClause t, ColumnClause<Integer> id, ColumnClause<String> v) {
        static Pair of(String name) {
            ColumnClause<Integer> id = column("id", integer());
            ColumnClause<String> v = column("v", org.jalchemy.types.SqlTypes.text());
            TableClause t = table(name, id, v);
            return new Pair(t, t.c(id), t.c(v));
        }
    }

    private static final Pair VALUES = Pair.of("fault_values");
    private static final Pair LITERALS = Pair.of("fault_literals");
    private static final Pair LIKES = Pair.of("fault_like");

    private static String textColumn(Backend b) {
        return b.isMariadb() ? "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "TEXT";
    }

    @BackendTest
    void faultTenThousandHostileStringsAsValuesLikeTermsAndIdentifiers(Backend backend) {
        Engine e = backend.engine();
        List<String> strings = HostileStrings.generate(SEED + backend.name().hashCode(), COUNT);
        Db.dropTables(e, "fault_values", "fault_literals", "fault_like", HostileStrings.CANARY);
        Db.exec(e, "CREATE TABLE " + HostileStrings.CANARY + " (id INTEGER PRIMARY KEY)",
                "INSERT INTO " + HostileStrings.CANARY + " (id) VALUES (1)");
        for (String t : List.of("fault_values", "fault_literals", "fault_like")) {
            Db.exec(e, "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, v " + textColumn(backend) + ")");
        }
        Map<String, Integer> refused = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        int values = values(backend, e, strings, refused);
        int literals = literals(backend, e, strings, refused);
        int likes = likeTerms(backend, e, strings, refused);
        int labels = labels(backend, e, strings, refused);
        int ddl = ddlNames(backend, e, strings, refused);
        try (Connection c = e.connect()) {
            assertThat(c.execute(text("SELECT count(*) FROM " + HostileStrings.CANARY)).scalarOne())
                    .as("the canary survived every hostile string").isIn(1, 1L);
        }
        System.out.printf("[fault: hostile strings %s] %d strings (seed %d): %d values round-tripped bound, %d as"
                        + " literals, %d LIKE terms exact, %d labels exact, %d DDL names exact; refused cleanly: %s;"
                        + " 0 injections, 0 corrupted; %d ms%n", backend, strings.size(), SEED + backend.name().hashCode(),
                values, literals, likes, labels, ddl, refused, (System.nanoTime() - t0) / 1_000_000);
        Db.dropTables(e, "fault_values", "fault_literals", "fault_like", HostileStrings.CANARY);
    }

    private static void refuse(Map<String, Integer> refused, String what) {
        refused.merge(what, 1, Integer::sum);
    }

    private static boolean hasNul(String s) {
        return s.indexOf('\0') >= 0;
    }

    /** Every string bound as a value (executemany in chunks), read back exactly. */
    private static int values(Backend backend, Engine e, List<String> strings, Map<String, Integer> refused) {
        Map<Integer, String> expected = new HashMap<>();
        try (Connection c = e.connect(); Connection nul = e.connect()) {
            List<Map<String, ?>> chunk = new ArrayList<>();
            for (int i = 0; i < strings.size(); i++) {
                String s = strings.get(i);
                if (backend.isPostgresql() && hasNul(s)) {
                    try { // PostgreSQL text cannot hold NUL: a clean DataError, nothing stored
                        nul.execute(insert(VALUES.t()), Map.of("id", i, "v", s));
                        throw new AssertionError("PostgreSQL stored a NUL: " + s);
                    } catch (DataError expectedError) {
                        nul.rollback(); // its own transaction: the batches of the other connection stay
                        refuse(refused, "NUL value (PostgreSQL)");
                    }
                    continue;
                }
                chunk.add(Map.of("id", i, "v", s));
                expected.put(i, s);
                if (chunk.size() == 1_000) {
                    c.execute(insert(VALUES.t()), chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                c.execute(insert(VALUES.t()), chunk);
            }
            c.commit();
            int exact = 0;
            for (Row r : c.execute(select(VALUES.id(), VALUES.v()))) {
                int id = ((Number) r.get(0)).intValue();
                assertThat(r.get(1)).as("value %d read back", id).isEqualTo(expected.get(id));
                exact++;
            }
            assertThat(exact).isEqualTo(expected.size());
            return exact;
        }
    }

    /** The first 1,000 strings rendered as SQL literals (literalSql) and run through text(): escaping and lexing. */
    private static int literals(Backend backend, Engine e, List<String> strings, Map<String, Integer> refused) {
        Map<Integer, String> expected = new HashMap<>();
        try (Connection c = e.connect()) {
            for (int i = 0; i < 1_000; i++) {
                String s = strings.get(i);
                String sql;
                try {
                    sql = insert(LITERALS.t()).values(Map.of("id", i, "v", s)).literalSql(e.dialect());
                } catch (CompileError nul) {
                    assertThat(hasNul(s)).as("only NUL has no literal form: " + nul.getMessage()).isTrue();
                    refuse(refused, "NUL literal");
                    continue;
                }
                c.execute(TextClause.of(sql));
                expected.put(i, s);
            }
            c.commit();
            int exact = 0;
            for (Row r : c.execute(select(LITERALS.id(), LITERALS.v()))) {
                int id = ((Number) r.get(0)).intValue();
                assertThat(r.get(1)).as("literal %d read back", id).isEqualTo(expected.get(id));
                exact++;
            }
            assertThat(exact).isEqualTo(expected.size());
            return exact;
        }
    }

    /** Every string as a contains() search term over LIKE_ROWS stored strings: exactly the rows holding it. */
    private static int likeTerms(Backend backend, Engine e, List<String> strings, Map<String, Integer> refused) {
        Map<Integer, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < strings.size() && rows.size() < LIKE_ROWS; i++) {
            if (!hasNul(strings.get(i))) {
                rows.put(i, strings.get(i));
            }
        }
        try (Connection c = e.connect()) {
            List<Map<String, ?>> sets = new ArrayList<>();
            rows.forEach((id, v) -> sets.add(Map.of("id", id, "v", v)));
            c.execute(insert(LIKES.t()), sets);
            c.commit();
            int exact = 0;
            for (String term : strings) {
                if (hasNul(term)) { // PostgreSQL refuses it; SQLite's LIKE stops at NUL (documented as undefined)
                    refuse(refused, "NUL LIKE term");
                    continue;
                }
                Set<Integer> want = new TreeSet<>();
                rows.forEach((id, v) -> {
                    if (backend.isSqlite() ? sqliteLike(v).contains(sqliteLike(term)) : v.contains(term)) {
                        want.add(id);
                    }
                });
                Set<Integer> got = new TreeSet<>(c.execute(select(LIKES.id()).where(LIKES.v().contains(term)))
                        .scalars().all().stream().map(o -> ((Number) o).intValue()).toList());
                assertThat(got).as("rows containing %s", term).isEqualTo(want);
                exact++;
            }
            return exact;
        }
    }

    /**
     * A string as SQLite's LIKE compares it: ASCII letters folded to lower case, and the
     * noncharacters U+FFFE/U+FFFF read as U+FFFD (its UTF-8 decoder maps them so).
     */
    private static String sqliteLike(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch == '\ufffe' || ch == '\uffff' ? '\ufffd' : ch);
        }
        return b.toString();
    }

    /** Every string as a quoted column label in text() SQL; the driver must report each back exactly. */
    private static int labels(Backend backend, Engine e, List<String> strings, Map<String, Integer> refused) {
        int exact = 0;
        try (Connection c = e.connect()) {
            for (int from = 0; from < strings.size(); from += LABELS_PER_QUERY) {
                List<String> labels = new ArrayList<>();
                StringBuilder sql = new StringBuilder("SELECT ");
                for (String s : strings.subList(from, Math.min(strings.size(), from + LABELS_PER_QUERY))) {
                    String quoted;
                    try {
                        quoted = e.dialect().quote(e.dialect().checkIdentifier(s));
                    } catch (CompileError notAName) {
                        refuse(refused, hasNul(s) ? "NUL identifier" : notAName.getMessage().contains("characters long")
                                || notAName.getMessage().contains("bytes long") ? "identifier too long"
                                : "identifier not allowed (outside the BMP / trailing space)");
                        continue;
                    }
                    if (backend.isMariadb() && (s.isEmpty() || s.charAt(0) <= ' ' || s.charAt(0) == '\u007f' || s.endsWith(" ")
                            || s.codePointCount(0, s.length()) != s.length())) {
                        refuse(refused, "MariaDB alias (leading/trailing space or control, outside the BMP)");
                        continue; // MariaDB strips those off aliases (warning 1466) and has no names outside the BMP
                    }
                    sql.append(labels.isEmpty() ? "" : ", ").append(labels.size()).append(" AS ").append(quoted);
                    labels.add(s);
                }
                if (labels.isEmpty()) {
                    continue;
                }
                try (Result r = c.execute(text(sql.toString()))) {
                    assertThat(r.keys()).as("labels reported back").containsExactlyElementsOf(labels);
                    Row row = r.one();
                    for (int i = 0; i < labels.size(); i++) {
                        assertThat(((Number) row.get(i)).intValue()).isEqualTo(i);
                    }
                }
                exact += labels.size();
            }
        }
        return exact;
    }

    /** Strings as table and column names: create, insert, select, reflect, drop — or a clean refusal. */
    private static int ddlNames(Backend backend, Engine e, List<String> strings, Map<String, Integer> refused) {
        int exact = 0;
        int next = 0;
        Inspector inspector = new Inspector(e);
        Set<String> existing = new HashSet<>(inspector.getTableNames(null));
        for (int t = 0; t < DDL_TABLES; t++) {
            String name = strings.get(next++);
            List<String> cols = new ArrayList<>();
            Set<String> folded = new HashSet<>(List.of("id"));
            while (cols.size() < COLUMNS_PER_TABLE) {
                String col = strings.get(next++ % strings.size());
                if (folded.add(col.toLowerCase(Locale.ROOT))) { // names differing in case only clash on some databases
                    cols.add(col);
                }
            }
            if (existing.contains(name) || name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                refuse(refused, "DDL name taken or reserved");
                continue;
            }
            MetaData md = new MetaData();
            Table table;
            try {
                table = new Table(name, md);
                table.column("id", integer()).primaryKey();
                for (String col : cols) {
                    table.column(col, string(40));
                }
                table.create(e);
            } catch (CompileError | DBAPIError | org.jalchemy.exc.ArgumentError refusedName) {
                refuse(refused, "DDL " + refusedName.getClass().getSimpleName() + (refusedName instanceof DBAPIError d
                        ? " " + d.sqlState() + "/" + d.vendorCode() : ""));
                if (System.getProperty("jalchemy.fault.verbose") != null) {
                    System.out.println("[fault: DDL refused] " + refusedName.getMessage().lines().findFirst().orElse(""));
                }
                continue;
            }
            try {
                assertThat(inspector.hasTable(name)).as("hasTable(%s)", name).isTrue();
                assertThat(inspector.getColumns(name)).extracting(Reflected.Column::name)
                        .as("columns of %s", name).containsExactlyElementsOf(concat("id", cols));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", 1);
                for (int i = 0; i < cols.size(); i++) {
                    row.put(cols.get(i), "v" + i);
                }
                try (Connection c = e.connect()) {
                    c.execute(insert(table).values(row));
                    c.commit();
                    Select<?> q = select(table.columns().toArray(new org.jalchemy.schema.Column<?>[0]));
                    Row got = c.execute(q).one();
                    for (int i = 0; i < cols.size(); i++) {
                        assertThat(got.get(i + 1)).isEqualTo("v" + i);
                    }
                }
                exact += 1 + cols.size();
            } finally {
                table.drop(e);
            }
            assertThat(inspector.hasTable(name)).as("dropped %s", name).isFalse();
        }
        return exact;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
