package org.jalchemy.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one (workload, backend, variant): the timed runs in seconds, or why there are none.
 *
 * @param workload the workload key
 * @param backend  the backend name
 * @param variant  the variant name
 * @param times    seconds of each timed run (empty when not measured)
 * @param note     null when measured and correct; otherwise "not yet available: ...", "wrong checksum ..." or an error
 */
public record Measurement(String workload, String backend, String variant, List<Double> times, String note) {

    /** The median of the timed runs, or null when there are none or the runs were wrong. */
    public Double median() {
        if (times.isEmpty() || note != null) {
            return null;
        }
        double[] s = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    public static Measurement ok(String workload, String backend, String variant, double[] seconds) {
        return new Measurement(workload, backend, variant, Arrays.stream(seconds).boxed().toList(), null);
    }

    public static Measurement failed(String workload, String backend, String variant, String note) {
        return new Measurement(workload, backend, variant, List.of(), note);
    }
}
