package org.jalchemy.migrate.lint;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locks and table copies the rules' explanations describe, observed on the servers.
 * PostgreSQL: the lock each statement holds until commit (pg_locks of the migration's own
 * backend), and that SET NOT NULL skips its scan once a validated CHECK (c IS NOT NULL) exists
 * (the server says so at DEBUG1). MariaDB: which ALTERs need ALGORITHM=COPY. SQLite: that ALTER
 * TABLE cannot change a column's type or add a UNIQUE constraint (so the runner rebuilds the table).
 */
class LockClaimsTest {

    @BackendTest
    void theLocksAndCopiesTheExplanationsDescribe(Backend backend) throws Exception {
        Engine e = backend.engine();
        if (backend.isPostgresql()) {
            postgresqlLocks(e);
            postgresqlSetNotNullSkipsTheScanWithAValidatedCheck(e);
        } else if (backend.isMariadb()) {
            mariadbCopies(e);
        } else {
            sqliteAlterTableLimits(e);
        }
    }

    /** The PostgreSQL table lock modes that conflict with the ROW EXCLUSIVE lock of INSERT/UPDATE/DELETE. */
    private static final List<String> BLOCKS_WRITES = List.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private static void setUp(Connection c) {
        LiveDb.exec(c, "DROP TABLE IF EXISTS lint_child", "DROP TABLE IF EXISTS lint_parent",
                "CREATE TABLE lint_parent (id INT PRIMARY KEY)", "CREATE TABLE lint_child (id INT PRIMARY KEY, parent_id INT, n INT)",
                "INSERT INTO lint_parent VALUES (1)", "INSERT INTO lint_child VALUES (1, 1, 1)");
        c.commit();
    }

    /** The lock modes this transaction holds on {@code table}. */
    private static List<String> locks(Connection c, String table) {
        List<String> out = new ArrayList<>();
        c.execDriverSql("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = '" + table + "'::regclass ORDER BY mode")
                .all().forEach(r -> out.add(String.valueOf(r.get(0))));
        return out;
    }

    private void postgresqlLocks(Engine e) {
        try (Connection c = e.connect()) {
            setUp(c);
            LiveDb.exec(c, "CREATE INDEX lint_ix ON lint_child (n)");
            assertThat(locks(c, "lint_child")).as("CREATE INDEX blocks writes, not reads").contains("ShareLock").doesNotContain("AccessExclusiveLock");
            c.rollback();
            LiveDb.exec(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_uq UNIQUE (n)");
            assertThat(locks(c, "lint_child")).as("ADD UNIQUE blocks reads and writes").contains("AccessExclusiveLock");
            c.rollback();
            LiveDb.exec(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_fk FOREIGN KEY (parent_id) REFERENCES lint_parent (id)");
            assertThat(locks(c, "lint_child")).as("ADD FOREIGN KEY, referencing table").contains("ShareRowExclusiveLock");
            assertThat(locks(c, "lint_parent")).as("ADD FOREIGN KEY, referenced table").contains("ShareRowExclusiveLock");
            c.rollback();
            LiveDb.exec(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_fk FOREIGN KEY (parent_id) REFERENCES lint_parent (id) NOT VALID");
            c.commit();
            LiveDb.exec(c, "ALTER TABLE lint_child VALIDATE CONSTRAINT lint_fk");
            assertThat(locks(c, "lint_child")).as("VALIDATE lets reads and writes go on").contains("ShareUpdateExclusiveLock")
                    .doesNotContainAnyElementsOf(BLOCKS_WRITES);
            c.rollback();
            LiveDb.exec(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_ck CHECK (n > 0) NOT VALID", "ALTER TABLE lint_child VALIDATE CONSTRAINT lint_ck");
            assertThat(locks(c, "lint_child")).as("validated in the transaction that added it: the add's lock is still held")
                    .contains("AccessExclusiveLock");
            c.rollback();
            LiveDb.exec(c, "DROP TABLE lint_child", "DROP TABLE lint_parent");
            c.commit();
        }
    }

    private void postgresqlSetNotNullSkipsTheScanWithAValidatedCheck(Engine e) throws Exception {
        try (Connection c = e.connect()) {
            setUp(c);
            java.sql.Connection j = c.jdbc();         // plain JDBC throughout: the DEBUG messages arrive as statement warnings
            assertThat(debugMessages(j, "ALTER TABLE lint_child ALTER COLUMN n SET NOT NULL")).anyMatch(m -> m.contains("verifying table"));
            j.rollback();
            debugMessages(j, "ALTER TABLE lint_child ADD CONSTRAINT lint_nn CHECK (n IS NOT NULL) NOT VALID");
            assertThat(debugMessages(j, "ALTER TABLE lint_child ALTER COLUMN n SET NOT NULL")).as("not validated yet: still a scan")
                    .anyMatch(m -> m.contains("verifying table"));
            j.rollback();
            debugMessages(j, "ALTER TABLE lint_child ADD CONSTRAINT lint_nn CHECK (n IS NOT NULL) NOT VALID");
            j.commit();
            debugMessages(j, "ALTER TABLE lint_child VALIDATE CONSTRAINT lint_nn");
            j.commit();
            List<String> m = debugMessages(j, "ALTER TABLE lint_child ALTER COLUMN n SET NOT NULL");
            assertThat(m).anyMatch(x -> x.contains("sufficient to prove")).noneMatch(x -> x.contains("verifying table"));
            j.rollback();
            LiveDb.exec(c, "DROP TABLE lint_child", "DROP TABLE lint_parent");
            c.commit();
        }
    }

    /** The DEBUG1 messages the server sends while running {@code sql} (in the connection's current transaction). */
    private static List<String> debugMessages(java.sql.Connection j, String sql) throws Exception {
        j.setAutoCommit(false);
        List<String> out = new ArrayList<>();
        try (Statement st = j.createStatement()) {
            st.execute("SET LOCAL client_min_messages = debug1");
            st.execute(sql);
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                out.add(w.getMessage());
            }
        }
        return out;
    }

    private void mariadbCopies(Engine e) {
        try (Connection c = e.connect()) {
            setUp(c);
            String online = ", ALGORITHM=INPLACE, LOCK=NONE";
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_fk FOREIGN KEY (parent_id) REFERENCES lint_parent (id)"
                    + online)).as("FOREIGN KEY with foreign_key_checks on").isFalse();
            LiveDb.exec(c, "SET SESSION foreign_key_checks = 0");
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_fk FOREIGN KEY (parent_id) REFERENCES lint_parent (id)"
                    + online)).as("FOREIGN KEY with foreign_key_checks off").isTrue();
            LiveDb.exec(c, "SET SESSION foreign_key_checks = 1");
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_ck CHECK (n > 0)" + online)).as("CHECK").isFalse();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_uq UNIQUE (n)" + online)).as("UNIQUE").isTrue();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD INDEX lint_ix (parent_id)" + online)).as("index").isTrue();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child MODIFY n INT NOT NULL" + online)).as("SET NOT NULL").isTrue();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD COLUMN seq INT AUTO_INCREMENT UNIQUE" + online))
                    .as("AUTO_INCREMENT column").isFalse();
            LiveDb.exec(c, "DROP TABLE lint_child", "DROP TABLE lint_parent");
        }
    }

    private void sqliteAlterTableLimits(Engine e) {
        try (Connection c = e.connect()) {
            setUp(c);
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ADD CONSTRAINT lint_uq UNIQUE (n)")).isFalse();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_child ALTER COLUMN n TYPE TEXT")).isFalse();
            c.rollback();
            LiveDb.exec(c, "DROP TABLE lint_child", "DROP TABLE lint_parent");
            c.commit();
        }
    }
}
