package org.jalchemy.asyncio;

import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.asyncio.model.Writer_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.func;

/**
 * Many concurrent sessions on few connections (the benchmark's workload, small): every request
 * completes, none times out in the pool, every update is kept, and the platform threads stay few
 * however many requests are in flight.
 */
class ConcurrencyTest {

    @BackendTest
    void twoThousandConcurrentRequestsOnFourConnections(Backend backend) {
        // SQLite: one connection (one writer at a time) and an fsync per commit on the test's file: fewer
        int requests = backend.isSqlite() ? 200 : 2000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (AsyncEngine engine = AsyncTesting.engine(backend, backend.isSqlite() ? 1 : 4)) {
            AsyncTesting.seed(engine.sync(), 0);
            List<java.util.Map<String, ?>> rows = new ArrayList<>();
            for (int i = 1; i <= requests; i++) {
                rows.add(java.util.Map.of("id", i, "name", "w" + i, "visits", 0));
            }
            try (var s = org.jalchemy.orm.SessionFactory.bind(engine.sync()).open()) {   // ORM bulk INSERT
                s.execute(org.jalchemy.sql.Sql.insert(org.jalchemy.orm.Orm.table(Writer.class)), rows);
                s.commit();
            }
            AsyncSessionFactory factory = AsyncSessionFactory.builder(engine).expireOnCommit(false).build();
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<CompletableFuture<Void>> all = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                int id = i + 1;                               // one request per row: no lost updates
                AsyncSession session = factory.open();
                all.add(session.get(Writer.class, id)
                        .thenCompose(w -> {
                            w.orElseThrow().visits++;
                            return session.commit();
                        })
                        .whenComplete((v, e) -> session.close()));
            }
            assertThat(engine.poolStatus().checkedOut()).isLessThanOrEqualTo(4);
            done(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
            int peak = threads.getPeakThreadCount();
            long visits = done(factory.withSession(s -> s.scalar(select(func.sum(Writer_.visits))))).longValue();
            long touched = done(factory.withSession(s -> s.scalar(select(func.count(Writer_.id))
                    .where(Writer_.visits.eq(1))))).longValue();
            assertThat(visits).as("every update kept").isEqualTo(requests);
            assertThat(touched).isEqualTo(requests);
            assertThat(peak - before).as("platform threads added for %d concurrent requests", requests)
                    .isLessThan(50);
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }
}
