package org.jalchemy.benchmarks.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.BenchOptions;
import org.jalchemy.benchmarks.Measurement;
import org.jalchemy.benchmarks.SqlAlchemyBridge;
import org.jalchemy.benchmarks.Workload;

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
 * Runs {@code migrate_bench.py} (Alembic 1.8 from Debian's python3-alembic, on SQLAlchemy 1.4)
 * for the migration workloads on a backend whose autogenerate fixture the Java run created, and
 * turns its JSON lines into {@code alembic} measurements, checksums checked like any variant's.
 */
public final class AlembicBridge {
    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private final BenchOptions options;

    public AlembicBridge(BenchOptions options) {
        this.options = options;
    }

    public List<Measurement> run(BenchBackend b) throws Exception {
        List<Workload> ws = options.workloads().stream().filter(Workload::migrate).toList();
        if (ws.isEmpty() || !options.python() || !options.selects("alembic")) {
            return List.of();
        }
        String missing = unavailable(b.name());
        if (missing != null) {
            return ws.stream().map(w -> Measurement.failed(w.key(), b.name(), "alembic", "not run: " + missing)).toList();
        }
        if (ws.contains(Workload.MIGRATE_AUTOGENERATE)) {
            MigrateFixtures.createAutogenerate(b, options.fixtureSize(Workload.MIGRATE_AUTOGENERATE));
        }
        Path script = Files.createTempFile("migrate_bench", ".py");
        try (InputStream in = AlembicBridge.class.getResourceAsStream("migrate_bench.py")) {
            Files.write(script, in.readAllBytes());
        }
        StringJoiner sizes = new StringJoiner(",");
        ws.forEach(w -> sizes.add(w.key() + "=" + options.fixtureSize(w)));
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), "--url", SqlAlchemyBridge.sqlalchemyUrl(b.url()),
                "--sizes", sizes.toString(), "--runs", String.valueOf(options.runs()));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        List<Measurement> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("{")) {
                    out.add(toMeasurement(om.readTree(line), b));
                }
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
        String label = workload + "/" + b.name() + "/alembic";
        if (!j.get("error").isNull()) {
            log("%-40s FAILED: %s", label, j.get("error").asText());
            return Measurement.failed(workload, b.name(), "alembic", "failed: " + j.get("error").asText());
        }
        Workload w = Workload.byKey(workload);
        long expected = w.expected(options.fixtureSize(w));
        long got = j.get("checksum").asLong();
        if (got != expected) {
            log("%-40s WRONG: got %d, expected %d", label, got, expected);
            return Measurement.failed(workload, b.name(), "alembic", "wrong checksum: got " + got + ", expected " + expected);
        }
        double[] times = new double[j.get("times").size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = j.get("times").get(i).asDouble();
        }
        log("%-40s %s", label, java.util.Arrays.toString(times));
        return Measurement.ok(workload, b.name(), "alembic", times);
    }

    private static void log(String fmt, Object... args) {
        System.err.println("[bench] " + String.format(fmt, args));
    }

    /** Null when python, SQLAlchemy, Alembic and the backend's driver import; otherwise why not. */
    public static String unavailable(String backend) {
        String driver = switch (backend) {
            case "postgresql" -> ", psycopg2";
            case "mariadb" -> ", pymysql";
            default -> "";
        };
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sqlalchemy, alembic" + driver).redirectErrorStream(true).start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                return msg.lines().reduce((a, c) -> c).orElse("import failed")
                        + " (apt-get install python3-alembic python3-psycopg2 python3-pymysql)";
            }
            return null;
        } catch (Exception e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }
}
