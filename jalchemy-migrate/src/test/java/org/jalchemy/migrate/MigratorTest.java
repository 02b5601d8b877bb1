package org.jalchemy.migrate;

import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Inspector;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code Migrator.upgrade(engine, "head")} at start-up: scripts compiled into the application, found by package. */
class MigratorTest {

    @BackendTest
    void upgradeHeadFindsTheScriptsOfPackageMigrations(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, "jalchemy_version", "cp_items");
        Migrator.upgrade(e, "head");
        assertThat(new Inspector(e).hasTable("cp_items")).isTrue();
        assertThat(MigrateTesting.versions(e, "jalchemy_version")).containsExactly("0a0000000001");
        Migrator.upgrade(e, "head"); // nothing left to do
        assertThatThrownBy(() -> Migrator.upgrade(e, "head", "com.nowhere.migrations")).isInstanceOf(MigrationError.class)
                .hasMessageContaining("No revision scripts").hasMessageContaining("com.nowhere.migrations");
        MigrateTesting.reset(e, "jalchemy_version", "cp_items");
    }
}
