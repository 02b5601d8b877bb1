package org.jalchemy.schema;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.NoSuchTableError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Chinook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * {@link Inspector#getTables} returns, for every table, exactly what the per-table getters return
 * (MySQL/MariaDB read the whole schema at once, with their own queries), on Chinook and on a
 * schema with every constraint kind, enums, JSON, comments and a self-reference.
 */
class BatchedReflectionTest {

    @BackendTest
    void getTablesMatchesThePerTableGettersOnChinook(Backend backend) {
        try (Engine engine = Chinook.emptyDatabase(backend, "batch")) {
            Chinook.load(backend, engine);
            assertSameAsPerTable(engine);
        }
    }

    @BackendTest
    void getTablesMatchesThePerTableGettersOnEveryConstraintKind(Backend backend) {
        try (Engine engine = Chinook.emptyDatabase(backend, "batch_kinds")) {
            try (Connection c = engine.connect()) {
                for (String ddl : kindsDdl(backend)) {
                    c.execute(text(ddl));
                }
                c.commit();
            }
            Map<String, Reflected.Table> all = assertSameAsPerTable(engine);
            Reflected.Table child = all.get("bk_child");
            assertThat(child.foreignKeys()).extracting(Reflected.ForeignKey::name).contains("fk_child_parent");
            assertThat(child.foreignKeys()).filteredOn(f -> f.name().equals("fk_child_parent"))
                    .extracting(Reflected.ForeignKey::onDelete).containsExactly("CASCADE");
            assertThat(child.uniques()).extracting(Reflected.Unique::name).contains("uq_child_code");
            assertThat(child.indexes()).extracting(Reflected.Index::name).contains("ix_child_label");
            assertThat(child.primaryKey().columns()).containsExactly("id");
            if (!backend.isSqlite()) {
                assertThat(child.comment()).isEqualTo("the child table");
            }
            if (!backend.isMariadb()) {
                return;
            }
            assertThat(child.checks()).extracting(Reflected.Check::name).contains("ck_child_qty");
            assertThat(child.columns()).filteredOn(col -> col.name().equals("mood"))
                    .extracting(col -> col.type().getClass().getSimpleName()).containsExactly("StringEnumType");
            assertThat(child.columns()).filteredOn(col -> col.name().equals("doc"))
                    .extracting(col -> col.type().getClass().getSimpleName()).containsExactly("JsonType");
        }
    }

    @BackendTest
    void getTablesNamesAMissingTable(Backend backend) {
        try (Engine engine = Chinook.emptyDatabase(backend, "batch_missing")) {
            Chinook.load(backend, engine);
            Inspector inspector = new Inspector(engine);
            List<String> names = new ArrayList<>(inspector.getTableNames());
            names.add("no_such_table");
            assertThatThrownBy(() -> inspector.getTables(names, null))
                    .isInstanceOf(NoSuchTableError.class).hasMessageContaining("no_such_table");
        }
    }

    private static Map<String, Reflected.Table> assertSameAsPerTable(Engine engine) {
        Inspector batch = new Inspector(engine);
        List<String> names = batch.getTableNames();
        assertThat(names).hasSizeGreaterThanOrEqualTo(4);
        Map<String, Reflected.Table> all = batch.getTables(names, null);
        assertThat(all.keySet()).containsExactlyElementsOf(names);
        Inspector single = new Inspector(engine);
        for (String t : names) {
            Reflected.Table expected = new Reflected.Table(t, single.getColumns(t, null), single.getPkConstraint(t, null),
                    single.getForeignKeys(t, null), single.getIndexes(t, null), single.getUniqueConstraints(t, null),
                    single.getCheckConstraints(t, null), single.getTableComment(t, null));
            assertThat(all.get(t)).as(t).isEqualTo(expected);
        }
        return all;
    }

    private static List<String> kindsDdl(Backend b) {
        String comment = b.isSqlite() ? "" : b.isMariadb() ? " COMMENT 'the child table'" : "";
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE bk_parent (id INTEGER NOT NULL PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL, "
                + "CONSTRAINT uq_parent_ab UNIQUE (a, b))");
        String extra = b.isMariadb() ? ", mood ENUM('happy','it''s ok') NULL, doc JSON NULL" : "";
        ddl.add("CREATE TABLE bk_child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER NOT NULL, pa INTEGER, pb INTEGER, "
                + "code VARCHAR(20) NOT NULL, label VARCHAR(40) DEFAULT 'x', qty NUMERIC(10, 2) DEFAULT 0, "
                + "up_id INTEGER" + extra + ", "
                + "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES bk_parent (id) ON DELETE CASCADE, "
                + "CONSTRAINT fk_child_ab FOREIGN KEY (pa, pb) REFERENCES bk_parent (a, b), "
                + "CONSTRAINT fk_child_up FOREIGN KEY (up_id) REFERENCES bk_child (id) ON UPDATE SET NULL, "
                + "CONSTRAINT uq_child_code UNIQUE (code), CONSTRAINT ck_child_qty CHECK (qty >= 0))" + comment);
        ddl.add("CREATE INDEX ix_child_label ON bk_child (label, code)");
        ddl.add("CREATE TABLE bk_leaf (k VARCHAR(10) NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (k, n))");
        ddl.add("CREATE TABLE bk_other (id INTEGER NOT NULL PRIMARY KEY)");
        if (b.isPostgresql()) {
            ddl.add("COMMENT ON TABLE bk_child IS 'the child table'");
        }
        return ddl;
    }
}
