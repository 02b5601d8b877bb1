package org.jalchemy.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one (workload, backend, variant): the timed runs in seconds, or why there are none.
 *
 * @param workload the workload key
 * @param backend  the backend name
 * @param variant  the variant name
 * @param times    seconds of each timed run (empty when not measured)
 * @param note     null when measured and correct; otherwise "not yet available: ...", "wrong checksum ..." or an error
 * @param extra    load figures of the median run (throughput, latency percentiles, threads, memory:
 *                 {@link LoadStats}), or null for workloads that only time their runs
 */
public record Measurement(String workload, String backend, String variant, List<Double> times, String note,
                          Map<String, Double> extra) {

    public Measurement(String workload, String backend, String variant, List<Double> times, String note) {
        this(workload, backend, variant, times, note, null);
    }

    /** This measurement with the load figures of its median run. */
    public Measurement withExtra(Map<String, Double> figures) {
        return new Measurement(workload, backend, variant, times, note, figures);
    }

    /** The median of the timed runs, or null when there are none or the runs were wrong. */
    public Double median() {
        double[] s = sorted();
        if (s == null) {
            return null;
        }
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The fastest timed run, or null as for {@link #median()}. */
    public Double min() {
        double[] s = sorted();
        return s == null ? null : s[0];
    }

    /** The slowest timed run, or null as for {@link #median()}. */
    public Double max() {
        double[] s = sorted();
        return s == null ? null : s[s.length - 1];
    }

    private double[] sorted() {
        if (times.isEmpty() || note != null) {
            return null;
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public static Measurement ok(String workload, String backend, String variant, double[] seconds) {
        return new Measurement(workload, backend, variant, Arrays.stream(seconds).boxed().toList(), null);
    }

    public static Measurement failed(String workload, String backend, String variant, String note) {
        return new Measurement(workload, backend, variant, List.of(), note);
    }
}
