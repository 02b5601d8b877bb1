package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.schema.MetaData;

import java.io.PrintStream;
import java.util.List;

import static org.jalchemy.migrate.Ddl.check;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.booleanType;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;
import static org.jalchemy.types.SqlTypes.uuid;

/**
 * The Java of docs/migrations-lint.md: each tagged region is pulled into the page by
 * {@code ./dev docs}, and {@link LintDocsTest} lints each rule's example and checks that the page
 * shows exactly what lint prints for it.
 */
final class LintExamples {
    private LintExamples() {
    }

    /** The revision the page's API example lints. */
    public static final class R_ae1027a6acf_add_email implements Migration {
        public String revision() {
            return "ae1027a6acf";
        }

        public void upgrade(Ops op) {
            op.addColumn("users", column("email", string(120)));
        }

        public void downgrade(Ops op) {
            op.dropColumn("users", "email");
        }
    }

    static LintReport runLint(Dialect dialect, MigrateConfig config, MetaData models, PrintStream out) {
        // tag::run-lint[]
        Linter linter = Linter.forConfig(config, dialect, models);   // lint_ignore from the config; models may be null
        LintReport report = linter.lint(List.of(RecordedRevision.record(new R_ae1027a6acf_add_email(), dialect)));
        out.print(LintText.format(report));                          // or LintJson.format(report)
        // end::run-lint[]
        return report;
    }

    static void silencing(Ops op) {
        // tag::silencing[]
        op.ignoring("drop-column").dropColumn("users", "email");     // reviewed: unmapped since release 2.3
        op.safetyAssured().execute("UPDATE settings SET value = 'x'");
        // end::silencing[]
    }

    static void stillMapped(Ops op) {
        // tag::still-mapped[]
        op.dropColumn("users", "nickname");   // the models still map users.nickname
        // end::still-mapped[]
    }

    static void dropTable(Ops op) {
        // tag::drop-table[]
        op.dropTable("audit_log");
        // end::drop-table[]
    }

    static void dropColumn(Ops op) {
        // tag::drop-column[]
        op.dropColumn("users", "email");
        // end::drop-column[]
    }

    static void renamingTable(Ops op) {
        // tag::renaming-table[]
        op.renameTable("user_stars", "user_favorites");
        // end::renaming-table[]
    }

    static void renamingColumn(Ops op) {
        // tag::renaming-column[]
        op.alterColumn("users", "mail", c -> c.newName("email").existingType(string(120)));
        // end::renaming-column[]
    }

    static void addingRequiredField(Ops op) {
        // tag::adding-required-field[]
        op.addColumn("recipe", column("public", booleanType()).nullable(false));
        // end::adding-required-field[]
    }

    static void banDropDatabase(Ops op) {
        // tag::ban-drop-database[]
        op.execute("DROP DATABASE shop");
        // end::ban-drop-database[]
    }

    static void banTruncateCascade(Ops op) {
        // tag::ban-truncate-cascade[]
        op.execute("TRUNCATE a, b CASCADE");
        // end::ban-truncate-cascade[]
    }

    static void addingNotNullableField(Ops op) {
        // tag::adding-not-nullable-field[]
        op.alterColumn("recipe", "view_count", c -> c.nullable(false).existingType(bigInteger()));
        // end::adding-not-nullable-field[]
    }

    static void changingColumnType(Ops op) {
        // tag::changing-column-type[]
        op.alterColumn("user_email", "user_id", c -> c.type(bigInteger()).existingType(integer()));
        // end::changing-column-type[]
    }

    static void addingFieldWithDefault(Ops op) {
        // tag::adding-field-with-default[]
        op.addColumn("core_recipe", column("foo", uuid()).serverDefault("gen_random_uuid()"));
        // end::adding-field-with-default[]
    }

    static void addingAutoIncrementField(Ops op) {
        // tag::adding-auto-increment-field[]
        op.addColumn("cities_users", column("id", bigInteger()).autoincrement(true));
        // end::adding-auto-increment-field[]
    }

    static void requireConcurrentIndexCreation(Ops op) {
        // tag::require-concurrent-index-creation[]
        op.createIndex("email_idx", "app_user", "email");
        // end::require-concurrent-index-creation[]
    }

    static void requireConcurrentIndexDeletion(Ops op) {
        // tag::require-concurrent-index-deletion[]
        op.dropIndex("email_idx", "app_user");
        // end::require-concurrent-index-deletion[]
    }

    static void addingForeignKeyConstraint(Ops op) {
        // tag::adding-foreign-key-constraint[]
        op.createForeignKey("fk_user", "email", "user", List.of("user_id"), List.of("id"));
        // end::adding-foreign-key-constraint[]
    }

    static void constraintMissingNotValid(Ops op) {
        // tag::constraint-missing-not-valid[]
        op.createCheckConstraint("positive_balance", "accounts", "balance >= 0");
        // end::constraint-missing-not-valid[]
    }

    static void disallowedUniqueConstraint(Ops op) {
        // tag::disallowed-unique-constraint[]
        op.createUniqueConstraint("dist_id_uniq", "distributors", "dist_id");
        // end::disallowed-unique-constraint[]
    }

    static void addingPrimaryKeyConstraint(Ops op) {
        // tag::adding-primary-key-constraint[]
        op.createPrimaryKey("account_pk", "account", "id");
        // end::adding-primary-key-constraint[]
    }

    static void validateInSameTransaction(Ops op) {
        // tag::validate-in-same-transaction[]
        op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
        op.validateConstraint("accounts", "positive_balance");
        // end::validate-in-same-transaction[]
    }

    static void backfillInDdlTransaction(Ops op) {
        // tag::backfill-in-ddl-transaction[]
        op.addColumn("users", column("some_column", text()));
        op.execute("UPDATE users SET some_column = 'default_value'");
        // end::backfill-in-ddl-transaction[]
    }

    static void sqliteTableRebuild(Ops op) {
        // tag::sqlite-table-rebuild[]
        op.alterColumn("users", "email", c -> c.nullable(false));
        // end::sqlite-table-rebuild[]
    }

    static void preferBigintOverInt(Ops op) {
        // tag::prefer-bigint-over-int[]
        op.createTable("posts", column("id", integer()).primaryKey());
        // end::prefer-bigint-over-int[]
    }

    static void preferTimestamptz(Ops op) {
        // tag::prefer-timestamptz[]
        op.addColumn("users", column("created_ts", dateTime()));
        // end::prefer-timestamptz[]
    }

    static void unknownRule(Ops op) {
        // tag::unknown-rule[]
        op.ignoring("drop-colum").dropColumn("users", "fax");
        // end::unknown-rule[]
    }
}
