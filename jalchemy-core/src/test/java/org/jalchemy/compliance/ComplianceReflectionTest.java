package org.jalchemy.compliance;

import org.jalchemy.schema.*;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.NoSuchTableError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.types.SqlTypes.*;

/** Inspector and Table.reflect on every backend: types, defaults, keys, constraints, comments, views, errors. */
class ComplianceReflectionTest {
    enum Mood { SAD, OK }

    private static MetaData schema() {
        MetaData md = new MetaData();
        Table owners = new Table("rf_owners", md);
        owners.column("id", bigInteger()).primaryKey();
        owners.column("code", string(12)).nullable(false).unique();
        owners.comment("people who own things");
        Table items = new Table("rf_items", md);
        items.column("id", integer()).primaryKey();
        items.column("owner_id", bigInteger()).foreignKey(ForeignKey.to("rf_owners.id").name("fk_items_owner")
                .onDelete("CASCADE"));
        items.column("label", text());
        items.column("qty", integer()).nullable(false).serverDefault("7").comment("how many");
        items.column("price", numeric(8, 3));
        items.column("ratio", doubleType());
        items.column("ok", booleanType());
        items.column("day", date());
        items.column("tod", time());
        items.column("data", largeBinary());
        items.column("a", integer());
        items.column("b", integer());
        items.uniqueConstraint("uq_items_a_b", "a", "b");
        items.checkConstraint("ck_items_qty", "qty > 0");
        items.index("ix_items_label_qty", "qty", "a").unique(true);
        return md;
    }

    private static MetaData fresh(Engine e) {
        MetaData md = schema();
        Db.exec(e, "DROP VIEW IF EXISTS rf_view");
        md.dropAll(e);
        md.createAll(e);
        Db.exec(e, "CREATE VIEW rf_view AS SELECT id, qty FROM rf_items");
        return md;
    }

    @BackendTest
    void inspectorReportsColumnsKeysAndConstraints(Backend b) {
        Engine e = b.engine();
        fresh(e);
        Inspector insp = Jalchemy.inspect(e);
        assertThat(insp.getTableNames()).contains("rf_owners", "rf_items").doesNotContain("rf_view");
        assertThat(insp.getViewNames(null)).contains("rf_view");
        assertThat(insp.getViewDefinition("rf_view", null).toLowerCase(java.util.Locale.ROOT)).contains("qty")
                .contains("rf_items");
        assertThatThrownBy(() -> insp.getViewDefinition("rf_no_view", null)).isInstanceOf(NoSuchTableError.class)
                .hasMessageContaining("rf_no_view");
        assertThat(insp.hasIndex("rf_owners", "nope", null)).isFalse();
        assertThat(insp.hasTable("rf_items")).isTrue();
        assertThat(insp.hasTable("rf_nothing")).isFalse();

        Map<String, Reflected.Column> cols = new java.util.LinkedHashMap<>();
        insp.getColumns("rf_items").forEach(c -> cols.put(c.name(), c));
        assertThat(cols.keySet()).containsExactly("id", "owner_id", "label", "qty", "price", "ratio", "ok", "day",
                "tod", "data", "a", "b");
        Map<String, SqlType<?>> expected = Map.of("owner_id", BigIntegerType.INSTANCE, "label", TextType.INSTANCE,
                "price", new NumericType(8, 3), "ratio", DoubleType.INSTANCE, "ok", BooleanType.INSTANCE,
                "day", DateType.INSTANCE, "tod", TimeType.INSTANCE, "data", LargeBinaryType.INSTANCE);
        expected.forEach((name, type) -> assertThat(cols.get(name).type()).as(name).isEqualTo(type));
        assertThat(cols.get("qty").nullable()).isFalse();
        assertThat(cols.get("label").nullable()).isTrue();
        assertThat(cols.get("qty").defaultSql()).contains("7");
        assertThat(cols.get("id").autoincrement()).isEqualTo(!b.isSqlite());
        if (!b.isSqlite()) {
            assertThat(cols.get("qty").comment()).isEqualTo("how many");
            assertThat(insp.getTableComment("rf_owners", null)).isEqualTo("people who own things");
        }

        assertThat(insp.getPkConstraint("rf_items").columns()).containsExactly("id");
        Reflected.ForeignKey fk = insp.getForeignKeys("rf_items").get(0);
        assertThat(fk.columns()).containsExactly("owner_id");
        assertThat(fk.referredTable()).isEqualTo("rf_owners");
        assertThat(fk.referredColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        if (!b.isSqlite()) {
            assertThat(fk.name()).isEqualTo("fk_items_owner");
        }
        if (b.isMariadb()) { // MySQL makes no difference between a unique index and a unique constraint
            assertThat(insp.getIndexes("rf_items")).isEmpty(); // the FK's own index is left out
            assertThat(insp.getUniqueConstraints("rf_items")).containsExactlyInAnyOrder(
                    new Reflected.Unique("uq_items_a_b", List.of("a", "b")),
                    new Reflected.Unique("ix_items_label_qty", List.of("qty", "a")));
        } else {
            assertThat(insp.getIndexes("rf_items")).containsExactly(
                    new Reflected.Index("ix_items_label_qty", List.of("qty", "a"), true));
            assertThat(insp.hasIndex("rf_items", "ix_items_label_qty", null)).isTrue();
            assertThat(insp.getUniqueConstraints("rf_items")).extracting(Reflected.Unique::columns)
                    .containsExactly(List.of("a", "b"));
        }
        assertThat(insp.getUniqueConstraints("rf_owners")).extracting(Reflected.Unique::columns)
                .containsExactly(List.of("code"));
        // SQLite keeps them only in the CREATE TABLE text, which its reflector reads
        assertThat(insp.getCheckConstraints("rf_items")).extracting(Reflected.Check::name).contains("ck_items_qty");
        assertThat(insp.getCheckConstraints("rf_items").stream().filter(c -> "ck_items_qty".equals(c.name()))
                .findFirst().orElseThrow().sqltext()).contains("qty").contains("0");
        Db.exec(e, "DROP VIEW rf_view");
        schema().dropAll(e);
    }

    @BackendTest
    void tableReflectBuildsUsableTablesWithTheirParents(Backend b) {
        Engine e = b.engine();
        fresh(e);
        MetaData md = new MetaData();
        Table items = Table.reflect("rf_items", md, e);
        assertThat(md.tables()).extracting(Table::name).containsExactlyInAnyOrder("rf_items", "rf_owners");
        assertThat(items.column("qty", Integer.class).isNullable()).isFalse();
        assertThat(items.column("label", String.class).type()).isSameAs(TextType.INSTANCE);
        assertThat(items.foreignKeys().get(0).referredTable()).isSameAs(md.table("rf_owners"));
        assertThat(md.table("rf_owners").column("code").type()).isEqualTo(new StringType(12));
        assertThat(md.sortedTables()).extracting(Table::name).containsExactly("rf_owners", "rf_items");
        Db.exec(e, "DROP VIEW rf_view");
        md.dropAll(e);
        assertThat(Jalchemy.inspect(e).getTableNames()).doesNotContain("rf_items", "rf_owners");
    }

    @BackendTest
    void reflectedMetaDataRecreatesTheSameSchema(Backend b) {
        Engine src = ChinookReflectionTest.emptyDatabase(b, "rf_src");
        MetaData declared = schema();
        Table extra = new Table("rf_extra", declared);
        extra.column("id", integer()).primaryKey();
        extra.column("email", string(80));
        extra.column("uid", uuid());
        extra.column("born", dateTime());
        extra.column("n", smallInteger()).serverDefault("0");
        extra.column("status", string(10)).nullable(false).serverDefault("'it''s'");
        extra.column("created", dateTime()).serverDefault("CURRENT_TIMESTAMP");
        extra.column("mood", new org.jalchemy.types.EnumType<>(Mood.class, "rf_mood"));
        if (!b.isMariadb()) {
            extra.index("ix_rf_extra_lower_email", Index.expr("lower(email)"));
        }
        declared.createAll(src);
        MetaData reflected = new MetaData();
        reflected.reflect(src);
        assertThat(reflected.tables()).hasSize(3);
        try (var c = src.connect()) {
            c.execute(org.jalchemy.sql.Sql.text("INSERT INTO rf_extra (id) VALUES (1)"));
            assertThat(c.execute(org.jalchemy.sql.Sql.text("SELECT status FROM rf_extra")).scalarOne()).isEqualTo("it's");
            c.commit();
        }
        var mood = reflected.table("rf_extra").column("mood").type();
        if (b.isSqlite()) { // VARCHAR + CHECK there
            assertThat(mood).isEqualTo(new StringType(3));
        } else {
            assertThat(mood).isEqualTo(new org.jalchemy.types.StringEnumType(b.isPostgresql() ? "rf_mood" : "mood",
                    List.of("SAD", "OK")));
        }
        if (!b.isMariadb()) {
            assertThat(reflected.table("rf_extra").indexes()).singleElement()
                    .satisfies(ix -> assertThat(ix.elements().get(0)).isInstanceOf(Index.Expr.class));
        }
        Engine copy = ChinookReflectionTest.emptyDatabase(b, "rf_copy");
        reflected.createAll(copy);
        Map<String, Object> first = ChinookReflectionTest.describe(src);
        Map<String, Object> second = ChinookReflectionTest.describe(copy);
        assertThat(second.keySet()).containsExactlyInAnyOrder("rf_owners", "rf_items", "rf_extra");
        for (String t : first.keySet()) {
            assertThat(second.get(t)).as(t).isEqualTo(first.get(t));
        }
    }

    /**
     * Issue 21: SQLAlchemy's {@code Float} declares {@code FLOAT}, which SQLite stores as an 8-byte
     * double; reflected as a 32-bit type it read 0.123456789012345 back as 0.12345679. Each backend
     * is given the declared names that are 64-bit there.
     */
    @BackendTest
    void doubleWidthFloatDeclarationsReflectAsDoubleAndKeepEveryDigit(Backend b) {
        Engine e = b.engine();
        List<String> declared = b.isSqlite() ? List.of("FLOAT", "REAL", "DOUBLE", "DOUBLE PRECISION")
                : b.isPostgresql() ? List.of("FLOAT", "DOUBLE PRECISION") : List.of("DOUBLE", "DOUBLE PRECISION", "REAL");
        Db.dropTables(e, "rf_floats");
        StringBuilder ddl = new StringBuilder("CREATE TABLE rf_floats (id INTEGER PRIMARY KEY");
        for (int i = 0; i < declared.size(); i++) {
            ddl.append(", f").append(i).append(' ').append(declared.get(i));
        }
        Db.exec(e, ddl.append(')').toString());
        StringBuilder insert = new StringBuilder("INSERT INTO rf_floats VALUES (1");
        declared.forEach(d -> insert.append(", 0.123456789012345"));
        Db.exec(e, insert.append(')').toString());
        Table t = Table.reflect("rf_floats", new MetaData(), e);
        try (var c = e.connect()) {
            Row row = c.execute(org.jalchemy.sql.Sql.select(t)).one();
            for (int i = 0; i < declared.size(); i++) {
                assertThat(t.column("f" + i).type()).as(declared.get(i)).isEqualTo(DoubleType.INSTANCE);
                assertThat(row.get("f" + i)).as(declared.get(i)).isEqualTo(0.123456789012345);
            }
        }
        Db.dropTables(e, "rf_floats");
    }

    /** Issue 21: MariaDB keeps a JSON column as LONGTEXT + CHECK (json_valid(col)); it reflects as JSON, not text. */
    @BackendTest
    void jsonColumnsReflectAsJson(Backend b) {
        Engine e = b.engine();
        MetaData md = new MetaData();
        Table t = new Table("rf_json", md);
        t.column("id", integer()).primaryKey();
        t.column("doc", json(Object.class));
        t.column("note", text());
        md.dropAll(e);
        md.createAll(e);
        try (var c = e.connect()) {
            c.execute(org.jalchemy.sql.Sql.insert(t).values(Map.of("id", 1, "doc", Map.of("k", List.of(1, "ü")), "note", "x")));
            c.commit();
        }
        Table reflected = Table.reflect("rf_json", new MetaData(), e);
        assertThat(reflected.column("doc").type()).isInstanceOf(org.jalchemy.types.JsonType.class);
        assertThat(reflected.column("note").type()).isEqualTo(TextType.INSTANCE);
        try (var c = e.connect()) {
            assertThat(c.execute(org.jalchemy.sql.Sql.select(reflected.column("doc"))).scalarOne())
                    .isEqualTo(Map.of("k", List.of(1, "ü")));
        }
        md.dropAll(e);
    }

    @BackendTest
    void reflectingAMissingTableRaisesNoSuchTableError(Backend b) {
        Engine e = b.engine();
        assertThatThrownBy(() -> Table.reflect("rf_does_not_exist", new MetaData(), e))
                .isInstanceOf(NoSuchTableError.class).hasMessageContaining("rf_does_not_exist");
        assertThatThrownBy(() -> Jalchemy.inspect(e).getColumns("rf_does_not_exist"))
                .isInstanceOf(NoSuchTableError.class).hasMessageContaining("rf_does_not_exist");
        MetaData md = new MetaData();
        assertThatThrownBy(() -> md.reflect(e, null, List.of("rf_nope"))).isInstanceOf(NoSuchTableError.class)
                .hasMessageContaining("rf_nope");
    }

    @BackendTest
    void schemaNames(Backend b) {
        List<String> names = Jalchemy.inspect(b.engine()).getSchemaNames();
        if (b.isSqlite()) {
            assertThat(names).containsExactly("main");
        } else if (b.isPostgresql()) {
            assertThat(names).contains("public", "information_schema");
        } else {
            assertThat(names).contains("test_schema".equals(b.url().replaceAll(".*/([^/?]+).*", "$1"))
                    ? "test_schema" : b.url().replaceAll(".*/([^/?]+).*", "$1"));
        }
    }
}
