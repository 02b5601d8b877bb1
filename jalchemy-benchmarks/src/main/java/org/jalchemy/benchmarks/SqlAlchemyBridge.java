package org.jalchemy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sqlalchemy_bench.py} (a resource of this module) with {@code /usr/bin/python3} on
 * one backend whose tables the Java run has just prepared, and turns its JSON lines into
 * measurements ({@code sqlalchemy_core}, {@code sqlalchemy_orm}). Needs the Debian packages
 * python3-sqlalchemy (1.4), python3-psycopg2 and python3-pymysql; without them the variants are
 * reported as not run, with the reason.
 */
public final class SqlAlchemyBridge {
    static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private static final List<String> VARIANTS = List.of("sqlalchemy_core", "sqlalchemy_orm");
    private final BenchOptions options;

    public SqlAlchemyBridge(BenchOptions options) {
        this.options = options;
    }

    /** The SQLAlchemy URL for a jalchemy URL (same database, SQLAlchemy's driver names). */
    public static String sqlalchemyUrl(String url) {
        if (url.startsWith("postgresql://")) {
            return "postgresql+psycopg2://" + url.substring("postgresql://".length());
        }
        if (url.startsWith("mariadb://") || url.startsWith("mysql://")) {
            return "mysql+pymysql://" + url.substring(url.indexOf("://") + 3);
        }
        return url;
    }

    public List<Measurement> run(BenchBackend b) throws Exception {
        List<String> wanted = VARIANTS.stream().filter(options::selects).toList();
        if (!options.python() || wanted.isEmpty()) {
            return List.of();
        }
        String missing = unavailable(b.name());
        if (missing != null) {
            List<Measurement> out = new ArrayList<>();
            for (Workload w : options.workloads()) {
                if (w.migrate()) {
                    continue;
                }
                for (String v : wanted) {
                    out.add(Measurement.failed(w.key(), b.name(), v, "not run: " + missing));
                }
            }
            Runner.log("SQLAlchemy not run on %s: %s", b.name(), missing);
            return out;
        }
        Path script = Files.createTempFile("sqlalchemy_bench", ".py");
        try (InputStream in = SqlAlchemyBridge.class.getResourceAsStream("sqlalchemy_bench.py")) {
            Files.write(script, in.readAllBytes());
        }
        StringJoiner sizes = new StringJoiner(",");
        for (Workload w : options.workloads()) {
            if (!w.migrate()) {
                sizes.add(w.key() + "=" + options.fixtureSize(w));
            }
        }
        if (sizes.length() == 0) {
            return List.of();
        }
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), "--url", sqlalchemyUrl(b.url()),
                "--backend", b.name(), "--sizes", sizes.toString(), "--runs", String.valueOf(options.runs()),
                "--variants", String.join(",", wanted));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        List<Measurement> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("{")) {
                    continue;
                }
                out.add(toMeasurement(om.readTree(line), b));
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        Files.deleteIfExists(script);
        return out;
    }

    private Measurement toMeasurement(JsonNode j, BenchBackend b) {
        String workload = j.get("workload").asText();
        String variant = j.get("variant").asText();
        String label = workload + "/" + b.name() + "/" + variant;
        if (!j.get("error").isNull()) {
            Runner.log("%-40s FAILED: %s", label, j.get("error").asText());
            return Measurement.failed(workload, b.name(), variant, "failed: " + j.get("error").asText());
        }
        double[] times = new double[j.get("times").size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = j.get("times").get(i).asDouble();
        }
        Workload w = Workload.byKey(workload);
        long expected = w.expected(options.fixtureSize(w));
        long got = j.get("checksum").asLong();
        if (got != expected) {
            Runner.log("%-40s WRONG: got %d, expected %d", label, got, expected);
            return Measurement.failed(workload, b.name(), variant, "wrong checksum: got " + got + ", expected " + expected);
        }
        StringBuilder sb = new StringBuilder();
        for (double t : times) {
            sb.append(String.format("%.3fs ", t));
        }
        Runner.log("%-40s %s", label, sb.toString().trim());
        return Measurement.ok(workload, b.name(), variant, times);
    }

    /** Null when python, SQLAlchemy and the backend's Python driver import; otherwise why not. */
    static String unavailable(String backend) {
        String driver = switch (backend) {
            case "postgresql" -> ", psycopg2";
            case "mariadb" -> ", pymysql";
            default -> "";
        };
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " not found";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sqlalchemy" + driver)
                    .redirectErrorStream(true).start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                String last = msg.lines().reduce((a, c) -> c).orElse("import failed");
                return last + " (apt-get install python3-sqlalchemy python3-psycopg2 python3-pymysql)";
            }
            return null;
        } catch (Exception e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }
}
