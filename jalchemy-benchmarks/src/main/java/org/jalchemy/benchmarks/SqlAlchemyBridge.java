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
 * measurements ({@code sqlalchemy_core}, {@code sqlalchemy_orm}); for async_requests it runs
 * {@code sqlalchemy_async_bench.py} ({@code sqlalchemy_asyncio}, with its load figures). Needs the
 * Debian packages python3-sqlalchemy (1.4), python3-psycopg2 and python3-pymysql, and for asyncio
 * python3-asyncpg, python3-aiomysql and python3-greenlet; without them the variants are reported
 * as not run, with the reason.
 */
public final class SqlAlchemyBridge {
    static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private static final List<String> VARIANTS = List.of("sqlalchemy_core", "sqlalchemy_orm");
    static final String ASYNCIO = "sqlalchemy_asyncio";
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

    /** The SQLAlchemy asyncio URL for a jalchemy URL (asyncpg, aiomysql). */
    static String asyncUrl(String url) {
        if (url.startsWith("postgresql://")) {
            return "postgresql+asyncpg://" + url.substring("postgresql://".length());
        }
        return "mysql+aiomysql://" + url.substring(url.indexOf("://") + 3);
    }

    public List<Measurement> run(BenchBackend b) throws Exception {
        List<Measurement> out = new ArrayList<>(runSuite(b));
        out.addAll(runAsync(b));
        return out;
    }

    /** SQLAlchemy's performance suite (sqlalchemy_bench.py) on the workloads it has. */
    private List<Measurement> runSuite(BenchBackend b) throws Exception {
        List<String> wanted = VARIANTS.stream().filter(options::selects).toList();
        List<Workload> workloads = options.workloads().stream().filter(Workload::inSqlAlchemySuite).toList();
        if (!options.python() || wanted.isEmpty() || workloads.isEmpty()) {
            return List.of();
        }
        String missing = unavailable(b.name());
        if (missing != null) {
            List<Measurement> out = new ArrayList<>();
            for (Workload w : workloads) {
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
        for (Workload w : workloads) {
            sizes.add(w.key() + "=" + options.fixtureSize(w));
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

    /** async_requests with SQLAlchemy's asyncio (sqlalchemy_async_bench.py): PostgreSQL and MariaDB. */
    private List<Measurement> runAsync(BenchBackend b) throws Exception {
        Workload w = Workload.ASYNC_REQUESTS;
        if (!options.python() || !options.selects(ASYNCIO) || !options.workloads().contains(w) || !w.runsOn(b.name())) {
            return List.of();
        }
        String missing = unavailableAsync(b.name());
        if (missing != null) {
            Runner.log("SQLAlchemy asyncio not run on %s: %s", b.name(), missing);
            return List.of(Measurement.failed(w.key(), b.name(), ASYNCIO, "not run: " + missing));
        }
        // the Java variants' 20-connection pool must not compete with SQLAlchemy's
        b.release(org.jalchemy.benchmarks.concurrent.AsyncVariants.ENGINE);
        Path script = Files.createTempFile("sqlalchemy_async_bench", ".py");
        try (InputStream in = SqlAlchemyBridge.class.getResourceAsStream("sqlalchemy_async_bench.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), "--url", asyncUrl(b.url()),
                "--n", String.valueOf(options.fixtureSize(w)), "--runs", String.valueOf(options.runs()));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        List<Measurement> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("{")) {
                    JsonNode j = om.readTree(line);
                    Measurement m = toMeasurement(j, b);
                    if (m.note() == null && j.hasNonNull("extra")) {
                        java.util.Map<String, Double> extra = new java.util.LinkedHashMap<>();
                        j.get("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asDouble()));
                        m = m.withExtra(extra);
                    }
                    out.add(m);
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        Files.deleteIfExists(script);
        return out;
    }

    /** Null when python, SQLAlchemy's asyncio and the backend's async driver import; otherwise why not. */
    static String unavailableAsync(String backend) {
        String driver = backend.equals("postgresql") ? "asyncpg" : "aiomysql";
        return importFails("import sqlalchemy.ext.asyncio, greenlet, " + driver,
                "apt-get install python3-sqlalchemy python3-greenlet python3-asyncpg python3-aiomysql");
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
        return importFails("import sqlalchemy" + driver, "apt-get install python3-sqlalchemy python3-psycopg2 python3-pymysql");
    }

    private static String importFails(String imports, String advice) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " not found";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", imports).redirectErrorStream(true).start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                String last = msg.lines().reduce((a, c) -> c).orElse("import failed");
                return last + " (" + advice + ")";
            }
            return null;
        } catch (Exception e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }
}
