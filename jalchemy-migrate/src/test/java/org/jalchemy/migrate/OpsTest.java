package org.jalchemy.migrate;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.migrate.Ddl.*;
import static org.jalchemy.types.SqlTypes.*;

/** Every op of the script API, run by the runner on each backend and checked by reflection (SQLite rebuilds where ALTER cannot). */
class OpsTest {
    static final String VT = "ot_version";

    private static void run(Engine e, Consumer<Ops> up) {
        MigrateTesting.commands(e, VT, new ByteArrayOutputStream(), List.of(TestMigration.of("r1", null, up, op -> { })))
                .upgrade("head", false);
        MigrateTesting.reset(e, VT);
    }

    private static Reflected.Column col(Engine e, String table, String name) {
        return new Inspector(e).getColumns(table).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static long count(Engine e, String sql) {
        try (Connection c = e.connect()) {
            return ((Number) c.execDriverSql(sql).scalar()).longValue();
        }
    }

    private static void reset(Engine e) {
        MigrateTesting.reset(e, VT, "ot_posts", "ot_users2", "ot_users", "ot_tags");
    }

    @BackendTest
    void createTableWithConstraintsIndexesAndComment(Backend backend) {
        Engine e = backend.engine();
        reset(e);
        run(e, op -> {
            op.createTable(table("ot_users",
                    column("id", integer()).primaryKey(),
                    column("email", string(120)).nullable(false).comment("login"),
                    column("active", booleanType()).serverDefault(backend.isPostgresql() ? "true" : "1"),
                    unique("email").named("uq_ot_users_email")).comment("people"));
            op.createTable("ot_posts",
                    column("id", integer()).primaryKey(),
                    column("user_id", integer()).nullable(false),
                    column("title", string(200)).nullable(false),
                    column("score", integer()),
                    foreignKey("user_id").references("ot_users", "id").named("fk_ot_posts_user").onDelete("CASCADE"),
                    check("score >= 0").named("ck_ot_posts_score"),
                    index("ix_ot_posts_title", "title"));
        });
        Inspector insp = new Inspector(e);
        assertThat(insp.getPkConstraint("ot_users").columns()).containsExactly("id");
        assertThat(insp.getUniqueConstraints("ot_users")).anySatisfy(u -> assertThat(u.columns()).containsExactly("email"));
        assertThat(insp.getForeignKeys("ot_posts")).singleElement().satisfies(fk -> {
            assertThat(fk.referredTable()).isEqualTo("ot_users");
            assertThat(fk.onDelete()).isEqualToIgnoringCase("CASCADE");
        });
        assertThat(insp.getIndexes("ot_posts")).anySatisfy(ix -> assertThat(ix.name()).isEqualTo("ix_ot_posts_title"));
        assertThat(col(e, "ot_users", "email").nullable()).isFalse();
        if (!backend.isSqlite()) {
            assertThat(insp.getTableComment("ot_users", null)).isEqualTo("people");
            assertThat(col(e, "ot_users", "email").comment()).isEqualTo("login");
        }
        try (Connection c = e.connect()) {
            c.execDriverSql("INSERT INTO ot_users (id, email) VALUES (1, 'a@x')");
            c.commit();
            assertThatThrownBy(() -> c.execDriverSql("INSERT INTO ot_posts (id, user_id, title, score) VALUES (1, 1, 't', -1)"))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
        }
        reset(e);
    }

    @BackendTest
    void columnsAddAlterRenameDrop(Backend backend) {
        Engine e = backend.engine();
        reset(e);
        run(e, op -> {
            op.createTable("ot_users", column("id", integer()).primaryKey(), column("name", string(50)));
            op.bulkInsert("ot_users", List.of(Map.of("id", 1, "name", "ana"), Map.of("id", 2, "name", "luis")));
        });
        run(e, op -> {
            op.addColumn("ot_users", column("status", string(20)).nullable(false).serverDefault("'new'"));
            op.addColumn("ot_users", column("email", string(120)).unique());
            op.addColumn("ot_users", column("age", integer()).index());
        });
        assertThat(col(e, "ot_users", "status").nullable()).isFalse();
        assertThat(count(e, "SELECT COUNT(*) FROM ot_users WHERE status = 'new'")).isEqualTo(2);
        assertThat(new Inspector(e).getIndexes("ot_users")).anySatisfy(ix -> assertThat(ix.columns()).containsExactly("age"));

        run(e, op -> {
            op.alterColumn("ot_users", "name", c -> c.type(string(200)).nullable(false));
            op.alterColumn("ot_users", "status", c -> c.serverDefault("'active'"));
            op.alterColumn("ot_users", "age", c -> c.newName("years"));
        });
        Reflected.Column name = col(e, "ot_users", "name");
        assertThat(name.nullable()).isFalse();
        assertThat(name.type()).isEqualTo(string(200));
        assertThat(col(e, "ot_users", "status").defaultSql()).contains("active");
        assertThat(MigrateTesting.columns(e, "ot_users")).contains("years").doesNotContain("age");
        assertThat(count(e, "SELECT COUNT(*) FROM ot_users WHERE name IN ('ana', 'luis')")).isEqualTo(2);

        run(e, op -> {
            op.alterColumn("ot_users", "status", c -> c.serverDefault(null));
            op.dropColumn("ot_users", "years");
            op.renameTable("ot_users", "ot_users2");
        });
        assertThat(col(e, "ot_users2", "status").defaultSql()).isNull();
        assertThat(MigrateTesting.columns(e, "ot_users2")).containsExactly("id", "name", "status", "email");
        assertThat(count(e, "SELECT COUNT(*) FROM ot_users2")).isEqualTo(2);
        run(e, op -> op.dropTable("ot_users2"));
        assertThat(new Inspector(e).hasTable("ot_users2")).isFalse();
        reset(e);
    }

    @BackendTest
    void constraintsAddedAndDropped(Backend backend) {
        Engine e = backend.engine();
        reset(e);
        run(e, op -> {
            op.createTable("ot_users", column("id", integer()).nullable(false), column("email", string(120)));
            op.createTable("ot_posts", column("id", integer()).primaryKey(), column("user_id", integer()),
                    column("score", integer()));
        });
        run(e, op -> {
            op.createPrimaryKey("pk_ot_users", "ot_users", "id");
            op.createUniqueConstraint("uq_ot_users_email", "ot_users", "email");
            op.createForeignKey("fk_ot_posts_user", "ot_posts", "ot_users", List.of("user_id"), List.of("id"));
            op.createCheckConstraint("ck_ot_posts_score", "ot_posts", "score >= 0");
        });
        Inspector insp = new Inspector(e);
        assertThat(insp.getPkConstraint("ot_users").columns()).containsExactly("id");
        assertThat(insp.getUniqueConstraints("ot_users")).anySatisfy(u -> assertThat(u.name()).isEqualTo("uq_ot_users_email"));
        assertThat(insp.getForeignKeys("ot_posts")).singleElement().satisfies(fk -> assertThat(fk.referredTable()).isEqualTo("ot_users"));
        try (Connection c = e.connect()) {
            assertThatThrownBy(() -> c.execDriverSql("INSERT INTO ot_posts (id, user_id, score) VALUES (1, 99, 1)"))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
        }
        run(e, op -> {
            op.dropConstraint("fk_ot_posts_user", "ot_posts", ConstraintDef.Kind.FOREIGNKEY);
            op.dropConstraint("ck_ot_posts_score", "ot_posts", ConstraintDef.Kind.CHECK);
            op.dropConstraint("uq_ot_users_email", "ot_users", ConstraintDef.Kind.UNIQUE);
        });
        insp = new Inspector(e);
        assertThat(insp.getForeignKeys("ot_posts")).isEmpty();
        assertThat(insp.getUniqueConstraints("ot_users")).isEmpty();
        try (Connection c = e.connect()) {
            c.execDriverSql("INSERT INTO ot_posts (id, user_id, score) VALUES (1, 99, -5)");
            c.commit();
        }
        reset(e);
    }

    @BackendTest
    void indexesCommentsSqlAndData(Backend backend) {
        Engine e = backend.engine();
        reset(e);
        run(e, op -> op.createTable("ot_users", column("id", integer()).primaryKey(), column("email", string(120)),
                column("n", integer())));
        run(e, op -> {
            op.createIndex(index("ix_ot_users_email", "email").on("ot_users").unique().concurrently());
            op.createTableComment("ot_users", "the users");
            op.execute("INSERT INTO ot_users (id, email, n) VALUES (1, 'a:b@x', 1)");
            op.execute(org.jalchemy.sql.Sql.update(org.jalchemy.sql.Sql.table("ot_users",
                    org.jalchemy.sql.Sql.column("n", integer()))).values(Map.of("n", 5)));
            op.bulkInsert("ot_users", List.of(Map.of("id", 2, "email", "b@x", "n", 2)));
        });
        Inspector insp = new Inspector(e);
        if (backend.isMariadb()) { // MySQL does not tell a unique index from a unique constraint: reflected as the latter
            assertThat(insp.getUniqueConstraints("ot_users")).anySatisfy(u -> assertThat(u.name()).isEqualTo("ix_ot_users_email"));
        } else {
            assertThat(insp.getIndexes("ot_users")).anySatisfy(ix -> {
                assertThat(ix.name()).isEqualTo("ix_ot_users_email");
                assertThat(ix.unique()).isTrue();
            });
        }
        if (!backend.isSqlite()) {
            assertThat(insp.getTableComment("ot_users", null)).isEqualTo("the users");
        }
        assertThat(count(e, "SELECT SUM(n) FROM ot_users")).isEqualTo(7);
        run(e, op -> {
            op.dropIndexConcurrently("ix_ot_users_email", "ot_users");
            op.dropTableComment("ot_users");
        });
        assertThat(new Inspector(e).getIndexes("ot_users")).isEmpty();
        assertThat(new Inspector(e).getUniqueConstraints("ot_users")).isEmpty();
        if (!backend.isSqlite()) {
            assertThat(new Inspector(e).getTableComment("ot_users", null)).isNullOrEmpty();
        }
        reset(e);
    }

    @BackendTest
    void batchAlterTableKeepsDataIndexesAndConstraints(Backend backend) {
        Engine e = backend.engine();
        reset(e);
        run(e, op -> {
            op.createTable("ot_users", column("id", integer()).primaryKey(), column("name", string(50)).nullable(false));
            op.createTable("ot_posts", column("id", integer()).primaryKey(),
                    column("user_id", integer()).foreignKey("ot_users.id", "CASCADE"),
                    column("title", string(50)), column("legacy", string(10)),
                    unique("title").named("uq_ot_posts_title"), index("ix_ot_posts_user", "user_id"));
            op.bulkInsert("ot_users", List.of(Map.of("id", 1, "name", "ana")));
            op.bulkInsert("ot_posts", List.of(Map.of("id", 1, "user_id", 1, "title", "hola", "legacy", "x"),
                    Map.of("id", 2, "user_id", 1, "title", "adios", "legacy", "y")));
        });
        run(e, op -> op.batchAlterTable("ot_posts", b -> {
            b.alterColumn("title", c -> c.type(string(200)).nullable(false));
            b.dropColumn("legacy");
            b.addColumn(column("body", text()));
            b.createCheckConstraint("ck_ot_posts_title", "title <> ''");
        }));
        Inspector insp = new Inspector(e);
        assertThat(MigrateTesting.columns(e, "ot_posts")).containsExactly("id", "user_id", "title", "body");
        assertThat(col(e, "ot_posts", "title").nullable()).isFalse();
        assertThat(insp.getIndexes("ot_posts")).anySatisfy(ix -> assertThat(ix.name()).isEqualTo("ix_ot_posts_user"));
        assertThat(insp.getUniqueConstraints("ot_posts")).anySatisfy(u -> assertThat(u.columns()).containsExactly("title"));
        assertThat(insp.getForeignKeys("ot_posts")).singleElement().satisfies(fk -> assertThat(fk.onDelete()).isEqualToIgnoringCase("CASCADE"));
        assertThat(count(e, "SELECT COUNT(*) FROM ot_posts WHERE user_id = 1")).isEqualTo(2);
        // the rebuilt table still cascades from its parent, and the parent's rows survived
        try (Connection c = e.connect()) {
            c.execDriverSql("DELETE FROM ot_users WHERE id = 1");
            c.commit();
        }
        assertThat(count(e, "SELECT COUNT(*) FROM ot_posts")).isZero();
        reset(e);
    }

    @BackendTest
    void enumTypesOnPostgresqlAndAClearErrorElsewhere(Backend backend) {
        Engine e = backend.engine();
        reset(e);
        if (!backend.isPostgresql()) {
            assertThatThrownBy(() -> run(e, op -> op.createEnumType("ot_mood", "sad", "ok")))
                    .isInstanceOf(MigrationError.class).hasMessageContaining("enum").hasMessageContaining(backend.isSqlite() ? "sqlite" : "mariadb");
            MigrateTesting.reset(e, VT);
            return;
        }
        try (Connection c = e.connect()) {
            c.execDriverSql("DROP TYPE IF EXISTS ot_mood");
            c.commit();
        }
        run(e, op -> {
            op.createEnumType("ot_mood", "sad", "ok");
            op.addEnumValue("ot_mood", "happy");
            op.execute("CREATE TABLE ot_tags (id INTEGER PRIMARY KEY, mood ot_mood)");
            op.execute("INSERT INTO ot_tags VALUES (1, 'happy')");
        });
        assertThat(count(e, "SELECT COUNT(*) FROM ot_tags WHERE mood = 'happy'")).isEqualTo(1);
        run(e, op -> {
            op.dropTable("ot_tags");
            op.dropEnumType("ot_mood");
        });
        assertThat(count(e, "SELECT COUNT(*) FROM pg_type WHERE typname = 'ot_mood'")).isZero();
        reset(e);
    }
}
