package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineSet;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.orm.scalemodel.Customer;
import org.jalchemy.orm.scalemodel.Customer_;
import org.jalchemy.orm.scalemodel.PurchaseOrder;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.bind;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.text;

/**
 * Read/write splitting's routing rules on every backend, without a real replica: the "replica" is
 * a second database on the same server holding other rows under the same keys (customer 1 is
 * "ana@primary" on the primary, "ana@replica" on the replica, and nothing copies between them), so
 * the row a statement returns tells which engine served it. The real streaming replica is
 * {@code ReplicaClusterTest}.
 */
class ReadWriteSplitTest {
    static final Registry MODELS = Registry.of(Customer.class, PurchaseOrder.class);

    /** The primary (the backend's test database) and a stand-in replica, each with customer 1 under its own name. */
    record Split(Engine primary, Engine replica) implements AutoCloseable {
        static Split of(Backend b) {
            return of(b, o -> o);
        }

        static Split of(Backend b, UnaryOperator<org.jalchemy.engine.EngineOptions.Builder> replicaOptions) {
            Engine primary = OrmTesting.fresh(b, MODELS);
            Engine replica = Db.isolatedDatabase(b, "replica_split", replicaOptions);
            MODELS.metadata().createAll(replica);
            Db.exec(replica, "CREATE TABLE heartbeat (lag_ms INTEGER NOT NULL)", "INSERT INTO heartbeat VALUES (0)");
            SessionFactory.bind(primary).inTransaction(s -> s.add(new Customer(1, "eu", "ana@primary")));
            SessionFactory.bind(replica).inTransaction(s -> s.add(new Customer(1, "eu", "ana@replica")));
            return new Split(primary, replica);
        }

        EngineSet.Builder set() {
            return EngineSet.primary(primary).replica("replica", replica);
        }

        @Override
        public void close() {
            replica.dispose(); // the primary is the backend's shared engine
        }
    }

    private static String name1(Session s) {
        return s.scalar(org.jalchemy.sql.Sql.select(Customer_.name).where(Customer_.id.eq(1)));
    }

    @BackendTest
    void plainReadsGoToTheReplicaWritesToThePrimary(Backend b) {
        try (Split split = Split.of(b)) {
            SessionFactory factory = SessionFactory.bind(split.set().build());
            try (Session s = factory.open()) {
                assertThat(s.get(Customer.class, 1).orElseThrow().name).isEqualTo("ana@replica");
                assertThat(((SessionImpl) s).readingFrom()).isEqualTo("replica");
                s.add(new Customer(2, "us", "bob"));
                s.flush(); // INSERT on the primary; from now on this session reads there too
                assertThat(((SessionImpl) s).readingFrom()).isEqualTo("primary");
                assertThat(s.scalars(select(Customer.class).orderBy(Customer_.id)).all()).extracting(c -> c.id)
                        .containsExactly(1, 2);
                assertThat(name1(s)).isEqualTo("ana@primary");
                s.commit();
                assertThat(name1(s)).as("read-your-writes after commit: the replica may lag").isEqualTo("ana@primary");
            }
            try (Session fresh = factory.open()) {
                assertThat(name1(fresh)).isEqualTo("ana@replica");
                assertThat(fresh.get(Customer.class, 2)).as("the stand-in replica never receives the insert").isEmpty();
            }
            try (Session p = SessionFactory.bind(split.primary()).open()) {
                assertThat(p.get(Customer.class, 2).orElseThrow().name).isEqualTo("bob");
            }
        }
    }

    @BackendTest
    void relationshipLoadsFollowTheSession(Backend b) {
        try (Split split = Split.of(b)) {
            SessionFactory.bind(split.replica()).inTransaction(s ->
                    s.get(Customer.class, 1).orElseThrow().orders.add(new PurchaseOrder(10, 7)));
            SessionFactory factory = SessionFactory.bind(split.set().build());
            try (Session s = factory.open()) {
                Customer c = s.get(Customer.class, 1).orElseThrow();
                assertThat(c.orders).as("lazy load on the replica").extracting(o -> o.amount).containsExactly(7);
                c.name = "ana renamed";
                s.commit(); // UPDATE on the primary, where customer 1 has no orders
                assertThat(c.name).isEqualTo("ana renamed");
                s.expire(c); // unloads the collection
                assertThat(c.orders).as("after writing, loads read the primary").isEmpty();
            }
        }
    }

    @BackendTest
    void forUpdateAndTheRawConnectionKeepTheTransactionOnThePrimary(Backend b) {
        try (Split split = Split.of(b)) {
            SessionFactory factory = SessionFactory.bind(split.set().build());
            try (Session s = factory.open()) {
                Customer locked = s.scalars(select(Customer.class).where(Customer_.id.eq(1)).forUpdate()).one();
                assertThat(locked.name).isEqualTo("ana@primary");
                assertThat(name1(s)).as("the locking transaction reads the primary").isEqualTo("ana@primary");
                s.rollback();
                assertThat(name1(s)).as("a new transaction reads the replica again").isEqualTo("ana@replica");
                s.rollback();
                s.connection();
                assertThat(name1(s)).isEqualTo("ana@primary");
            }
        }
    }

    @BackendTest
    void bindOverridesTheRouting(Backend b) {
        try (Split split = Split.of(b)) {
            SessionFactory factory = SessionFactory.bind(split.set().build());
            try (Session s = factory.open()) {
                assertThat(s.scalar(org.jalchemy.sql.Sql.select(Customer_.name).where(Customer_.id.eq(1)).options(bind("primary"))))
                        .isEqualTo("ana@primary");
                assertThat(name1(s)).isEqualTo("ana@replica");
                s.execute(text("UPDATE scale_customers SET region = 'x' WHERE id = 1")); // a write: primary from now on
                assertThat(name1(s)).isEqualTo("ana@primary");
                assertThat(s.scalar(org.jalchemy.sql.Sql.select(Customer_.name).where(Customer_.id.eq(1))
                        .options(bind("replica")))).isEqualTo("ana@replica");
                assertThatThrownBy(() -> s.execute(Orm.select(Customer.class).options(bind("reporting"))))
                        .isInstanceOf(ArgumentError.class).hasMessageContaining("'reporting'")
                        .hasMessageContaining("primary, replica");
            }
        }
    }

    @BackendTest
    void aSessionOnOneEngineAcceptsOnlyThePrimaryBind(Backend b) {
        try (Split split = Split.of(b); Session s = SessionFactory.bind(split.primary()).open()) {
            assertThat(s.scalar(org.jalchemy.sql.Sql.select(Customer_.name).where(Customer_.id.eq(1)).options(bind("primary"))))
                    .isEqualTo("ana@primary");
            assertThatThrownBy(() -> s.execute(Orm.select(Customer.class).options(bind("replica"))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("bound to one engine")
                    .hasMessageContaining("EngineSet");
        }
    }

    @BackendTest
    void aLaggingReplicaSendsReadsToThePrimary(Backend b) {
        try (Split split = Split.of(b)) {
            // a heartbeat table on the replica tells its lag (the probe runs on the connection about to be used)
            // tag::lag-probe[]
            EngineSet engines = split.set().maxLag(Duration.ofSeconds(1)).lagCheckInterval(Duration.ZERO)
                    .lagProbe(c -> Duration.ofMillis(((Number) c.execute(text("SELECT lag_ms FROM heartbeat"))
                            .scalarOne()).longValue()))
                    .build();
            // end::lag-probe[]
            SessionFactory factory = SessionFactory.bind(engines);
            try (Session s = factory.open()) {
                assertThat(name1(s)).isEqualTo("ana@replica");
            }
            Db.exec(split.replica(), "UPDATE heartbeat SET lag_ms = 5000");
            assertThat(engines.replicaLag("replica")).isEqualTo(Duration.ofSeconds(5));
            try (Session s = factory.open()) {
                assertThat(name1(s)).as("5 s behind, maxLag 1 s").isEqualTo("ana@primary");
                assertThat(((SessionImpl) s).readingFrom()).isEqualTo("primary");
            }
            Db.exec(split.replica(), "UPDATE heartbeat SET lag_ms = 200");
            try (Session s = factory.open()) {
                assertThat(name1(s)).isEqualTo("ana@replica");
            }
            assertThat(split.replica().poolStatus().checkedOut()).isZero();
            assertThat(split.primary().poolStatus().checkedOut()).isZero();
        }
    }

    @BackendTest
    void theDialectMeasuresNoLagOnAServerThatIsNotAReplica(Backend b) {
        try (Split split = Split.of(b)) {
            EngineSet engines = split.set().maxLag(Duration.ofMillis(1)).build();
            assertThat(engines.replicaLag("replica")).isEqualTo(Duration.ZERO);
            try (Session s = SessionFactory.bind(engines).open()) {
                assertThat(name1(s)).isEqualTo("ana@replica");
            }
        }
    }

    @BackendTest
    void anUnreachableReplicaIsPassedOver(Backend b) throws Exception {
        try (Split split = Split.of(b)) {
            Engine down;
            if (b.isSqlite()) {
                down = org.jalchemy.Jalchemy.createEngine("sqlite:///target/no-such-dir-" + ProcessHandle.current().pid()
                        + "/replica.db");
            } else {
                int port;
                try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                    port = probe.getLocalPort();
                }
                down = b.newEngineAt(port, o -> o.connectTimeout(Duration.ofSeconds(1)).poolTimeout(Duration.ofSeconds(1)));
            }
            try {
                EngineSet engines = EngineSet.primary(split.primary()).replica("down", down)
                        .replica("replica", split.replica()).lagCheckInterval(Duration.ofMinutes(1)).build();
                SessionFactory factory = SessionFactory.bind(engines);
                java.util.List<String> names = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    try (Session s = factory.open()) {
                        names.add(name1(s));
                    }
                }
                assertThat(names).as("round robin skips the replica that is down").containsOnly("ana@replica");
                assertThat(engines.lastFailure("down")).isPresent();
                assertThat(engines.lastFailure("replica")).isEmpty();
                EngineSet onlyDown = EngineSet.primary(split.primary()).replica("down", down).build();
                try (Session s = SessionFactory.bind(onlyDown).open()) {
                    assertThat(name1(s)).as("no replica up: the primary serves").isEqualTo("ana@primary");
                }
            } finally {
                down.dispose();
            }
        }
    }
}
