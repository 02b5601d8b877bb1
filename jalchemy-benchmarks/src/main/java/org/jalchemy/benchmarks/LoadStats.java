package org.jalchemy.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Load figures of one run of a concurrent workload (async_requests): throughput, latency
 * percentiles, peak threads and memory. A variant makes a {@link Recorder} just before it submits
 * its requests, calls {@link Recorder#submitted()} once they are all submitted,
 * {@link Recorder#done(int)} as each completes and {@link Recorder#finish()} at the end; the
 * harness takes the figures after the run ({@link #take()}), keeps those of the median run, and
 * adds the live heap measured by one more, untimed, probe run ({@link #probe}).
 *
 * <p>What is measured:
 * <ul>
 *   <li>latency: from the moment all requests were submitted (one instant, {@code t0}) to each
 *       request's completion, so it includes waiting for a pooled connection — what a client of a
 *       saturated service sees;</li>
 *   <li>{@code peak_threads}: live platform threads of the JVM at their peak during the run
 *       ({@code ThreadMXBean} peak after a reset; virtual threads are not threads of the OS and
 *       are not counted), the JVM's own threads (GC, JIT, pool housekeeping) included;</li>
 *   <li>{@code live_heap_mb}: the heap still in use after a full GC taken in the probe run right
 *       after every request was submitted, when the most requests are in flight (their sessions,
 *       queued tasks and, for virtual threads, their stacks, which live in the heap); a sampled
 *       "heap used" would mostly count the allocation buffers of 200 platform threads;</li>
 *   <li>{@code peak_rss_mb}: the process's peak resident memory during the run (Linux
 *       {@code VmHWM}, reset through {@code /proc/self/clear_refs} at the start; absent
 *       elsewhere): heap, platform thread stacks and everything else the JVM maps.</li>
 * </ul>
 * Not thread-safe except {@link Recorder#done(int)}, which the requests' threads call.
 */
public final class LoadStats {
    private static volatile Map<String, Double> last;
    private static volatile boolean probing;
    private static volatile double liveHeapMb = -1;

    private LoadStats() {
    }

    /** The figures of the run that just ended, once; null when the variant published none. */
    static Map<String, Double> take() {
        Map<String, Double> m = last;
        last = null;
        return m;
    }

    /** A body run whose outcome the harness checks. */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    /**
     * Runs {@code run} as a probe: a full GC once all its requests are submitted measures the live
     * heap, which is returned in MB (-1 when the variant does not call {@link Recorder#submitted()}).
     */
    static double probe(Run run) throws Exception {
        probing = true;
        liveHeapMb = -1;
        try {
            run.run();
        } finally {
            probing = false;
            last = null;
        }
        return liveHeapMb;
    }

    /** Starts recording a run of {@code n} requests: call it just before submitting them (their clock starts now). */
    public static Recorder start(int n) {
        return new Recorder(n);
    }

    /** One run's recorder. */
    public static final class Recorder {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
        private final long[] latencies;
        private final long t0;
        private final Map<String, Double> figures = new LinkedHashMap<>();

        private Recorder(int n) {
            latencies = new long[n];
            resetPeakRss();
            THREADS.resetPeakThreadCount();
            t0 = System.nanoTime();
        }

        /** Every request has been submitted (the most are in flight now): the probe run measures the live heap here. */
        public void submitted() {
            if (probing) {
                System.gc();
                liveHeapMb = MEMORY.getHeapMemoryUsage().getUsed() / 1048576.0;
            }
        }

        /** Request {@code i} completed now (any thread). */
        public void done(int i) {
            latencies[i] = System.nanoTime() - t0;
        }

        /**
         * Adds a figure of the workload's own to the run's (e.g. scale_out's {@code retries} and
         * {@code conflicts}); call before {@link #finish()}.
         */
        public void put(String name, double value) {
            figures.put(name, value);
        }

        /** Ends the run and publishes its figures for the harness. */
        public void finish() {
            long elapsed = System.nanoTime() - t0;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("requests_per_s", latencies.length / (elapsed / 1e9));
            m.put("p50_ms", percentile(sorted, 50) / 1e6);
            m.put("p99_ms", percentile(sorted, 99) / 1e6);
            m.put("peak_threads", (double) THREADS.getPeakThreadCount());
            double rss = peakRssMb();
            if (rss > 0) {
                m.put("peak_rss_mb", rss);
            }
            m.putAll(figures);
            last = m;
        }

        private static long percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: peak_rss_mb is then the process's peak so far, or absent
        }
    }

    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
