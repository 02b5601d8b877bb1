package org.jalchemy.examples.interop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jalchemy.engine.URL;
import org.jalchemy.testing.Backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQLAlchemy 1.4 (Debian's python3-sqlalchemy, through {@code /usr/bin/python3}; {@code .ci/run}
 * installs it with psycopg2 and PyMySQL when missing) on a backend's test database. A missing Python
 * package fails the test with the package to install rather than skipping it.
 */
public final class SqlAlchemySide {
    static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private SqlAlchemySide() {
    }

    /** SQLAlchemy's URL for the database of {@code backend}: pysqlite, psycopg2 or PyMySQL (utf8mb4). */
    public static String url(Backend backend) {
        URL u = URL.parse(backend.url());
        if (backend.isSqlite()) {
            return "sqlite:///" + Path.of(u.database()).toAbsolutePath();
        }
        String auth = u.username() + (u.password() == null ? "" : ":" + u.password()) + "@";
        String hostPort = u.host() + ":" + (u.port() != null ? u.port() : backend.isPostgresql() ? 5432 : 3306);
        return backend.isPostgresql() ? "postgresql+psycopg2://" + auth + hostPort + "/" + u.database()
                : "mysql+pymysql://" + auth + hostPort + "/" + u.database() + "?charset=utf8mb4";
    }

    /** Runs the test resource {@code script} with {@code args}; returns its standard output, failing on a non-zero exit. */
    public static String run(String script, String... args) {
        try {
            Path path = Path.of(SqlAlchemySide.class.getResource("/interop/" + script).toURI());
            List<String> cmd = new ArrayList<>(List.of(PYTHON, path.toString()));
            cmd.addAll(List.of(args));
            return exec(cmd, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code cmd} in {@code dir} (null: the current directory); returns standard output, failing on a non-zero exit. */
    static String exec(List<String> cmd, Path dir) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Process p = pb.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                String stderr = err.join();
                String hint = stderr.contains("No module named") ? "\n(/usr/bin/python3 lacks a package: apt-get install -y"
                        + " python3-sqlalchemy python3-alembic python3-psycopg2 python3-pymysql; .ci/run does)" : "";
                throw new AssertionError(cmd + " exited " + p.exitValue() + ":\n" + stderr + hint);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rows printed by {@code sqlalchemy_side.py}, as JSON objects (integers as BigInteger). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(String json) {
        try {
            return JSON.readValue(json, List.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
