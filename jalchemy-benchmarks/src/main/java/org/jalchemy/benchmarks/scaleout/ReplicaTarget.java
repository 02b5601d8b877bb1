package org.jalchemy.benchmarks.scaleout;

import org.jalchemy.Jalchemy;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineSet;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

import java.time.Duration;

import static org.jalchemy.sql.Sql.text;

/**
 * The PostgreSQL primary (127.0.0.1:5433) and streaming hot standby (5434) of
 * {@code ./dev cluster replica start}, database {@code test_cluster}, as the scale_out read
 * variants use them: the table {@code so_read} ({@value #ROWS} rows of 2 points each, created on
 * the primary and awaited on the standby), and three session factories: on the primary alone, on
 * an {@link EngineSet} (reads on the standby), and on one with a 1 s {@code maxLag} (lag measured at
 * most once a second).
 *
 * <p>{@link #open(int)} raises {@link Variant.NotApplicable} when either server does not answer,
 * so the variants are reported "not run". Closes its engines.
 */
final class ReplicaTarget implements AutoCloseable {
    static final int ROWS = 1_000;
    static final int POINTS = 2;

    /** A row the read variants load by primary key. */
    @Entity(table = "so_read")
    public static class SoRead {
        @Id @Column public Integer id;
        @Column public Integer points;

        public SoRead() {
        }
    }

    final Engine primary;
    final Engine standby;
    final SessionFactory primaryOnly;
    final SessionFactory split;
    final SessionFactory splitWithMaxLag;

    private ReplicaTarget(Engine primary, Engine standby) {
        this.primary = primary;
        this.standby = standby;
        this.primaryOnly = SessionFactory.bind(primary);
        this.split = SessionFactory.bind(EngineSet.primary(primary).replica("standby", standby).build());
        this.splitWithMaxLag = SessionFactory.bind(EngineSet.primary(primary).replica("standby", standby)
                .maxLag(Duration.ofSeconds(1)).build());
    }

    static ReplicaTarget open(int poolPerEngine) {
        Engine primary = engine(5433, poolPerEngine);
        Engine standby = engine(5434, poolPerEngine);
        String down = down(primary, 5433);
        if (down == null) {
            down = down(standby, 5434);
        }
        if (down != null) {
            primary.dispose();
            standby.dispose();
            throw new Variant.NotApplicable("PostgreSQL replica pair not up (" + down
                    + "); start it with ./dev cluster replica start");
        }
        try (Connection c = primary.connect()) {
            c.execute(text("DROP TABLE IF EXISTS so_read"));
            c.execute(text("CREATE TABLE so_read (id INTEGER PRIMARY KEY, points INTEGER NOT NULL)"));
            c.execute(text("INSERT INTO so_read SELECT g, " + POINTS + " FROM generate_series(1, " + ROWS + ") g"));
            c.commit();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (standbyRows(standby) != ROWS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the standby on 5434 did not replay so_read within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new ReplicaTarget(primary, standby);
    }

    private static Engine engine(int port, int pool) {
        return Jalchemy.createEngine("postgresql://postgres@127.0.0.1:" + port + "/test_cluster",
                o -> o.poolSize(pool).maxOverflow(0).connectTimeout(Duration.ofSeconds(2)));
    }

    private static String down(Engine e, int port) {
        try (Connection c = e.connect()) {
            c.execDriverSql("SELECT 1").close();
            return null;
        } catch (RuntimeException ex) {
            return "127.0.0.1:" + port + ": " + ex.getMessage().lines().findFirst().orElse("");
        }
    }

    private static long standbyRows(Engine standby) {
        try (Connection c = standby.connect()) {
            return ((Number) c.execute(text("SELECT count(*) FROM so_read")).scalarOne()).longValue();
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    @Override
    public void close() {
        primary.dispose();
        standby.dispose();
    }
}
