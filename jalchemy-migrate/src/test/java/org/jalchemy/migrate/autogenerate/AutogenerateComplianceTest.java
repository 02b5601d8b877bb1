package org.jalchemy.migrate.autogenerate;

import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.autogenerate.AutogenTesting.compare;
import static org.jalchemy.migrate.autogenerate.AutogenTesting.described;
import static org.jalchemy.types.SqlTypes.*;

/**
 * The behaviours of Alembic's portable autogenerate suite ({@code alembic/testing/suite}:
 * {@code test_autogen_diffs}, {@code test_autogen_fks}, {@code test_autogen_comments}) on the three
 * databases, one method per Alembic test (its name in the method's Javadoc), plus the hooks
 * ({@code include_name}, {@code include_object}, {@code compare_type}, {@code compare_server_default}).
 * Computed and identity columns are not covered: jalchemy's schema layer has neither yet.
 */
class AutogenerateComplianceTest {
    static final String P = "agc_";

    private static MetaData md() {
        return new MetaData();
    }

    /** Creates {@code database} in the backend, compares {@code models}. */
    private static Autogenerate.Diff diff(Backend b, Consumer<MetaData> database, Consumer<MetaData> models,
                                          AutogenerateOptions options) {
        Engine e = b.engine();
        AutogenTesting.dropPrefixed(e, P);
        MetaData db = md();
        database.accept(db);
        db.createAll(e);
        MetaData m = md();
        models.accept(m);
        return compare(e, m, options);
    }

    private static Autogenerate.Diff diff(Backend b, Consumer<MetaData> database, Consumer<MetaData> models) {
        return diff(b, database, models, AutogenTesting.only(P));
    }

    private static void users(MetaData md) {
        Table t = new Table(P + "users", md);
        t.column("id", integer()).primaryKey();
        t.column("name", string(50)).nullable(false);
    }

    private static void orders(MetaData md, String onDelete) {
        Table t = new Table(P + "orders", md);
        t.column("id", integer()).primaryKey();
        ForeignKey fk = ForeignKey.to(P + "users.id").name("fk_agc_orders_user");
        t.column("user_id", integer()).foreignKey(onDelete == null ? fk : fk.onDelete(onDelete));
    }

    /** test_autogen_diffs: AutogenCrossSchemaTest / no change when the models equal the database. */
    @BackendTest
    void noChangeWhenIdentical(Backend b) {
        assertThat(described(diff(b, md -> { users(md); orders(md, null); }, md -> { users(md); orders(md, null); }))).isEmpty();
    }

    /** test_autogen_diffs: add and remove a table and a column. */
    @BackendTest
    void addAndRemoveTableAndColumn(Backend b) {
        Autogenerate.Diff d = diff(b, md -> { users(md); new Table(P + "old", md).column("id", integer()).primaryKey(); },
                md -> { users(md); md.table(P + "users").column("email", string(100)); orders(md, null); });
        assertThat(described(d)).containsExactlyInAnyOrder("create table agc_orders", "add column agc_users.email",
                "drop table agc_old");
        // the drop keeps the table's definition so the downgrade recreates it
        MigrateOp drop = d.upgradeOps().stream().filter(o -> o instanceof MigrateOp.DropTable).findFirst().orElseThrow();
        assertThat(drop.reverse()).isInstanceOf(MigrateOp.CreateTable.class);
        assertThat(d.downgradeOps()).hasSize(3);
    }

    /** test_autogen_fks: AutogenerateForeignKeysTest.test_add_fk / test_remove_fk. */
    @BackendTest
    void addAndRemoveForeignKey(Backend b) {
        Consumer<MetaData> noFk = md -> {
            users(md);
            Table t = new Table(P + "orders", md);
            t.column("id", integer()).primaryKey();
            t.column("user_id", integer());
        };
        Autogenerate.Diff add = diff(b, noFk, md -> { users(md); orders(md, null); });
        assertThat(described(add)).containsExactly("add foreignkey constraint fk_agc_orders_user on agc_orders");
        Autogenerate.Diff remove = diff(b, md -> { users(md); orders(md, null); }, noFk);
        assertThat(remove.upgradeOps()).singleElement().isInstanceOfSatisfying(MigrateOp.DropConstraint.class, dc -> {
            assertThat(dc.kind()).isEqualTo(ConstraintDef.Kind.FOREIGNKEY);
            assertThat(dc.name()).isEqualTo("fk_agc_orders_user");
        });
    }

    /** test_autogen_fks: AutogenerateFKOptionsTest.test_change_ondelete_from_none / test_nochange_ondelete. */
    @BackendTest
    void foreignKeyOnDeleteChangeAndNoChange(Backend b) {
        assertThat(described(diff(b, md -> { users(md); orders(md, "CASCADE"); }, md -> { users(md); orders(md, "CASCADE"); })))
                .isEmpty();
        assertThat(described(diff(b, md -> { users(md); orders(md, null); }, md -> { users(md); orders(md, "CASCADE"); })))
                .containsExactly("drop foreignkey constraint fk_agc_orders_user on agc_orders",
                        "add foreignkey constraint fk_agc_orders_user on agc_orders");
    }

    /** test_autogen_comments: add, alter and drop table and column comments (not on SQLite, which keeps none). */
    @BackendTest
    void tableAndColumnComments(Backend b) {
        Consumer<MetaData> plain = AutogenerateComplianceTest::users;
        Consumer<MetaData> commented = md -> {
            Table t = new Table(P + "users", md);
            t.comment("people");
            t.column("id", integer()).primaryKey();
            t.column("name", string(50)).nullable(false).comment("full name");
        };
        List<String> added = described(diff(b, plain, commented));
        List<String> dropped = described(diff(b, commented, plain));
        if (b.isSqlite()) {
            assertThat(added).isEmpty();
            assertThat(dropped).isEmpty();
            return;
        }
        assertThat(added).containsExactlyInAnyOrder("set comment on table agc_users", "alter column agc_users.name comment");
        assertThat(dropped).containsExactlyInAnyOrder("drop comment on table agc_users", "alter column agc_users.name comment");
    }

    /** test_autogen_diffs: types compared by default, a compare_type callable overrides, compare_type=False silences. */
    @BackendTest
    void typeComparisonAndItsHook(Backend b) {
        Consumer<MetaData> narrow = AutogenerateComplianceTest::users;
        Consumer<MetaData> wide = md -> {
            Table t = new Table(P + "users", md);
            t.column("id", integer()).primaryKey();
            t.column("name", string(80)).nullable(false);
        };
        assertThat(described(diff(b, narrow, wide))).singleElement().asString().startsWith("alter column agc_users.name type");
        assertThat(described(diff(b, narrow, wide, AutogenTesting.only(P).compareType(false)))).isEmpty();
        assertThat(described(diff(b, narrow, wide, AutogenTesting.only(P).compareType((inspected, model, dialect) ->
                model.name().equals("name") ? Boolean.FALSE : null)))).isEmpty();
        assertThat(described(diff(b, narrow, narrow, AutogenTesting.only(P).compareType((inspected, model, dialect) ->
                model.name().equals("id") ? Boolean.TRUE : null)))).singleElement().asString()
                .startsWith("alter column agc_users.id type");
    }

    /** test_autogen_diffs: server defaults normalised per dialect; compare_server_default=False silences. */
    @BackendTest
    void serverDefaultComparison(Backend b) {
        Consumer<MetaData> zero = md -> {
            Table t = new Table(P + "users", md);
            t.column("id", integer()).primaryKey();
            t.column("n", integer()).serverDefault("0");
            t.column("s", string(10)).serverDefault("'a'");
            t.column("at", dateTime()).serverDefault("CURRENT_TIMESTAMP");
        };
        Consumer<MetaData> one = md -> {
            Table t = new Table(P + "users", md);
            t.column("id", integer()).primaryKey();
            t.column("n", integer()).serverDefault("1");
            t.column("s", string(10)).serverDefault("'a'");
            t.column("at", dateTime()).serverDefault("CURRENT_TIMESTAMP");
        };
        assertThat(described(diff(b, zero, zero))).isEmpty();
        assertThat(described(diff(b, zero, one))).containsExactly("alter column agc_users.n default 1");
        assertThat(described(diff(b, zero, one, AutogenTesting.only(P).compareServerDefault(false)))).isEmpty();
    }

    /** include_name and include_object: excluded objects are neither added, dropped nor altered. */
    @BackendTest
    void includeNameAndIncludeObject(Backend b) {
        Consumer<MetaData> db = md -> {
            users(md);
            new Table(P + "keep", md).column("id", integer()).primaryKey();
        };
        Consumer<MetaData> models = md -> {
            users(md);
            md.table(P + "users").column("secret", string(10));
        };
        assertThat(described(diff(b, db, models))).containsExactlyInAnyOrder("add column agc_users.secret", "drop table agc_keep");
        AutogenerateOptions filtered = AutogenTesting.only(P)
                .includeName((name, type, parents) -> type != AutogenerateOptions.ObjectType.TABLE
                        || name.startsWith(P) && !name.equals(P + "keep"))
                .includeObject((object, name, type, reflected, compareTo) ->
                        !(type == AutogenerateOptions.ObjectType.COLUMN && name.equals("secret")));
        assertThat(described(diff(b, db, models, filtered))).isEmpty();
        AutogenTesting.dropPrefixed(b.engine(), P);
    }

    /** A primary key over other columns: drop + add, applied and reversed on the database. */
    @BackendTest
    void changedPrimaryKeyIsDroppedAndAddedAgain(Backend b) {
        Consumer<MetaData> one = md -> {
            Table t = new Table(P + "tags", md);
            t.column("id", integer()).primaryKey().autoincrement(false);
            t.column("tag", string(20)).nullable(false);
        };
        Consumer<MetaData> two = md -> {
            Table t = new Table(P + "tags", md);
            t.column("id", integer()).primaryKey().autoincrement(false);
            t.column("tag", string(20)).primaryKey();
        };
        Autogenerate.Diff d = diff(b, one, two);
        assertThat(described(d)).anyMatch(s -> s.startsWith("drop primary constraint"))
                .anyMatch(s -> s.startsWith("add primary constraint"));
        org.jalchemy.migrate.MigrateTesting.reset(b.engine(), "vagc_version");
        var cmd = org.jalchemy.migrate.MigrateTesting.commands(b.engine(), "vagc_version", new java.io.ByteArrayOutputStream(),
                List.of(org.jalchemy.migrate.TestMigration.of("c00000000001", null, op -> d.upgradeOps().forEach(op::emit),
                        op -> d.downgradeOps().forEach(op::emit))));
        cmd.upgrade("head", false);
        MetaData m2 = md();
        two.accept(m2);
        assertThat(described(compare(b.engine(), m2, AutogenTesting.only(P)))).isEmpty();
        assertThat(new org.jalchemy.schema.Inspector(b.engine()).getPkConstraint(P + "tags").columns()).containsExactly("id", "tag");
        cmd.downgrade("base", false);
        assertThat(new org.jalchemy.schema.Inspector(b.engine()).getPkConstraint(P + "tags").columns()).containsExactly("id");
        org.jalchemy.migrate.MigrateTesting.reset(b.engine(), "vagc_version");
        AutogenTesting.dropPrefixed(b.engine(), P);
    }

    /** A dropped and an added column of one type: drop + add, a warning, and a commented rename in the script. */
    @BackendTest
    void possibleRenameIsHintedNotGuessed(Backend b) {
        Consumer<MetaData> before = AutogenerateComplianceTest::users;
        Consumer<MetaData> after = md -> {
            Table t = new Table(P + "users", md);
            t.column("id", integer()).primaryKey();
            t.column("full_name", string(50)).nullable(false);
        };
        Autogenerate.Diff d = diff(b, before, after);
        assertThat(described(d)).containsExactly("add column agc_users.full_name", "drop column agc_users.name");
        assertThat(d.warnings()).singleElement().asString().contains("agc_users.name").contains("full_name");
        String script = Renderer.render(d, "        ");
        assertThat(script).contains("// op.alterColumn(\"agc_users\", \"name\", c -> c.newName(\"full_name\"));")
                .contains("op.dropColumn(\"agc_users\", \"name\");");
        assertThat(Renderer.renderDowngrade(d, "        ")).contains("op.addColumn(\"agc_users\", column(\"name\", string(50)).nullable(false));")
                .contains("op.dropColumn(\"agc_users\", \"full_name\");");
        assertThat(Db.count(b.engine(), P + "users")).isZero();
        AutogenTesting.dropPrefixed(b.engine(), P);
    }
}
