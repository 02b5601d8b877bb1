package org.jalchemy.benchmarks.boot;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.ChildJvm;
import org.jalchemy.benchmarks.RunFigures;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The boot workload: the time from starting a JVM to the result of its first ORM query on a
 * 50-entity model ({@link BootModel}), each run a new process ({@link BootMain}) timed from the
 * parent, process creation included. {@code jdbc} is the floor (JVM, driver, connection, one
 * SELECT), {@code orm} jalchemy, {@code hibernate} Hibernate 7's SessionFactory bootstrap. Besides
 * the wall time, each run reports the time spent in {@code main}, the JVM's uptime at the result
 * and the classes loaded by then. The target (≤ 0.25× Hibernate) is {@code orm} over
 * {@code hibernate} in the same run.
 */
public final class BootVariants {
    /** A child that takes longer than this is killed and the run failed. */
    static final int TIMEOUT_SECONDS = 180;

    private BootVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.BOOT, "jdbc", (b, n) -> boot(b, "jdbc")),
                Variant.of(Workload.BOOT, "orm", (b, n) -> boot(b, "orm")),
                Variant.of(Workload.BOOT, "hibernate", (b, n) -> boot(b, "hibernate")));
    }

    static long boot(BenchBackend b, String variant) throws Exception {
        List<String> args = new ArrayList<>(List.of(variant, b.url(), b.jdbcUrl()));
        b.jdbcProperties().forEach((k, v) -> args.add(k + "=" + v));
        ChildJvm.Report r = ChildJvm.run(List.of(), BootMain.class, args, TIMEOUT_SECONDS);
        RunFigures.value(r.wallSeconds());
        RunFigures.put("main_ms", r.figures()[0]);
        RunFigures.put("jvm_uptime_ms", r.figures()[1]);
        RunFigures.put("classes", r.figures()[2]);
        return r.checksum();
    }
}
