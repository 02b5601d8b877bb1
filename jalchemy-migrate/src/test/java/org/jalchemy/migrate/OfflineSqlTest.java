package org.jalchemy.migrate;

import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.script.ScriptSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.migrate.Ddl.*;
import static org.jalchemy.types.SqlTypes.*;

/** {@code upgrade base:head --sql}: the whole script printed with no database, per dialect (strings asserted). */
class OfflineSqlTest {

    static final List<Migration> REVS = List.of(
            TestMigration.of("a1b2c3d4e5f6", null,
                    op -> op.createTable("users", column("id", integer()).primaryKey(), column("name", string(50)).nullable(false)),
                    op -> op.dropTable("users")),
            TestMigration.of("0f9e8d7c6b5a", "a1b2c3d4e5f6", op -> {
                op.addColumn("users", column("email", string(120)));
                op.createIndex(index("ix_users_email", "email").on("users").concurrently());
                op.bulkInsert("users", List.of(orderedRow())); // Map.of's order changes from JVM to JVM
            }, op -> {
                op.dropIndex("ix_users_email", "users");
                op.dropColumn("users", "email");
            }));

    private static Map<String, Object> orderedRow() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", 1);
        row.put("name", "O'Hara");
        return row;
    }

    private static String sql(String url, String target, boolean up) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Commands c = new Commands(MigrateConfig.of(Path.of("target"), Map.of("url", url)),
                new PrintStream(buf, true, StandardCharsets.UTF_8)).scripts(ScriptSource.of(REVS));
        if (up) {
            c.upgrade(target, true);
        } else {
            c.downgrade(target, true);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void postgresqlUpgradeBaseToHead() {
        assertThat(sql("postgresql://u:secret@db.example/app", "base:head", true)).isEqualTo("""
                BEGIN;

                CREATE TABLE jalchemy_version (
                \tversion_num VARCHAR(32) NOT NULL,
                \tCONSTRAINT jalchemy_version_pkc PRIMARY KEY (version_num)
                );

                CREATE TABLE jalchemy_version_progress (
                \trevision VARCHAR(32) NOT NULL,
                \tdirection VARCHAR(10) NOT NULL,
                \tops_done INTEGER NOT NULL,
                \top_digests VARCHAR(4000) NOT NULL,
                \tCONSTRAINT jalchemy_version_progress_pkc PRIMARY KEY (revision)
                );


                -- Running upgrade  -> a1b2c3d4e5f6, m a1b2c3d4e5f6

                CREATE TABLE users (
                \tid SERIAL NOT NULL,
                \tname VARCHAR(50) NOT NULL,
                \tPRIMARY KEY (id)
                );

                INSERT INTO jalchemy_version (version_num) VALUES ('a1b2c3d4e5f6');


                -- Running upgrade a1b2c3d4e5f6 -> 0f9e8d7c6b5a, m 0f9e8d7c6b5a

                ALTER TABLE users ADD COLUMN email VARCHAR(120);

                COMMIT;

                CREATE INDEX CONCURRENTLY ix_users_email ON users (email);

                BEGIN;

                INSERT INTO users (id, name) VALUES (1, 'O''Hara');

                UPDATE jalchemy_version SET version_num='0f9e8d7c6b5a' WHERE version_num = 'a1b2c3d4e5f6';


                COMMIT;

                """);
    }

    @Test
    void mariadbHasNoTransactionsAndSqliteKeepsOne() {
        String maria = sql("mariadb://root@localhost/app", "base:head", true);
        assertThat(maria).doesNotContain("BEGIN;").contains("ALTER TABLE users ADD COLUMN email VARCHAR(120);")
                .contains("CREATE INDEX ix_users_email ON users (email);")
                .contains("id INTEGER NOT NULL AUTO_INCREMENT");
        String sqlite = sql("sqlite:///x.db", "base:head", true);
        assertThat(sqlite).startsWith("BEGIN;").endsWith("COMMIT;\n\n").contains("CREATE INDEX ix_users_email ON users (email);");
    }

    @Test
    void downgradeRangeAndErrors() {
        assertThat(sql("postgresql://u@h/db", "0f9e8d7c6b5a:a1b2c3d4e5f6", false)).contains("""
                -- Running downgrade 0f9e8d7c6b5a -> a1b2c3d4e5f6, m 0f9e8d7c6b5a

                DROP INDEX ix_users_email;

                ALTER TABLE users DROP COLUMN email;

                UPDATE jalchemy_version SET version_num='a1b2c3d4e5f6' WHERE version_num = '0f9e8d7c6b5a';
                """);
        assertThatThrownBy(() -> sql("postgresql://u@h/db", "base", false)).isInstanceOf(MigrationError.class)
                .hasMessageContaining("downgrade <from>:<to> --sql");
        Migration reads = TestMigration.of("c0ffee000001", null, op -> op.connection(), op -> { });
        Commands c = new Commands(MigrateConfig.of(Path.of("target"), Map.of("url", "sqlite:///x.db")),
                new PrintStream(new ByteArrayOutputStream())).scripts(ScriptSource.of(List.of(reads)));
        assertThatThrownBy(() -> c.upgrade("head", true)).isInstanceOf(MigrationError.class)
                .hasMessageContaining("not available in offline (--sql) mode");
    }
}
