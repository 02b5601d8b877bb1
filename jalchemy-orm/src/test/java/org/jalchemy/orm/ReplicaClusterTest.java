package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineSet;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.orm.scalemodel.Customer;
import org.jalchemy.orm.scalemodel.Customer_;
import org.jalchemy.orm.scalemodel.PurchaseOrder;
import org.jalchemy.testing.ClusterServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.bind;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.text;

/**
 * Read/write splitting on a real PostgreSQL primary (5433) and its streaming hot standby (5434),
 * started by {@code ./dev cluster replica start}. Which server ran a statement is asked of the
 * server itself ({@code pg_is_in_recovery()}: true on the standby); lag is made on purpose by
 * pausing WAL replay on the standby ({@code pg_wal_replay_pause()}) and always resumed after.
 * Skipped when the servers are down, failed instead under {@code JALCHEMY_CLUSTER_REQUIRED=1}.
 */
class ReplicaClusterTest {
    private static final String START = "./dev cluster replica start";
    private static Engine primary;
    private static Engine replica;

    @BeforeAll
    static void servers() {
        primary = ClusterServers.engine(ClusterServers.PRIMARY, START);
        replica = ClusterServers.engine(ClusterServers.REPLICA, START);
    }

    @AfterAll
    static void dispose() {
        if (primary != null) {
            primary.dispose();
        }
        if (replica != null) {
            replica.dispose();
        }
    }

    @BeforeEach
    void freshTables() {
        ReadWriteSplitTest.MODELS.metadata().dropAll(primary, true);
        ReadWriteSplitTest.MODELS.metadata().createAll(primary);
        SessionFactory.bind(primary).inTransaction(s -> s.add(new Customer(1, "eu", "ana")));
        awaitReplayed();
    }

    @AfterEach
    void resumeReplay() {
        replay(true);
        awaitReplayed();
    }

    /** Pauses or resumes WAL replay on the standby. */
    private static void replay(boolean on) {
        try (Connection c = replica.connect()) {
            c.execute(text(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()")).all();
        }
    }

    /** Waits (at most 10 s) until the standby has replayed everything the primary has written. */
    private static void awaitReplayed() {
        String lsn;
        try (Connection c = primary.connect()) {
            lsn = String.valueOf(c.execute(text("SELECT pg_current_wal_insert_lsn()::text")).scalarOne());
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Connection c = replica.connect()) {
                Object caughtUp = c.execute(text("SELECT pg_last_wal_replay_lsn() >= CAST(:lsn AS pg_lsn)"),
                        java.util.Map.of("lsn", lsn)).scalarOne();
                if (Boolean.TRUE.equals(caughtUp)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standby did not replay up to " + lsn + " within 10 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** True when the statement ran on the standby: the server's own answer. */
    private static boolean onStandby(Session s) {
        return Boolean.TRUE.equals(s.scalar(org.jalchemy.sql.Sql.select(func.call("pg_is_in_recovery",
                org.jalchemy.types.SqlTypes.booleanType()))));
    }

    private static EngineSet engines(Duration maxLag) {
        return EngineSet.primary(primary).replica("standby", replica).maxLag(maxLag).lagCheckInterval(Duration.ZERO).build();
    }

    @Test
    @DisplayName("plain reads run on the standby, flushes on the primary, and the session stays there [pg-replica]")
    void routing() {
        SessionFactory factory = SessionFactory.bind(engines(null));
        try (Session s = factory.open()) {
            assertThat(onStandby(s)).isTrue();
            assertThat(s.get(Customer.class, 1).orElseThrow().name).isEqualTo("ana");
            // tag::replica-session[]
            Customer bob = new Customer(2, "us", "bob");
            s.add(bob);
            s.flush();                      // INSERT on the primary
            assertThat(onStandby(s)).isFalse(); // this session now reads from the primary
            // end::replica-session[]
            s.commit();
        }
        try (Session s = factory.open()) {
            assertThat(onStandby(s)).as("a new session reads from the standby again").isTrue();
            assertThat(s.scalars(select(Customer.class).where(Customer_.id.eq(1)).forUpdate()).one().name)
                    .as("FOR UPDATE would fail on a standby: it ran on the primary").isEqualTo("ana");
            assertThat(onStandby(s)).as("the locking transaction reads from the primary").isFalse();
        }
    }

    @Test
    @DisplayName("a session reads its own writes while the standby lags [pg-replica]")
    void readYourWrites() {
        SessionFactory factory = SessionFactory.bind(engines(null));
        replay(false);
        try (Session s = factory.open()) {
            Customer c = new Customer(3, "eu", "carla");
            c.orders.add(new PurchaseOrder(30, 12));
            s.add(c);
            s.commit();
            s.expireAll();
            assertThat(s.get(Customer.class, 3)).as("own write, read from the primary").isPresent();
            assertThat(s.get(Customer.class, 3).orElseThrow().orders).hasSize(1);
        }
        try (Session other = factory.open()) {
            assertThat(other.get(Customer.class, 3)).as("another session reads the paused standby").isEmpty();
            // tag::bind-primary[]
            String name = other.scalar(org.jalchemy.sql.Sql.select(Customer_.name).where(Customer_.id.eq(3))
                    .options(bind("primary")));   // this one statement reads from the primary
            // end::bind-primary[]
            assertThat(name).as("bind(\"primary\") overrides").isEqualTo("carla");
        }
        replay(true);
        awaitReplayed();
        try (Session other = factory.open()) {
            assertThat(other.get(Customer.class, 3)).as("replayed").isPresent();
            assertThat(onStandby(other)).isTrue();
        }
    }

    @Test
    @DisplayName("replica lag is measured and beyond maxLag reads fall back to the primary [pg-replica]")
    void lagFallback() {
        // tag::replica-engines[]
        EngineSet engines = EngineSet.primary(primary)
                .replica("standby", replica)
                .maxLag(Duration.ofMillis(500))   // further behind: read from the primary
                .build();
        SessionFactory factory = SessionFactory.bind(engines);
        // end::replica-engines[]
        EngineSet everyCheckout = engines(Duration.ofMillis(500));
        SessionFactory checked = SessionFactory.bind(everyCheckout);
        assertThat(everyCheckout.replicaLag("standby")).as("caught up").isEqualTo(Duration.ZERO);
        try (Session s = checked.open()) {
            assertThat(onStandby(s)).isTrue();
        }
        replay(false);
        SessionFactory.bind(primary).inTransaction(s -> s.add(new Customer(4, "us", "dan")));
        sleep(800);
        Duration lag = everyCheckout.replicaLag("standby");
        assertThat(lag).as("pg_last_xact_replay_timestamp() is old, WAL is waiting").isGreaterThan(Duration.ofMillis(500));
        try (Session s = checked.open()) {
            assertThat(onStandby(s)).as("lag %s > maxLag 500 ms", lag).isFalse();
            assertThat(s.get(Customer.class, 4)).as("and so it sees the latest write").isPresent();
        }
        replay(true);
        awaitReplayed();
        assertThat(everyCheckout.replicaLag("standby")).isEqualTo(Duration.ZERO);
        try (Session s = checked.open()) {
            assertThat(onStandby(s)).isTrue();
        }
        try (Session s = factory.open()) {
            assertThat(s.get(Customer.class, 4)).isPresent();
        }
    }

    @Test
    @DisplayName("the standby refuses writes; binds name the engines [pg-replica]")
    void standbyIsReadOnly() {
        SessionFactory factory = SessionFactory.bind(engines(null));
        try (Session s = factory.open()) {
            assertThat(s.scalar(org.jalchemy.sql.Sql.select(func.call("pg_is_in_recovery", org.jalchemy.types.SqlTypes.booleanType()))
                    .options(bind("primary")))).isFalse();
            assertThat(s.scalar(org.jalchemy.sql.Sql.select(func.call("pg_is_in_recovery", org.jalchemy.types.SqlTypes.booleanType()))
                    .options(bind("standby")))).isTrue();
        }
        try (Connection c = replica.connect()) {
            assertThatThrownBy(() -> c.execute(text("INSERT INTO scale_customers (id, region, name) VALUES (9, 'x', 'y')")))
                    .isInstanceOf(DBAPIError.class).hasMessageContaining("read-only transaction");
        }
    }
}
