package org.jalchemy.examples.reference;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;
import org.jalchemy.engine.IsolationLevel;
import org.jalchemy.engine.RetryPolicy;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.string;

/** The code of docs/reliability.md, compiled and run by ReliabilityReferenceTest on every backend. */
public final class ReliabilityReference {
    private ReliabilityReference() {
    }

    static final class Payments extends Table {
        final Column<String> id = column("id", string(36)).primaryKey();
        final Column<Long> cents = column("cents", bigInteger()).nullable(false);
        Payments(MetaData md) { super("rel_payments", md); }
    }

    /** An engine for {@code url} with the page's reliability options. */
    static Engine configuredEngine(String url) {
        // tag::engine-options[]
        Engine engine = Jalchemy.createEngine(url, EngineOptions.builder()
                .poolTimeout(Duration.ofSeconds(10))            // wait for a pooled connection
                .connectTimeout(Duration.ofSeconds(5))          // open one: TCP, TLS, login
                .statementTimeout(Duration.ofSeconds(30))       // one statement (socket read timeout: 35 s)
                .prePing(true)                                  // every connection handed out answered a ping
                .leakDetectionThreshold(Duration.ofMinutes(1))  // WARN with the call site of a forgotten one
                .isolationLevel(IsolationLevel.SERIALIZABLE)
                .build());
        // end::engine-options[]
        return engine;
    }

    // tag::rollback-after-failure[]
    static boolean open(SessionFactory factory, BankAccount account) {
        try (Session session = factory.open()) {
            try {
                session.add(account);
                session.commit();
                return true;
            } catch (IntegrityError duplicate) {
                session.rollback();   // required: until then the session raises PendingRollbackError
                return false;
            }
        }
    }
    // end::rollback-after-failure[]

    // tag::transfer[]
    static final RetryPolicy TRANSFERS = RetryPolicy.builder()
            .maxAttempts(20)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(500))
            .build();

    static boolean transfer(SessionFactory factory, int from, int to, long amount) {
        return factory.runTransaction(session -> {        // a new session per attempt
            BankAccount a = session.get(BankAccount.class, from).orElseThrow();
            BankAccount b = session.get(BankAccount.class, to).orElseThrow();
            if (a.balance < amount) {
                return false;
            }
            a.balance -= amount;
            b.balance += amount;
            return true;                                   // commits; conflicts run the lambda again
        }, TRANSFERS);
    }
    // end::transfer[]

    // tag::idempotent[]
    static void recordPayment(Engine engine, Payments payments, UUID paymentId, long cents) {
        RetryPolicy idempotent = RetryPolicy.builder().idempotent(true).build();
        engine.runInTransaction(conn -> conn.execute(
                insert(payments).values(Map.of("id", paymentId.toString(), "cents", cents))
                        .onConflictDoNothing(payments.id)),     // the key comes from the client: twice is once
                idempotent);
    }
    // end::idempotent[]

    /** Runs the page's examples on {@code url}; returns what they did, for the test. */
    public static String run(String url) {
        try (Engine engine = configuredEngine(url)) {
            Registry models = Registry.of(BankAccount.class);
            models.metadata().createAll(engine);
            MetaData md = new MetaData();
            Payments payments = new Payments(md);
            md.createAll(engine);
            SessionFactory factory = SessionFactory.bind(engine);
            boolean first = open(factory, new BankAccount(1, 100));
            boolean again = open(factory, new BankAccount(1, 100));
            open(factory, new BankAccount(2, 0));
            boolean moved = transfer(factory, 1, 2, 30);
            boolean tooMuch = transfer(factory, 2, 1, 1000);
            UUID id = UUID.nameUUIDFromBytes("order-42".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            recordPayment(engine, payments, id, 1999);
            recordPayment(engine, payments, id, 1999); // a retry of the same payment
            long rows;
            try (var c = engine.connect()) {
                rows = ((Number) c.execute(select(func.count(payments.id))).scalarOne()).longValue();
            }
            long balance2;
            try (Session s = factory.open()) {
                balance2 = s.get(BankAccount.class, 2).orElseThrow().balance;
            }
            return first + " " + again + " " + moved + " " + tooMuch + " " + balance2 + " " + rows;
        }
    }
}
