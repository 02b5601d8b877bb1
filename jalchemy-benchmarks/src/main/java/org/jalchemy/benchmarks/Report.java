package org.jalchemy.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The suite's two outputs: the console tables and {@code latest.json} ({@link Results}: median,
 * min and max of the timed runs, ratio to the baseline of the same workload and backend —
 * {@code jdbc}; {@code handwritten} for loaders; {@code platform_threads} for async_requests;
 * {@code one_node} for scale_out).
 * Concurrent workloads add {@code "extra"}: the {@link LoadStats} figures of the median run, also
 * printed as a second table (scale_out's retries and conflicts as a third); the {@link Targets}
 * are printed last.
 * Variants not measured (not yet available, failed, wrong) have null seconds and ratio, and are
 * listed, never left out.
 */
public final class Report {
    private final List<Measurement> measurements;

    public Report(List<Measurement> measurements) {
        this.measurements = sorted(measurements);
    }

    private static List<Measurement> sorted(List<Measurement> ms) {
        List<Measurement> out = new ArrayList<>(ms);
        out.sort(Comparator.comparing((Measurement m) -> Workload.byKey(m.workload()).ordinal())
                .thenComparing(m -> backendOrder(m.backend())));
        return out; // stable: variants keep the order they were run in
    }

    private static int backendOrder(String b) {
        return switch (b) {
            case "sqlite" -> 0;
            case "postgresql" -> 1;
            default -> 2;
        };
    }

    public List<Measurement> measurements() {
        return measurements;
    }

    /** Ratio of {@code m}'s median to its baseline's, or null when either is missing. */
    public Double ratio(Measurement m) {
        Double s = m.median();
        if (s == null) {
            return null;
        }
        String baseline = Workload.byKey(m.workload()).baseline();
        for (Measurement b : measurements) {
            if (b.workload().equals(m.workload()) && b.backend().equals(m.backend()) && b.variant().equals(baseline)) {
                Double bs = b.median();
                return bs == null || bs == 0 ? null : s / bs;
            }
        }
        return null;
    }

    /** The tables printed at the end of a run: every row, the load figures, the targets. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String fmt = "| %-20s | %-10s | %-22s | %10s | %10s | %10s | %8s | %s%n";
        sb.append(String.format(fmt, "workload", "backend", "variant", "median", "min", "max", "ratio", "note"));
        sb.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%s%n", "-".repeat(22), "-".repeat(12), "-".repeat(24),
                "-".repeat(11) + ":", "-".repeat(11) + ":", "-".repeat(11) + ":", "-".repeat(9) + ":", "---"));
        for (Measurement m : measurements) {
            Double r = ratio(m);
            String unit = Workload.byKey(m.workload()).unit();
            sb.append(String.format(fmt, m.workload(), m.backend(), m.variant(), value(m.median(), unit),
                    value(m.min(), unit), value(m.max(), unit),
                    r == null ? "-" : String.format("%.2fx", r),
                    Objects.requireNonNullElse(m.note(), "") + " |"));
        }
        List<Measurement> loads = measurements.stream()
                .filter(m -> m.extra() != null && m.extra().containsKey("requests_per_s")).toList();
        if (!loads.isEmpty()) {
            sb.append(System.lineSeparator()).append(loadTable(loads));
        }
        List<Measurement> retrying = loads.stream().filter(m -> m.extra().containsKey("retries")).toList();
        if (!retrying.isEmpty()) {
            sb.append(System.lineSeparator()).append(retryTable(retrying));
        }
        String targets = TableRenderer.targets(results("", "", null, null));
        if (!targets.isEmpty()) {
            sb.append(System.lineSeparator()).append("Targets (median over median, same run):")
                    .append(System.lineSeparator()).append(targets);
        }
        return sb.toString();
    }

    /**
     * Workloads whose transactions are retried (scale_out): per run, transactions retried, retries
     * in all, certification or serialization conflicts among them, and transactions given up.
     */
    static String retryTable(List<Measurement> ms) {
        StringBuilder sb = new StringBuilder();
        String fmt = "| %-16s | %-10s | %-20s | %9s | %11s | %9s | %9s | %9s |%n";
        sb.append(String.format(fmt, "workload", "backend", "variant", "tx/s", "retried tx", "retries", "conflicts",
                "gave up"));
        sb.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(18), "-".repeat(12), "-".repeat(22),
                "-".repeat(10) + ":", "-".repeat(12) + ":", "-".repeat(10) + ":", "-".repeat(10) + ":",
                "-".repeat(10) + ":"));
        for (Measurement m : ms) {
            var e = m.extra();
            sb.append(String.format(fmt, m.workload(), m.backend(), m.variant(), fmt0(e.get("requests_per_s")),
                    fmt0(e.get("retried_tx")), fmt0(e.get("retries")), fmt0(e.get("conflicts")), fmt0(e.get("gave_up"))));
        }
        return sb.toString();
    }

    /** A value in its unit: seconds to the millisecond, other units to one decimal. */
    static String value(Double v, String unit) {
        if (v == null) {
            return "-";
        }
        return unit.equals("s") ? String.format(java.util.Locale.ROOT, "%.3f", v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** The load figures of concurrent workloads (median run): throughput, latency, threads, memory. */
    static String loadTable(List<Measurement> loads) {
        StringBuilder sb = new StringBuilder();
        String fmt = "| %-16s | %-10s | %-20s | %9s | %9s | %9s | %8s | %9s | %9s |%n";
        sb.append(String.format(fmt, "workload", "backend", "variant", "req/s", "p50 ms", "p99 ms", "threads",
                "live heap", "RSS MB"));
        sb.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(18), "-".repeat(12), "-".repeat(22),
                "-".repeat(10) + ":", "-".repeat(10) + ":", "-".repeat(10) + ":", "-".repeat(9) + ":",
                "-".repeat(10) + ":", "-".repeat(10) + ":"));
        for (Measurement m : loads) {
            var e = m.extra();
            sb.append(String.format(fmt, m.workload(), m.backend(), m.variant(), fmt0(e.get("requests_per_s")),
                    fmt0(e.get("p50_ms")), fmt0(e.get("p99_ms")), fmt0(e.get("peak_threads")),
                    fmt0(e.get("live_heap_mb")), fmt0(e.get("peak_rss_mb"))));
        }
        return sb.toString();
    }

    private static String fmt0(Double d) {
        return d == null ? "-" : String.format("%.0f", d);
    }

    /** This report as a results file. */
    public Results results(String machine, String jdk, String date, String command) {
        List<Results.Row> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            rows.add(new Results.Row(m.workload(), m.backend(), m.variant(), m.median(), m.min(), m.max(), ratio(m),
                    Workload.byKey(m.workload()).unit(), m.note(), m.extra() == null ? Map.of() : m.extra()));
        }
        return new Results(machine, jdk, date, command, rows);
    }

    /** Writes the JSON ({@link Results}) to {@code path}. */
    public void writeJson(Path path, String machine, String jdk) throws IOException {
        writeJson(path, machine, jdk, null);
    }

    /** Writes the JSON ({@link Results}) to {@code path}, with the date and the run's options. */
    public void writeJson(Path path, String machine, String jdk, String command) throws IOException {
        results(machine, jdk, java.time.LocalDate.now().toString(), command).write(path);
    }
}
