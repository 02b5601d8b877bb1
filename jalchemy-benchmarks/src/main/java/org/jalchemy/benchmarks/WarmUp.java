package org.jalchemy.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The untimed runs of one variant before its timed ones, kept until the variant has settled: a
 * run during which the JIT compiler threads worked at most {@value #QUIET_PERCENT}% of the run's
 * wall time <em>and</em> whose time is within {@value #STABLE_PERCENT}% ({@value #QUICK_STABLE_PERCENT}%
 * in quick mode, whose runs last milliseconds) or {@value #STABLE_SLACK_MS} ms of the run before it. The
 * first warm-up run is of the workload's warm-up size and never settles a variant; a variant that
 * has made {@value #MAX_RUNS} warm-up runs ({@value #QUICK_MAX_RUNS} in quick mode), or would overrun its time budget with one more, is
 * settled as it is. The {@link Runner} drives one tracker per variant, round-robin, so variants warm
 * up side by side as they are later timed.
 *
 * <p>Why full-size runs: a short run can fall between two bursts of compilation (short_selects'
 * JDBC loop looked quiet after four runs of 1,000 lookups and still compiled for the next
 * 20,000). Why wait for quiet at all: on a small virtual machine a compiler thread busy on the
 * other vCPU keeps it awake, and a database round trip then costs a third of what it costs once
 * the compiler is done and the vCPU halts between requests (about 20 µs against 65 µs per
 * PostgreSQL lookup by primary key on the 2-vCPU bench machine; pgbench gets 70 µs). Timing a
 * variant while its own code still compiles rewards libraries with more code to compile: after one
 * warm-up, short_selects' JDBC loop was compiled within two timed runs, Hibernate's needed six,
 * and a median of five made Hibernate look 2.6 times faster than plain JDBC. Why also wait for two
 * similar times: the compilation counter misses work that is not compilation (class loading and
 * initialisation, a pool filling up, the database's own caches).
 *
 * <p>Hazard: when the JVM cannot report compilation time, the JIT condition is taken as met and
 * only the stability bound and the caps apply. Not thread-safe (the harness is single-threaded).
 */
final class WarmUp {
    static final int MAX_RUNS = 20;
    /** The cap on warm-up runs in quick mode, whose runs are too short for the JIT to look quiet. */
    static final int QUICK_MAX_RUNS = 10;
    static final int QUIET_PERCENT = 2;
    static final int STABLE_PERCENT = 15;
    static final int QUICK_STABLE_PERCENT = 30;
    static final int STABLE_SLACK_MS = 2;
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final boolean JIT_TIMED = JIT != null && JIT.isCompilationTimeMonitoringSupported();

    private final long budgetNanos;
    private final int stablePercent;
    private final int maxRuns;
    private long spentNanos;
    private long lastNanos = -1;
    private int runs;
    private boolean settled;
    private long jitAtStart;

    /** A tracker for one variant that may spend {@code budgetSeconds} warming up; runs stable within {@code stablePercent}. */
    WarmUp(double budgetSeconds, int stablePercent) {
        this(budgetSeconds, stablePercent, MAX_RUNS);
    }

    /** As {@link #WarmUp(double, int)}, settled after at most {@code maxRuns} warm-up runs. */
    WarmUp(double budgetSeconds, int stablePercent, int maxRuns) {
        this.budgetNanos = (long) (budgetSeconds * 1e9);
        this.stablePercent = stablePercent;
        this.maxRuns = maxRuns;
    }

    /** A tracker that asks for no warm-up run at all (child-process workloads in quick mode). */
    static WarmUp none() {
        WarmUp w = new WarmUp(0, STABLE_PERCENT);
        w.settled = true;
        return w;
    }

    /** True once the variant needs no more warm-up runs. */
    boolean settled() {
        return settled;
    }

    /** Warm-up runs made so far. */
    int runs() {
        return runs;
    }

    /** Call just before a warm-up run. */
    void starting() {
        jitAtStart = JIT_TIMED ? JIT.getTotalCompilationTime() : 0;
    }

    /**
     * Records a warm-up run of {@code nanos} (started after {@link #starting()}); {@code full} is
     * false for the first, smaller run. Returns {@link #settled()}.
     */
    boolean finished(long nanos, boolean full) {
        long jitMs = JIT_TIMED ? JIT.getTotalCompilationTime() - jitAtStart : 0;
        runs++;
        spentNanos += nanos;
        boolean quiet = jitMs * 100 <= Math.max(1, nanos / 1_000_000) * QUIET_PERCENT;
        long diff = Math.abs(nanos - lastNanos);
        boolean stable = full && lastNanos > 0
                && (diff * 100 <= Math.min(nanos, lastNanos) * stablePercent || diff <= STABLE_SLACK_MS * 1_000_000L);
        if (full) {
            lastNanos = nanos;
        }
        // the next run would end beyond the budget (a run longer than the budget is warmed up once)
        boolean overBudget = spentNanos + Math.max(nanos, lastNanos) > budgetNanos;
        settled = (quiet && stable) || runs >= maxRuns || overBudget;
        return settled;
    }

    /** A warm-up run; throws what the run throws (a wrong checksum included). */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    /**
     * Warms one variant up on its own: {@code first}, then {@code full} until settled; returns the
     * number of runs made. (The harness interleaves variants instead; this is for single runs.)
     */
    static int alone(Run first, Run full, double budgetSeconds) throws Exception {
        WarmUp w = new WarmUp(budgetSeconds, STABLE_PERCENT);
        boolean isFirst = true;
        while (!w.settled()) {
            w.starting();
            long t0 = System.nanoTime();
            (isFirst ? first : full).run();
            w.finished(System.nanoTime() - t0, !isFirst);
            isFirst = false;
        }
        return w.runs();
    }
}
