package org.jalchemy.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the variants of one backend, workload by workload, interleaved: the tables are created
 * once, then every selected variant of the workload warms up round-robin (A B C A B C …, each
 * variant until {@link WarmUp} settles it), then the timed runs go round-robin too, {@code runs}
 * rounds of one run per variant, so that a change in the machine's state during the measurement
 * (a neighbour's build, the JIT finishing, a GC) is shared by every variant instead of landing on
 * whichever block ran then. Each run starts on freshly reset tables after a {@code System.gc()},
 * and its checksum is checked.
 *
 * <p>A variant that throws or returns a wrong checksum leaves the rotation and is recorded with a
 * note; the others go on. Workloads whose runs are separate processes ({@link Workload#forked()})
 * get one warm-up run each (it warms the database and the file cache, not a JIT), none in quick mode.
 */
public final class Runner {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private final BenchOptions options;
    /** Wall time of the last body run (what warm-up goes by, whatever the workload's unit). */
    private long lastBodyNanos;

    public Runner(BenchOptions options) {
        this.options = options;
    }

    /** Measures every selected variant on {@code b}; {@code afterWorkloads} runs when its tables are ready. */
    public List<Measurement> run(BenchBackend b, List<Variant> variants, AfterFixtures afterWorkloads) throws Exception {
        List<Measurement> out = new ArrayList<>();
        for (Workload w : options.workloads()) {
            if (!w.runsOn(b.name(), options.quick())) {
                continue;
            }
            List<Variant> selected = variants.stream()
                    .filter(v -> v.workload() == w && options.selects(v.name()) && v.runsOn(b.name())).toList();
            if (selected.isEmpty()) {
                continue;
            }
            int n = options.fixtureSize(w);
            long t0 = System.nanoTime();
            w.create(b, n);
            log("%s/%s: tables ready in %.1fs (n=%d)", w.key(), b.name(), (System.nanoTime() - t0) / 1e9, n);
            out.addAll(measure(b, selected, n));
            log("%s/%s: measured in %.1fs", w.key(), b.name(), (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        List<Measurement> after = afterWorkloads.run(b);
        if (!after.isEmpty()) {
            log("%s: SQLAlchemy and Alembic variants measured in %.1fs", b.name(), (System.nanoTime() - t0) / 1e9);
        }
        out.addAll(after);
        return out;
    }

    /** Work to do once all of a backend's fixtures exist (the SQLAlchemy script). */
    @FunctionalInterface
    public interface AfterFixtures {
        List<Measurement> run(BenchBackend b) throws Exception;
    }

    /** One variant's progress through a measurement. */
    private final class Trial {
        final Variant variant;
        final String label;
        final WarmUp warmUp;
        final double[] values = new double[options.runs()];
        final List<Map<String, Double>> figures = new ArrayList<>();
        Measurement failure;

        Trial(Variant v, BenchBackend b) {
            variant = v;
            label = v.workload().key() + "/" + b.name() + "/" + v.name();
            if (v.workload().forked() && options.quick()) {
                warmUp = WarmUp.none();
            } else {
                warmUp = new WarmUp(v.workload().forked() ? 0 : v.workload().warmupBudget(options.quick()),
                        options.quick() ? WarmUp.QUICK_STABLE_PERCENT : WarmUp.STABLE_PERCENT,
                        options.quick() ? WarmUp.QUICK_MAX_RUNS : WarmUp.MAX_RUNS);
            }
        }

        boolean alive() {
            return failure == null;
        }
    }

    /** Measures one variant alone (warm-up, timed runs); the same as a workload of one variant. */
    Measurement measure(BenchBackend b, Variant v, int n) {
        return measure(b, List.of(v), n).get(0);
    }

    /** Warms up, then times, the variants of one workload side by side (see the class comment). */
    List<Measurement> measure(BenchBackend b, List<Variant> variants, int n) {
        Workload w = variants.get(0).workload();
        List<Trial> trials = variants.stream().map(v -> new Trial(v, b)).toList();
        int warm = w.warmupSize(n);
        while (trials.stream().anyMatch(t -> t.alive() && !t.warmUp.settled())) {
            for (Trial t : trials) {
                if (t.alive() && !t.warmUp.settled()) {
                    boolean full = t.warmUp.runs() > 0; // the first warm-up run is of the warm-up size
                    int size = full ? n : warm;
                    t.warmUp.starting();
                    attempt(b, t, () -> {
                        runOnce(b, t.variant, size, size);
                        RunFigures.takeFigures();
                        return lastBodyNanos;
                    }, nanos -> t.warmUp.finished(nanos, full));
                }
            }
        }
        for (int round = 0; round < options.runs(); round++) {
            int r = round;
            for (Trial t : trials) {
                if (t.alive()) {
                    attempt(b, t, () -> {
                        t.values[r] = runOnce(b, t.variant, n, n);
                        Map<String, Double> f = LoadStats.take();
                        Map<String, Double> own = RunFigures.takeFigures();
                        if (own != null) {
                            f = f == null ? new LinkedHashMap<>() : new LinkedHashMap<>(f);
                            f.putAll(own);
                        }
                        t.figures.add(f);
                        return 0L;
                    }, x -> true);
                }
            }
        }
        List<Measurement> out = new ArrayList<>();
        for (Trial t : trials) {
            out.add(t.alive() ? finish(b, t, n) : t.failure);
        }
        return out;
    }

    @FunctionalInterface
    private interface Step {
        long run() throws Exception;
    }

    @FunctionalInterface
    private interface After {
        boolean accept(long nanos);
    }

    /** Runs one step of a trial, turning a failure into the trial's note. */
    private void attempt(BenchBackend b, Trial t, Step step, After after) {
        String w = t.variant.workload().key();
        try {
            after.accept(step.run());
        } catch (Variant.NotApplicable e) {
            log("%-40s not run: %s", t.label, e.getMessage());
            t.failure = Measurement.failed(w, b.name(), t.variant.name(), "not run: " + e.getMessage());
        } catch (WrongChecksum e) {
            log("%-40s WRONG: %s", t.label, e.getMessage());
            t.failure = Measurement.failed(w, b.name(), t.variant.name(), "wrong checksum: " + e.getMessage());
        } catch (Exception | Error e) {
            log("%-40s FAILED: %s", t.label, e);
            if (options.verbose()) {
                e.printStackTrace();
            }
            t.failure = Measurement.failed(w, b.name(), t.variant.name(), "failed: " + e);
        }
    }

    private Measurement finish(BenchBackend b, Trial t, int n) {
        Workload w = t.variant.workload();
        Map<String, Double> extra = t.figures.get(medianIndex(t.values));
        if (extra != null && extra.containsKey("requests_per_s") && !options.quick()) {
            // concurrent workload: one more, untimed run measures its live heap
            try {
                double live = LoadStats.probe(() -> runOnce(b, t.variant, n, n));
                if (live >= 0) {
                    extra = new LinkedHashMap<>(extra);
                    extra.put("live_heap_mb", live);
                }
            } catch (Exception e) {
                log("%-40s live-heap probe failed: %s", t.label, e);
            }
        }
        int warmups = t.warmUp.runs();
        log("%-40s %s (after %d warm-up%s)", t.label, format(t.values, w), warmups, warmups == 1 ? "" : "s");
        return Measurement.ok(w.key(), b.name(), t.variant.name(), t.values).withExtra(extra);
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

    /** One run: reset, GC, the body timed, its checksum checked; returns its value in the workload's unit. */
    private double runOnce(BenchBackend b, Variant v, int n, int checkN) throws Exception {
        Workload w = v.workload();
        w.reset(b);
        System.gc();
        LoadStats.take(); // figures of an earlier (warm-up) run are not this run's
        RunFigures.clear();
        long t0 = System.nanoTime();
        long c0 = options.cpu() ? CPU.getCurrentThreadCpuTime() : 0;
        long sum = v.body().run(b, n);
        long c1 = options.cpu() ? CPU.getCurrentThreadCpuTime() : 0;
        long t1 = System.nanoTime();
        lastBodyNanos = t1 - t0;
        if (w.writes()) {
            sum = w.tableChecksum(b);
        }
        // read workloads always read the whole fixture, whatever the warm-up size
        int sizeRead = w.writes() || w.perCall() ? checkN : options.fixtureSize(w);
        long expected = w.expected(sizeRead);
        if (sum != expected) {
            throw new WrongChecksum("got " + sum + ", expected " + expected + " (n=" + n + ")");
        }
        double own = RunFigures.takeValue();
        if (!Double.isNaN(own)) {
            return own;
        }
        return (options.cpu() ? c1 - c0 : t1 - t0) / 1e9;
    }

    private static String format(double[] values, Workload w) {
        StringBuilder sb = new StringBuilder();
        for (double s : values) {
            sb.append(w.unit().equals("s") ? String.format("%.3fs ", s) : String.format("%.1f %s ", s, w.unit()));
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
