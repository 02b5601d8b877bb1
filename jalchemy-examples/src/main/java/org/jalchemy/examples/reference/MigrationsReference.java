package org.jalchemy.examples.reference;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.autogenerate.Autogenerate;
import org.jalchemy.migrate.autogenerate.AutogenerateOptions;
import org.jalchemy.migrate.autogenerate.Renderer;
import org.jalchemy.schema.MetaData;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Migrator;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.ops.ConstraintDef;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.jalchemy.migrate.Ddl.*;
import static org.jalchemy.types.SqlTypes.*;

/**
 * The code of docs/migrations.md, compiled and run on every backend (MigrationsReferenceTest):
 * three revision scripts as a user writes them, and the start-up call that applies them.
 */
public final class MigrationsReference {
    private MigrationsReference() {
    }

    // tag::create-users[]
    /** The first revision: no down revision. */
    public static final class R_1975ea83b712_create_users implements Migration {
        public String revision() { return "1975ea83b712"; }
        public String message() { return "create users"; }

        public void upgrade(Ops op) {
            op.createTable("users",
                    column("id", integer()).primaryKey(),
                    column("username", string(50)).nullable(false),
                    unique("username").named("uq_users_username"));
        }

        public void downgrade(Ops op) {
            op.dropTable("users");
        }
    }
    // end::create-users[]

    // tag::add-email[]
    /** The guide's example: add {@code email} to {@code users}, drop it on downgrade. */
    public static final class R_ae1027a6acf_add_email implements Migration {
        public String revision() { return "ae1027a6acf"; }
        public String downRevision() { return "1975ea83b712"; }
        public String message() { return "add email"; }

        public void upgrade(Ops op) {
            op.addColumn("users", column("email", string(120)).nullable(true));
        }

        public void downgrade(Ops op) {
            op.dropColumn("users", "email");
        }
    }
    // end::add-email[]

    // tag::ops-tour[]
    /** Posts: a table with a foreign key, data, then changes SQLite can only make by rebuilding the table. */
    public static final class R_27c6a30d7c24_posts implements Migration {
        public String revision() { return "27c6a30d7c24"; }
        public String downRevision() { return "ae1027a6acf"; }
        public String message() { return "posts"; }

        public void upgrade(Ops op) {
            op.createTable("posts",
                    column("id", integer()).primaryKey(),
                    column("user_id", integer()).nullable(false),
                    column("title", string(100)).nullable(false),
                    column("status", string(20)).serverDefault("'draft'"),
                    foreignKey("user_id").references("users", "id").named("fk_posts_user_id_users").onDelete("CASCADE"),
                    index("ix_posts_title", "title"));
            op.bulkInsert("users", List.of(Map.of("id", 1, "username", "ana")));
            op.bulkInsert("posts", List.of(Map.of("id", 1, "user_id", 1, "title", "Hola")));
            // several changes to one table: ALTER where the database can, one table rebuild on SQLite
            op.batchAlterTable("posts", batch -> {
                batch.alterColumn("title", c -> c.type(string(200)));
                batch.createCheckConstraint("ck_posts_title", "title <> ''");
            });
            // PostgreSQL builds it without blocking writes (outside the transaction); a plain index elsewhere
            op.createIndex(index("ix_posts_status", "status").on("posts").concurrently());
        }

        public void downgrade(Ops op) {
            op.dropIndex("ix_posts_status", "posts");
            op.dropTable("posts");
            op.execute("DELETE FROM users");
        }
    }
    // end::ops-tour[]

    /** All revisions, for the Migrator. */
    public static List<Migration> revisions() {
        return List.of(new R_1975ea83b712_create_users(), new R_ae1027a6acf_add_email(), new R_27c6a30d7c24_posts());
    }

    /** Applies the revisions at application start-up. */
    public static void startUp(Engine engine, PrintStream log) {
        // tag::migrator[]
        Migrator.builder(engine)
                .scripts(MigrationsReference.revisions())   // the revision classes compiled into the application
                .out(log)                                   // one line per revision applied, with its time
                .build()
                .upgrade("head");
        // end::migrator[]
    }

    /**
     * What {@code revision --autogenerate} does, in code, with Alembic's hooks: the body of the
     * script's {@code upgrade} method for the differences between {@code models} and the database.
     */
    public static String autogenerate(Engine engine, MetaData models) {
        // tag::autogenerate[]
        AutogenerateOptions options = AutogenerateOptions.defaults()
                .includeName((name, type, parents) -> !name.startsWith("tmp_"))             // include_name
                .includeObject((object, name, type, reflected, compareTo) ->                // include_object
                        !(type == AutogenerateOptions.ObjectType.INDEX && name.startsWith("legacy_")))
                .compareType((inspected, model, dialect) ->                                 // compare_type
                        inspected.typeName().equalsIgnoreCase("citext") ? Boolean.FALSE : null);
        try (Connection conn = engine.connect()) {
            Autogenerate.Diff diff = Autogenerate.compare(models, conn, options);
            diff.warnings().forEach(w -> System.out.println("WARNING " + w));
            return Renderer.render(diff, "        ");      // the statements of upgrade(Ops op)
        }
        // end::autogenerate[]
    }

    /** Undoes everything (for the test). */
    public static void toBase(Engine engine) {
        Migrator.builder(engine).scripts(revisions()).build().downgrade("base");
    }

    /** Referenced so the import of {@link ConstraintDef} in scripts is shown compiling. */
    static ConstraintDef.Kind foreignKeyKind() {
        return ConstraintDef.Kind.FOREIGNKEY;
    }
}
