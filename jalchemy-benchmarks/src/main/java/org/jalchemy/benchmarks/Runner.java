package org.jalchemy.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the variants of one backend: creates each workload's tables once, then per variant
 * untimed warm-up runs until the JIT is quiet ({@link WarmUp}) and {@code runs} timed runs, each on
 * freshly reset tables, checking every checksum. A variant that throws or returns a wrong checksum is recorded with a note and the
 * suite goes on.
 */
public final class Runner {
    private final BenchOptions options;

    public Runner(BenchOptions options) {
        this.options = options;
    }

    /** Measures every selected variant on {@code b}; {@code afterWorkloads} runs when its tables are ready. */
    public List<Measurement> run(BenchBackend b, List<Variant> variants, AfterFixtures afterWorkloads) throws Exception {
        List<Measurement> out = new ArrayList<>();
        for (Workload w : options.workloads()) {
            if (!w.runsOn(b.name())) {
                continue;
            }
            int n = options.fixtureSize(w);
            long t0 = System.nanoTime();
            w.create(b, n);
            log("%s/%s: tables ready in %.1fs (n=%d)", w.key(), b.name(), (System.nanoTime() - t0) / 1e9, n);
            for (Variant v : variants) {
                if (v.workload() == w && options.selects(v.name()) && v.runsOn(b.name())) {
                    out.add(measure(b, v, n));
                }
            }
        }
        out.addAll(afterWorkloads.run(b));
        return out;
    }

    /** Work to do once all of a backend's fixtures exist (the SQLAlchemy script). */
    @FunctionalInterface
    public interface AfterFixtures {
        List<Measurement> run(BenchBackend b) throws Exception;
    }

    Measurement measure(BenchBackend b, Variant v, int n) {
        Workload w = v.workload();
        String label = w.key() + "/" + b.name() + "/" + v.name();
        try {
            int warm = w.warmupSize(n);
            int warmups = WarmUp.untilJitQuiet(() -> runOnce(b, v, warm, warm), () -> runOnce(b, v, n, n),
                    w.warmupBudget(options.quick()));
            double[] secs = new double[options.runs()];
            List<java.util.Map<String, Double>> extras = new ArrayList<>();
            for (int i = 0; i < secs.length; i++) {
                secs[i] = runOnce(b, v, n, n);
                extras.add(LoadStats.take());
            }
            java.util.Map<String, Double> extra = extras.get(medianIndex(secs));
            if (extra != null && !options.quick()) { // concurrent workload: one more, untimed run measures its live heap
                double live = LoadStats.probe(() -> runOnce(b, v, n, n));
                if (live >= 0) {
                    extra = new java.util.LinkedHashMap<>(extra);
                    extra.put("live_heap_mb", live);
                }
            }
            Measurement m = Measurement.ok(w.key(), b.name(), v.name(), secs).withExtra(extra);
            log("%-40s %s (after %d warm-up%s)", label, format(secs), warmups, warmups == 1 ? "" : "s");
            return m;
        } catch (Variant.NotApplicable e) {
            log("%-40s not run: %s", label, e.getMessage());
            return Measurement.failed(w.key(), b.name(), v.name(), "not run: " + e.getMessage());
        } catch (WrongChecksum e) {
            log("%-40s WRONG: %s", label, e.getMessage());
            return Measurement.failed(w.key(), b.name(), v.name(), "wrong checksum: " + e.getMessage());
        } catch (Exception | Error e) {
            log("%-40s FAILED: %s", label, e);
            if (options.verbose()) {
                e.printStackTrace();
            }
            return Measurement.failed(w.key(), b.name(), v.name(), "failed: " + e);
        }
    }

    /** The index of the median run (the lower middle one for an even count). */
    static int medianIndex(double[] secs) {
        Integer[] idx = new Integer[secs.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, c) -> Double.compare(secs[a], secs[c]));
        return idx[(idx.length - 1) / 2];
    }

    private double runOnce(BenchBackend b, Variant v, int n, int checkN) throws Exception {
        Workload w = v.workload();
        w.reset(b);
        System.gc();
        LoadStats.take(); // figures of an earlier (warm-up) run are not this run's
        long t0 = System.nanoTime();
        long sum = v.body().run(b, n);
        long t1 = System.nanoTime();
        if (w.writes()) {
            sum = w.tableChecksum(b);
        }
        // read workloads always read the whole fixture, whatever the warm-up size
        int sizeRead = w.writes() || w.checksumOfRunSize() ? checkN : options.fixtureSize(w);
        long expected = w.expected(sizeRead);
        if (sum != expected) {
            throw new WrongChecksum("got " + sum + ", expected " + expected + " (n=" + n + ")");
        }
        return (t1 - t0) / 1e9;
    }

    private static String format(double[] secs) {
        StringBuilder sb = new StringBuilder();
        for (double s : secs) {
            sb.append(String.format("%.3fs ", s));
        }
        return sb.toString().trim();
    }

    static void log(String fmt, Object... args) {
        System.err.println("[bench] " + String.format(fmt, args));
    }

    static final class WrongChecksum extends Exception {
        WrongChecksum(String msg) {
            super(msg);
        }
    }
}
