package org.jalchemy.examples.reference;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Inspector;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the revision scripts and the start-up call of docs/migrations.md on every backend, up and back down. */
class MigrationsReferenceTest {

    @BackendTest
    void migrationsPageCodeRuns(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "posts", "users", "jalchemy_version", "jalchemy_version_progress", "jalchemy_version_lock");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MigrationsReference.startUp(e, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("Running upgrade ae1027a6acf -> 27c6a30d7c24, posts ... done in");
        Inspector insp = new Inspector(e);
        assertThat(insp.getColumns("users")).extracting(c -> c.name()).containsExactly("id", "username", "email");
        assertThat(insp.getCheckConstraints("posts")).extracting(c -> c.name()).contains("ck_posts_title");
        assertThat(insp.getForeignKeys("posts")).singleElement().satisfies(fk -> assertThat(fk.onDelete()).isEqualToIgnoringCase("cascade"));
        try (Connection c = e.connect()) {
            assertThat(c.execDriverSql("SELECT title FROM posts").scalarOne()).isEqualTo("Hola");
        }
        MigrationsReference.startUp(e, new PrintStream(buf)); // at head already: nothing to do

        // autogenerate with hooks: the models are the database plus users.age
        org.jalchemy.schema.MetaData models = new org.jalchemy.schema.MetaData();
        models.reflect(e, null, java.util.List.of("users", "posts"));
        models.table("users").column("age", org.jalchemy.types.SqlTypes.integer());
        assertThat(MigrationsReference.autogenerate(e, models))
                .contains("        op.addColumn(\"users\", column(\"age\", integer()));\n")
                .doesNotContain("\"posts\"");
        MigrationsReference.toBase(e);
        assertThat(new Inspector(e).hasTable("users")).isFalse();
    }
}
