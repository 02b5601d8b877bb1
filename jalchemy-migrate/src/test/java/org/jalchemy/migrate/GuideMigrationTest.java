package org.jalchemy.migrate;

import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.MigrateTesting.columns;
import static org.jalchemy.migrate.MigrateTesting.versions;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** The guide's chapter 9 example: a revision adds {@code users.email}, its downgrade drops it; upgrade head, downgrade -1. */
class GuideMigrationTest {
    static final String VT = "gm_version";

    static final Migration CREATE_USERS = TestMigration.of("123456abcdef", null,
            op -> op.createTable("gm_users", column("id", integer()).primaryKey(),
                    column("username", string(50)).nullable(false)),
            op -> op.dropTable("gm_users"));

    static final Migration ADD_EMAIL = TestMigration.of("abcdef123456", "123456abcdef",
            op -> op.addColumn("gm_users", column("email", string(120)).nullable(true)),
            op -> op.dropColumn("gm_users", "email"));

    @BackendTest
    void upgradeHeadThenDowngradeMinusOne(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "gm_users");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Commands cmd = MigrateTesting.commands(e, VT, out, List.of(CREATE_USERS, ADD_EMAIL));

        cmd.upgrade("head", false);
        assertThat(columns(e, "gm_users")).containsExactly("id", "username", "email");
        assertThat(versions(e, VT)).containsExactly("abcdef123456");
        assertThat(out.toString()).contains("Running upgrade  -> 123456abcdef".replace("  ", " "))
                .contains("Running upgrade 123456abcdef -> abcdef123456, m abcdef123456 ... done in");

        cmd.downgrade("-1", false);
        assertThat(columns(e, "gm_users")).containsExactly("id", "username");
        assertThat(versions(e, VT)).containsExactly("123456abcdef");

        cmd.upgrade("head", false); // again: the column comes back
        assertThat(columns(e, "gm_users")).contains("email");
        cmd.downgrade("base", false);
        assertThat(new org.jalchemy.schema.Inspector(e).hasTable("gm_users")).isFalse();
        assertThat(versions(e, VT)).isEmpty();

        out.reset();
        cmd.current(false);
        assertThat(out.toString()).contains("base");
        MigrateTesting.reset(e, VT, "gm_users");
    }
}
