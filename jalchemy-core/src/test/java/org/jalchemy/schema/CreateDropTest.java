package org.jalchemy.schema;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.NoReferencedTableError;
import org.jalchemy.exc.ProgrammingError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;
import static org.jalchemy.types.SqlTypes.*;

/** createAll / dropAll / create / drop on every backend: dependency order, checkFirst, cycles, identifiers. */
class CreateDropTest {

    private static List<String> tables(Engine e) {
        return Jalchemy.inspect(e).getTableNames();
    }

    @BackendTest
    void createAllAndDropAllInForeignKeyOrder(Backend backend) {
        Engine e = backend.engine();
        SampleSchema s = new SampleSchema("cd_");
        s.metadata.dropAll(e);
        s.metadata.createAll(e);
        assertThat(tables(e)).contains("cd_users", "cd_posts");
        s.metadata.createAll(e); // checkFirst: nothing to do, no error
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO cd_users (username, email) VALUES ('ana', 'ana@example.com')"));
            Object id = c.execute(text("SELECT id FROM cd_users WHERE username = 'ana'")).scalarOne();
            assertThat(((Number) id).intValue()).isEqualTo(1);
            Object active = c.execute(text("SELECT active FROM cd_users")).scalarOne();
            assertThat(active).isIn(true, 1, 1L);
            c.execute(text("INSERT INTO cd_posts (title, user_id, status, price) VALUES ('t', :u, 'DRAFT', 1.5)"),
                    Map.of("u", 1));
            c.commit();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO cd_posts (title, user_id) VALUES ('x', 99)")))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO cd_posts (title, user_id, price) VALUES ('x', 1, -1)")))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO cd_posts (title, user_id, status) VALUES ('x', 1, 'NOPE')")))
                    .isInstanceOfAny(IntegrityError.class, org.jalchemy.exc.DataError.class);
            c.rollback();
        }
        assertThatThrownBy(() -> s.metadata.createAll(e, false)).isInstanceOfAny(ProgrammingError.class,
                OperationalError.class).hasMessageContaining("cd_");
        s.metadata.dropAll(e);
        assertThat(tables(e)).doesNotContain("cd_users", "cd_posts");
        s.metadata.dropAll(e); // checkFirst: nothing to drop
        if (backend.isPostgresql()) {
            try (Connection c = e.connect()) {
                assertThat(c.execute(text("SELECT count(*) FROM pg_type WHERE typname = 'post_status'")).scalarOne())
                        .isEqualTo(0L);
            }
        }
    }

    @BackendTest
    void perTableCreateAndDrop(Backend backend) {
        Engine e = backend.engine();
        SampleSchema s = new SampleSchema("pt_");
        s.metadata.dropAll(e);
        s.users.create(e);
        assertThat(tables(e)).contains("pt_users").doesNotContain("pt_posts");
        s.users.create(e);
        s.posts.create(e);
        s.posts.drop(e);
        s.users.drop(e);
        s.users.drop(e);
        assertThat(tables(e)).doesNotContain("pt_users", "pt_posts");
        // a named enum type shared by two tables outlives the drop of one of them
        MetaData md = new MetaData();
        Table a = new Table("pt_a", md);
        a.column("s", new org.jalchemy.types.EnumType<>(SampleSchema.Status.class, "pt_status"));
        Table b = new Table("pt_b", md);
        b.column("s", new org.jalchemy.types.EnumType<>(SampleSchema.Status.class, "pt_status"));
        md.dropAll(e);
        md.createAll(e);
        a.drop(e);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO pt_b (s) VALUES ('DRAFT')"));
            c.commit();
        }
        md.dropAll(e);
        assertThat(tables(e)).doesNotContain("pt_a", "pt_b");
    }

    @BackendTest
    void dependencyCyclesAreBrokenWithAlterTable(Backend backend) {
        Engine e = backend.engine();
        MetaData md = new MetaData();
        Table dept = new Table("cy_department", md);
        dept.column("id", integer()).primaryKey();
        dept.column("manager_id", integer()).foreignKey("cy_employee.id");
        Table emp = new Table("cy_employee", md);
        emp.column("id", integer()).primaryKey();
        emp.column("department_id", integer()).foreignKey("cy_department.id");
        emp.column("boss_id", integer()).foreignKey("cy_employee.id");
        md.dropAll(e);
        md.createAll(e);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO cy_department (id) VALUES (1)"));
            c.execute(text("INSERT INTO cy_employee (id, department_id) VALUES (1, 1)"));
            c.execute(text("UPDATE cy_department SET manager_id = 1"));
            c.commit();
            assertThatThrownBy(() -> c.execute(text("UPDATE cy_department SET manager_id = 42")))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
            c.execute(text("UPDATE cy_department SET manager_id = NULL"));
            c.execute(text("DELETE FROM cy_employee"));
            c.execute(text("DELETE FROM cy_department"));
            c.commit();
        }
        Inspector insp = Jalchemy.inspect(e);
        assertThat(insp.getForeignKeys("cy_department")).extracting(Reflected.ForeignKey::referredTable)
                .containsExactly("cy_employee");
        md.dropAll(e);
        assertThat(tables(e)).doesNotContain("cy_department", "cy_employee");
    }

    @BackendTest
    void foreignKeyToMissingTableCreatesNothing(Backend backend) {
        Engine e = backend.engine();
        MetaData md = new MetaData();
        Table ok = new Table("mf_ok", md);
        ok.column("id", integer()).primaryKey();
        Table bad = new Table("mf_bad", md);
        bad.column("ref", integer()).foreignKey("mf_missing.id");
        assertThatThrownBy(() -> md.createAll(e)).isInstanceOf(NoReferencedTableError.class)
                .hasMessageContaining("mf_missing");
        assertThat(tables(e)).doesNotContain("mf_ok", "mf_bad");
    }

    @BackendTest
    void awkwardIdentifiersRoundTrip(Backend backend) {
        Engine e = backend.engine();
        MetaData md = new MetaData();
        Table t = new Table("Order Items", md);
        t.column("select", integer()).primaryKey();
        t.column("MixedCase", string(10));
        t.column("with \"quote\"", string(10));
        t.column("back`tick", string(10));
        t.column("ñandú", string(10)).index();
        md.dropAll(e);
        md.createAll(e);
        var d = e.dialect();
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO " + d.quoteIdentifier("Order Items") + " (" + d.quoteIdentifier("MixedCase")
                    + ", " + d.quoteIdentifier("with \"quote\"") + ", " + d.quoteIdentifier("back`tick") + ", "
                    + d.quoteIdentifier("ñandú") + ") VALUES ('a', 'b', 'c', 'd')"));
            c.commit();
        }
        Inspector insp = Jalchemy.inspect(e);
        assertThat(insp.getTableNames()).contains("Order Items");
        assertThat(insp.getColumns("Order Items")).extracting(Reflected.Column::name)
                .containsExactly("select", "MixedCase", "with \"quote\"", "back`tick", "ñandú");
        assertThat(insp.getIndexes("Order Items")).extracting(Reflected.Index::name)
                .containsExactly("ix_Order Items_ñandú");
        md.dropAll(e);
        assertThat(tables(e)).doesNotContain("Order Items");
    }

    @BackendTest
    void tablesInANamedSchema(Backend backend) {
        org.junit.jupiter.api.Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no schemas (only ATTACHed files)");
        Engine e = backend.engine();
        String schema = backend.isPostgresql() ? "sch_other" : "test_schema_sch_other";
        org.jalchemy.testing.Db.exec(e, backend.isPostgresql() ? "CREATE SCHEMA IF NOT EXISTS " + schema
                : "CREATE DATABASE IF NOT EXISTS " + schema);
        MetaData md = new MetaData();
        Table parent = new Table("sc_parent", schema, md);
        parent.column("id", integer()).primaryKey();
        Table child = new Table("sc_child", schema, md);
        child.column("id", integer()).primaryKey();
        child.column("parent_id", integer()).foreignKey(schema + ".sc_parent.id");
        child.column("status", new org.jalchemy.types.EnumType<>(SampleSchema.Status.class, "sc_status"));
        md.dropAll(e);
        md.createAll(e);
        Inspector insp = Jalchemy.inspect(e);
        assertThat(insp.getTableNames(schema)).containsExactly("sc_child", "sc_parent");
        assertThat(insp.getTableNames()).doesNotContain("sc_child");
        assertThat(insp.getSchemaNames()).contains(schema);
        MetaData reflected = new MetaData();
        Table rc = Table.reflect("sc_child", schema, reflected, e);
        assertThat(rc.fullname()).isEqualTo(schema + ".sc_child");
        assertThat(rc.foreignKeys().get(0).referredTable().fullname()).isEqualTo(schema + ".sc_parent");
        assertThat(rc.column("status").type()).isEqualTo(new org.jalchemy.types.StringEnumType(
                backend.isPostgresql() ? "sc_status" : "status", List.of("DRAFT", "PUBLISHED")));
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO " + schema + ".sc_parent (id) VALUES (1)"));
            c.execute(text("INSERT INTO " + schema + ".sc_child (id, parent_id, status) VALUES (1, 1, 'DRAFT')"));
            c.commit();
        }
        reflected.dropAll(e);
        assertThat(insp.getTableNames(schema)).isEmpty();
    }

    @BackendTest
    void ddlConstructsExecuteOnAConnection(Backend backend) {
        Engine e = backend.engine();
        MetaData md = new MetaData();
        Table t = new Table("dc_things", md);
        t.column("id", integer()).primaryKey();
        t.column("name", string(20));
        Index ix = t.index("ix_dc_things_name", "name");
        md.dropAll(e);
        try (Connection c = e.connect()) {
            c.execute(new CreateTable(t));
            c.execute(new CreateIndex(ix));
            c.commit();
        }
        assertThat(Jalchemy.inspect(e).getIndexes("dc_things")).extracting(Reflected.Index::name)
                .containsExactly("ix_dc_things_name");
        try (Connection c = e.connect()) {
            c.execute(new DropIndex(ix));
            c.execute(new DropTable(t));
            c.commit();
        }
        assertThat(tables(e)).doesNotContain("dc_things");
    }

    @BackendTest
    void unicodeTablesColumnsAndForeignKeys(Backend backend) {
        Engine e = backend.engine();
        MetaData md = new MetaData();
        Table parent = new Table("unitable1_městečko", md);
        parent.column("méil", integer()).primaryKey();
        parent.column("\u6e2c\u8a66", string(20)).comment("日本語のコメント");
        Table child = new Table("Unitéble2_ÄÖ", md);
        child.column("méil", integer()).primaryKey().foreignKey("unitable1_městečko.méil");
        child.column("\u6e2c\u8a66", string(20)).index();
        md.dropAll(e);
        md.createAll(e);
        var d = e.dialect();
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO " + d.quoteIdentifier("unitable1_městečko") + " VALUES (1, '値')"));
            c.execute(text("INSERT INTO " + d.quoteIdentifier("Unitéble2_ÄÖ") + " VALUES (1, 'ü')"));
            c.commit();
            assertThat(c.execute(text("SELECT " + d.quoteIdentifier("\u6e2c\u8a66") + " FROM "
                    + d.quoteIdentifier("unitable1_městečko"))).scalarOne()).isEqualTo("値");
        }
        MetaData reflected = new MetaData();
        Table rc = Table.reflect("Unitéble2_ÄÖ", reflected, e);
        assertThat(rc.columns()).extracting(Column::name).containsExactly("méil", "\u6e2c\u8a66");
        assertThat(rc.foreignKeys().get(0).referredTable().name()).isEqualTo("unitable1_městečko");
        assertThat(rc.indexes()).extracting(Index::name).containsExactly("ix_Unitéble2_ÄÖ_\u6e2c\u8a66");
        if (!backend.isSqlite()) {
            assertThat(reflected.table("unitable1_městečko").column("\u6e2c\u8a66").comment()).isEqualTo("日本語のコメント");
        }
        reflected.dropAll(e);
        assertThat(tables(e)).doesNotContain("unitable1_městečko", "Unitéble2_ÄÖ");
    }

    @BackendTest
    void generatedNamesOverTheLimitAreTruncatedDeterministically(Backend backend) {
        Engine e = backend.engine();
        MetaData md = new MetaData(Map.of("ix", "ix_%(column_0_label)s", "uq", "uq_%(table_name)s_%(column_0_N_name)s"));
        Table t = new Table("ln_table_with_a_rather_long_name", md);
        String col = "a_column_name_that_is_long_enough_to_overflow_the_limit";
        t.column("id", integer()).primaryKey();
        t.column(col, integer()).index();
        t.column("other_" + col.substring(6), integer());
        t.uniqueConstraint(null, "id", "other_" + col.substring(6));
        md.dropAll(e);
        md.createAll(e);
        int max = e.dialect().maxIdentifierLength();
        String ix = NamingConvention.truncate("ix_" + t.name() + "_" + col, max);
        assertThat(ix.length()).isLessThanOrEqualTo(max);
        Inspector insp = Jalchemy.inspect(e);
        assertThat(insp.getIndexes(t.name())).extracting(Reflected.Index::name).contains(ix);
        if (!backend.isSqlite()) { // SQLite keeps no unique constraint names
            String uq = NamingConvention.truncate("uq_" + t.name() + "_id_other_" + col.substring(6), max);
            assertThat(insp.getUniqueConstraints(t.name())).extracting(Reflected.Unique::name).containsExactly(uq);
            assertThat(uq).hasSize(max).matches(".*_[0-9a-f]{8}");
        }
        md.dropAll(e);
    }
}
