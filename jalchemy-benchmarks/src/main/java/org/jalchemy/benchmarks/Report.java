package org.jalchemy.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The suite's two outputs: the console table and {@code latest.json}
 * ({@code {"machine", "jdk", "results": [{"workload", "backend", "variant", "seconds", "ratio_to_jdbc"}]}}).
 * {@code seconds} is the median of the timed runs; {@code ratio_to_jdbc} divides it by the
 * baseline of the same workload and backend ({@code jdbc}; {@code handwritten} for loaders;
 * {@code platform_threads} for async_requests; {@code one_node} for scale_out). Concurrent
 * workloads add {@code "extra"}: the {@link LoadStats} figures of the median run, also printed as
 * a second table (and scale_out's retries and conflicts as a third).
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

    /** The table printed at the end of a run (also pasted into docs/performance.md). */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String fmt = "| %-16s | %-10s | %-20s | %10s | %8s | %s%n";
        sb.append(String.format(fmt, "workload", "backend", "variant", "seconds", "ratio", "note"));
        sb.append(String.format("|%s|%s|%s|%s|%s|%s%n", "-".repeat(18), "-".repeat(12), "-".repeat(22),
                "-".repeat(11) + ":", "-".repeat(9) + ":", "---"));
        for (Measurement m : measurements) {
            Double s = m.median();
            Double r = ratio(m);
            sb.append(String.format(fmt, m.workload(), m.backend(), m.variant(),
                    s == null ? "-" : String.format("%.3f", s),
                    r == null ? "-" : String.format("%.2fx", r),
                    Objects.requireNonNullElse(m.note(), "") + " |"));
        }
        List<Measurement> loads = measurements.stream().filter(m -> m.extra() != null).toList();
        if (!loads.isEmpty()) {
            sb.append(System.lineSeparator()).append(loadTable(loads));
        }
        List<Measurement> retrying = loads.stream().filter(m -> m.extra().containsKey("retries")).toList();
        if (!retrying.isEmpty()) {
            sb.append(System.lineSeparator()).append(retryTable(retrying));
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

    /** Writes the JSON of the schema to {@code path}. */
    public void writeJson(Path path, String machine, String jdk) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("machine", machine);
        root.put("jdk", jdk);
        ArrayNode results = root.putArray("results");
        for (Measurement m : measurements) {
            ObjectNode r = results.addObject();
            r.put("workload", m.workload());
            r.put("backend", m.backend());
            r.put("variant", m.variant());
            Double s = m.median();
            Double ratio = ratio(m);
            if (s == null) {
                r.putNull("seconds");
            } else {
                r.put("seconds", Math.round(s * 10000) / 10000.0);
            }
            if (ratio == null) {
                r.putNull("ratio_to_jdbc");
            } else {
                r.put("ratio_to_jdbc", Math.round(ratio * 1000) / 1000.0);
            }
            if (m.extra() != null) {
                ObjectNode extra = r.putObject("extra");
                m.extra().forEach((k, v) -> extra.put(k, Math.round(v * 10) / 10.0));
            }
        }
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        om.writeValue(tmp.toFile(), root);
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
