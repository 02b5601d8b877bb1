package org.jalchemy.compliance;

import org.jalchemy.schema.*;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Chinook;
import org.jalchemy.testing.Db;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.StringType;
import org.junit.jupiter.api.AfterAll;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * Acceptance: the Chinook sample database's schema (src/test/resources/chinook, the DDL part of
 * each vendor script plus two small tables' rows) is loaded into each backend, reflected, checked
 * (11 tables, keys, column types), then created again from the reflected MetaData into an empty
 * database/schema and reflected a second time: both reflections must match.
 *
 * <p>Isolation: PostgreSQL uses schemas chinook_src / chinook_copy of the test database; MariaDB
 * databases {@code <testdb>_chinook_src/_copy}; SQLite two files under target/.
 */
class ChinookReflectionTest {
    private static final List<String> TABLES = List.of("album", "artist", "customer", "employee", "genre", "invoice",
            "invoice_line", "media_type", "playlist", "playlist_track", "track");
    private static final Map<String, Engine> SOURCES = new ConcurrentHashMap<>();
    private static final List<Engine> OPENED = new ArrayList<>();

    @AfterAll
    static void closeEngines() {
        OPENED.forEach(Engine::dispose);
    }

    private static String n(Backend b, String snake) {
        return Chinook.name(b, snake);
    }

    /** An empty database/schema for {@code suffix}; closed after the class. */
    static Engine emptyDatabase(Backend b, String suffix) {
        Engine engine = Chinook.emptyDatabase(b, suffix);
        synchronized (OPENED) {
            OPENED.add(engine);
        }
        return engine;
    }

    private static Engine loadedSource(Backend b) {
        return SOURCES.computeIfAbsent(b.name(), k -> {
            Engine e = emptyDatabase(b, "src");
            Chinook.load(b, e);
            return e;
        });
    }

    @BackendTest
    void chinookReflectsElevenTablesWithKeysAndTypes(Backend b) {
        Engine e = loadedSource(b);
        Inspector insp = Jalchemy.inspect(e);
        assertThat(insp.getTableNames()).containsExactlyInAnyOrderElementsOf(TABLES.stream().map(t -> n(b, t)).toList());

        MetaData md = new MetaData();
        md.reflect(e);
        assertThat(md.tables()).hasSize(11);
        Table track = md.table(n(b, "track"));
        assertThat(track.primaryKey().columnNames()).containsExactly(n(b, "track_id"));
        assertThat(track.foreignKeys()).extracting(ForeignKeyConstraint::referredTableName)
                .containsExactlyInAnyOrder(n(b, "album"), n(b, "genre"), n(b, "media_type"));
        assertThat(track.column(n(b, "unit_price")).type()).isEqualTo(new NumericType(10, 2));
        assertThat(track.column(n(b, "name")).type()).isEqualTo(new StringType(200));
        assertThat(track.column(n(b, "name")).isNullable()).isFalse();
        assertThat(track.column(n(b, "composer")).isNullable()).isTrue();
        assertThat(track.column(n(b, "milliseconds")).type()).isSameAs(IntegerType.INSTANCE);
        assertThat(md.table(n(b, "invoice")).column(n(b, "invoice_date")).type()).isSameAs(DateTimeType.INSTANCE);
        assertThat(md.table(n(b, "playlist_track")).primaryKey().columnNames())
                .containsExactly(n(b, "playlist_id"), n(b, "track_id"));
        ForeignKeyConstraint reportsTo = md.table(n(b, "employee")).foreignKeys().get(0);
        assertThat(reportsTo.referredTable()).isSameAs(md.table(n(b, "employee")));
        assertThat(reportsTo.columnNames()).containsExactly(n(b, "reports_to"));
        int fks = md.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
        assertThat(fks).isEqualTo(11);
        assertThat(md.table(n(b, "album")).indexes()).extracting(Index::columnNames)
                .contains(List.of(n(b, "artist_id")));
        assertThat(Db.count(e, n(b, "genre"))).isEqualTo(25);
    }

    @BackendTest
    void chinookCreateAllOfReflectionReflectsTheSame(Backend b) {
        Engine src = loadedSource(b);
        MetaData md = new MetaData();
        md.reflect(src);
        Engine copy = emptyDatabase(b, "copy");
        md.createAll(copy);
        Map<String, Object> first = describe(src);
        Map<String, Object> second = describe(copy);
        assertThat(second.keySet()).hasSize(11).isEqualTo(first.keySet());
        for (String table : first.keySet()) {
            assertThat(second.get(table)).as(table).isEqualTo(first.get(table));
        }
        md.dropAll(copy);
        assertThat(Jalchemy.inspect(copy).getTableNames()).isEmpty();
    }

    @BackendTest
    void metadataReflectBuildsWhatTableByTableReflectionBuilds(Backend b) {
        Engine e = loadedSource(b);
        MetaData batched = new MetaData();
        batched.reflect(e); // one batched read (MariaDB: a fixed number of queries for the schema)
        MetaData single = new MetaData();
        Inspector insp = Jalchemy.inspect(e);
        for (String t : insp.getTableNames()) {
            insp.reflectTable(t, null, single);
        }
        assertThat(batched.tables()).hasSize(11);
        for (Table t : single.tables()) {
            Table other = batched.table(t.name());
            assertThat(new CreateTable(other).compile(e.dialect()).sql()).as(t.name())
                    .isEqualTo(new CreateTable(t).compile(e.dialect()).sql());
            assertThat(other.indexes().stream().map(i -> new CreateIndex(i).compile(e.dialect()).sql()).sorted().toList())
                    .as(t.name()).isEqualTo(t.indexes().stream()
                            .map(i -> new CreateIndex(i).compile(e.dialect()).sql()).sorted().toList());
        }
    }

    /** Everything reflection says about each table, in comparable form (database type spellings left out). */
    static Map<String, Object> describe(Engine e) {
        Inspector insp = Jalchemy.inspect(e);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String t : insp.getTableNames()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("columns", insp.getColumns(t).stream().map(c -> List.of(c.name(), c.type().toString(),
                    c.nullable(), String.valueOf(c.defaultSql()), c.autoincrement(), String.valueOf(c.comment()))).toList());
            d.put("pk", insp.getPkConstraint(t));
            d.put("fks", insp.getForeignKeys(t));
            d.put("indexes", insp.getIndexes(t));
            d.put("uniques", insp.getUniqueConstraints(t));
            d.put("checks", insp.getCheckConstraints(t));
            out.put(t.toLowerCase(Locale.ROOT), d);
        }
        return out;
    }
}
