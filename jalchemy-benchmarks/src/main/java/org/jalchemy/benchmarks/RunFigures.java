package org.jalchemy.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a variant's body reports about the run it just made, beyond its checksum: its own value of
 * the workload's measure when the harness's clock around the body is not that measure (a child
 * JVM's time to its first query, bytes retained per object: {@link #value(double)}), and named
 * figures shown beside it ({@link #put}). The harness clears both before every run and takes them
 * after it ({@link Runner}); figures of the median run are kept.
 *
 * <p>Not thread-safe: call from the body's own thread (the harness runs one body at a time).
 */
public final class RunFigures {
    private static double value = Double.NaN;
    private static Map<String, Double> figures;

    private RunFigures() {
    }

    /** This run's value in the workload's unit ({@link Workload#unit()}), replacing the harness's timing. */
    public static void value(double v) {
        value = v;
    }

    /** A named figure of this run (e.g. {@code live_heap_mb}). */
    public static void put(String key, double v) {
        if (figures == null) {
            figures = new LinkedHashMap<>();
        }
        figures.put(key, v);
    }

    static void clear() {
        value = Double.NaN;
        figures = null;
    }

    /** The value reported by the run, or NaN when the harness's timing stands. */
    static double takeValue() {
        double v = value;
        value = Double.NaN;
        return v;
    }

    /** The figures reported by the run, or null. */
    static Map<String, Double> takeFigures() {
        Map<String, Double> f = figures;
        figures = null;
        return f;
    }
}
