package org.jalchemy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A results file ({@code bench/results/latest.json}) as data: where and how it was measured, and one
 * {@link Row} per (workload, backend, variant). Written by {@link Report}, read back by
 * {@code --compare} ({@link Compare}) and {@code --render-tables} ({@link TableRenderer}). Reading
 * accepts files written before min/max and units existed (those fields read as null / seconds).
 *
 * <pre>
 * {"machine": "...", "jdk": "...", "date": "2026-12-01", "command": "--runs=3 ...",
 *  "results": [{"workload": "large_resultsets", "backend": "postgresql", "variant": "core",
 *               "seconds": 0.161, "min": 0.158, "max": 0.170, "ratio_to_jdbc": 1.08}, ...]}
 * </pre>
 * {@code seconds}/{@code min}/{@code max} are the median, fastest and slowest timed run, in the
 * workload's unit when the row has a {@code unit} other than seconds (memory: bytes per object);
 * {@code ratio_to_jdbc} divides the median by the workload's baseline's; {@code note} says why a
 * row has no figures; {@code extra} holds named figures of the median run.
 *
 * @param machine OS, CPU, memory and database versions
 * @param jdk     the JVM that ran the suite
 * @param date    ISO date of the run, or null
 * @param command the options of the run, or null
 * @param rows    the rows, in report order
 */
public record Results(String machine, String jdk, String date, String command, List<Row> rows) {

    /**
     * One row of results.
     *
     * @param workload workload key
     * @param backend  backend name
     * @param variant  variant name
     * @param median   median of the timed runs (null when not measured)
     * @param min      fastest run, or null
     * @param max      slowest run, or null
     * @param ratio    median over the workload baseline's median, or null
     * @param unit     unit of median/min/max ({@code s} unless the workload measures something else)
     * @param note     why there are no figures, or null
     * @param extra    named figures of the median run, or an empty map
     */
    public record Row(String workload, String backend, String variant, Double median, Double min, Double max,
                      Double ratio, String unit, String note, Map<String, Double> extra) {

        /** "workload/backend/variant". */
        public String key() {
            return workload + "/" + backend + "/" + variant;
        }
    }

    /** The row of (workload, backend, variant), if any. */
    public Optional<Row> row(String workload, String backend, String variant) {
        return rows.stream().filter(r -> r.workload.equals(workload) && r.backend.equals(backend)
                && r.variant.equals(variant)).findFirst();
    }

    /** Median of {@code variant} over median of {@code reference}, same workload and backend; null when either is missing. */
    public Double ratio(String workload, String backend, String variant, String reference) {
        Double a = row(workload, backend, variant).map(Row::median).orElse(null);
        Double b = row(workload, backend, reference).map(Row::median).orElse(null);
        return a == null || b == null || b == 0 ? null : a / b;
    }

    public static Results read(Path path) throws IOException {
        JsonNode root = new ObjectMapper().readTree(path.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : root.path("results")) {
            Map<String, Double> extra = new LinkedHashMap<>();
            r.path("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asDouble()));
            rows.add(new Row(r.path("workload").asText(), r.path("backend").asText(), r.path("variant").asText(),
                    number(r, "seconds"), number(r, "min"), number(r, "max"), number(r, "ratio_to_jdbc"),
                    r.has("unit") ? r.get("unit").asText() : "s", r.has("note") ? r.get("note").asText() : null, extra));
        }
        return new Results(root.path("machine").asText(""), root.path("jdk").asText(""), text(root, "date"),
                text(root, "command"), rows);
    }

    private static Double number(JsonNode r, String key) {
        JsonNode v = r.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static String text(JsonNode r, String key) {
        JsonNode v = r.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Writes this file (atomically: a temporary file moved over {@code path}). */
    public void write(Path path) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("machine", machine);
        root.put("jdk", jdk);
        if (date != null) {
            root.put("date", date);
        }
        if (command != null) {
            root.put("command", command);
        }
        ArrayNode results = root.putArray("results");
        for (Row m : rows) {
            ObjectNode r = results.addObject();
            r.put("workload", m.workload);
            r.put("backend", m.backend);
            r.put("variant", m.variant);
            put(r, "seconds", m.median, 10000);
            if (m.median != null) {
                put(r, "min", m.min, 10000);
                put(r, "max", m.max, 10000);
            }
            put(r, "ratio_to_jdbc", m.ratio, 1000);
            if (!"s".equals(m.unit)) {
                r.put("unit", m.unit);
            }
            if (m.note != null) {
                r.put("note", m.note);
            }
            if (!m.extra.isEmpty()) {
                ObjectNode extra = r.putObject("extra");
                m.extra.forEach((k, v) -> extra.put(k, Math.round(v * 10) / 10.0));
            }
        }
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        om.writeValue(tmp.toFile(), root);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void put(ObjectNode r, String key, Double v, int scale) {
        if (v == null) {
            r.putNull(key);
        } else {
            r.put(key, Math.round(v * scale) / (double) scale);
        }
    }
}
