package org.jalchemy.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The untimed runs before a variant's timed ones: one (of the workload's warm-up size), then
 * full-size runs until the JIT compiler has gone quiet (a run during which the compiler threads
 * worked at most {@value #QUIET_PERCENT}% of the run's wall time), within {@value #MAX_RUNS} runs
 * and a time budget. Full-size, because a short run can fall between two bursts of compilation:
 * short_selects' JDBC loop looked quiet after four runs of 1,000 lookups and still compiled for
 * the next 20,000.
 *
 * <p>Why not a single warm-up: on a small virtual machine a compiler thread busy on the other
 * vCPU keeps it awake, and a database round trip then costs a third of what it costs once the
 * compiler is done and the vCPU halts between requests (measured on the 2-vCPU bench machine:
 * about 20 µs against 65 µs per PostgreSQL lookup by primary key; pgbench gets 70 µs). Timing a
 * variant while its own code still compiles therefore rewards libraries with more code to compile:
 * after one warm-up, short_selects' JDBC loop was fully compiled within two timed runs, Hibernate's
 * needed six, and a median of five made Hibernate look 2.6 times faster than plain JDBC. Timed
 * runs start in the steady state instead, the same for every variant.
 *
 * <p>Hazard: when the JVM cannot report compilation time, this degrades to a single warm-up run.
 */
final class WarmUp {
    static final int MAX_RUNS = 20;
    static final int QUIET_PERCENT = 2;
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private WarmUp() {
    }

    /** A warm-up run; throws what the run throws (a wrong checksum included). */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    /**
     * Runs {@code first}, then {@code full} until the JIT is quiet, unless the next run would end
     * after {@code budgetSeconds} (so a variant whose single run exceeds the budget is warmed up
     * once); returns the number of runs made.
     */
    static int untilJitQuiet(Run first, Run full, double budgetSeconds) throws Exception {
        long budget = (long) (budgetSeconds * 1e9);
        long start = System.nanoTime();
        first.run();
        if (JIT == null || !JIT.isCompilationTimeMonitoringSupported()) {
            return 1;
        }
        long last = System.nanoTime() - start;
        for (int runs = 1; runs < MAX_RUNS; runs++) {
            if (System.nanoTime() - start + last > budget) { // the next run would overrun the budget
                return runs;
            }
            long c0 = JIT.getTotalCompilationTime();
            long t0 = System.nanoTime();
            full.run();
            last = System.nanoTime() - t0;
            long jitMs = JIT.getTotalCompilationTime() - c0;
            if (jitMs * 100 <= Math.max(1, last / 1_000_000) * QUIET_PERCENT) {
                return runs + 1;
            }
        }
        return MAX_RUNS;
    }
}
