package org.jalchemy.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, for faults that must not touch the shared server on
 * 5432 (other suites use it at the same time): {@code initdb} into a temporary directory, a free
 * port, {@code pg_ctl} to start, stop and restart it, and everything deleted on {@link #close()}.
 *
 * <p>Runs the server binaries of the newest {@code /usr/lib/postgresql/N/bin} (or
 * {@code JALCHEMY_PG_BINDIR}). PostgreSQL refuses to run as root, so as root (CI) each command runs
 * as the {@code postgres} user through {@code runuser} (or {@code su}) and the directory is handed
 * to that user; any other user runs them directly. Every command is bounded (60 s) and a failure
 * raises an AssertionError with the command's output and the server log: a fault test that cannot
 * get its server fails, it never skips. Trust authentication on 127.0.0.1 only; unix socket in
 * /tmp; small memory settings.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private static final long COMMAND_SECONDS = 60;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean root;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("server.log");
        this.port = port;
        this.root = root;
    }

    /** Creates and starts a new cluster; fails with the details when it cannot. */
    public static ThrowawayPostgres start() {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir;
        try {
            dir = Files.createTempDirectory("jalchemy-pg-");
        } catch (IOException e) {
            throw new AssertionError("cannot create a directory for the throw-away PostgreSQL cluster", e);
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), "hand the directory to postgres");
            }
            pg.runAsServerUser("initdb", List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"));
            pg.startServer();
        } catch (RuntimeException | Error e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    public int port() {
        return port;
    }

    /** The jalchemy URL of database {@code db} on this cluster. */
    public String url(String db) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + db;
    }

    /** Starts the server and waits until it accepts connections. */
    public void startServer() {
        runAsServerUser("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=16MB"
                        + " -c max_connections=60 -c max_wal_size=64MB", "start"));
    }

    /** Stops the server: {@code fast} (sessions terminated, checkpoint) or {@code immediate}. */
    public void stopServer(String mode) {
        runAsServerUser("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w",
                "-t", "30", "stop"));
    }

    /** The server log, for failure messages. */
    public String serverLog() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no server log)";
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                stopServer("immediate");
            } catch (AssertionError ignored) {
                // deleting the directory below is what matters; a running server would keep it busy
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private void runAsServerUser(String what, List<String> command) {
        List<String> full = new ArrayList<>();
        if (root) {
            if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
                full.addAll(command);
            } else {
                full.addAll(List.of("su", "postgres", "-s", "/bin/sh", "-c", String.join(" ", command.stream()
                        .map(a -> "'" + a.replace("'", "'\\''") + "'").toList())));
            }
        } else {
            full.addAll(command);
        }
        try {
            run(full, what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- server log ---\n" + serverLog(), e.getCause());
        }
    }

    private static String run(List<String> command, String what) {
        Path outFile = null;
        try {
            // output to a file, not a pipe: a server started by pg_ctl must not hold our pipe open
            outFile = Files.createTempFile("jalchemy-pg-cmd-", ".out");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(outFile.toFile())).start();
            boolean done = p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
            String out = Files.readString(outFile, StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
                throw new AssertionError("throw-away PostgreSQL: '" + what + "' did not finish in " + COMMAND_SECONDS
                        + " s: " + String.join(" ", command) + "\n" + out);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("throw-away PostgreSQL: '" + what + "' failed (exit " + p.exitValue() + "): "
                        + String.join(" ", command) + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("throw-away PostgreSQL: cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + what, e);
        } finally {
            if (outFile != null) {
                outFile.toFile().delete();
            }
        }
    }

    private static Path findBinaries() {
        String env = System.getenv("JALCHEMY_PG_BINDIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(base)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> parseVersion(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new AssertionError("no PostgreSQL server binaries (initdb) under " + base
                            + "; install postgresql or set JALCHEMY_PG_BINDIR"));
        } catch (IOException e) {
            throw new AssertionError("no PostgreSQL server binaries under " + base
                    + "; install postgresql or set JALCHEMY_PG_BINDIR", e);
        }
    }

    private static int parseVersion(String s) {
        try {
            return Integer.parseInt(s.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port for the throw-away PostgreSQL cluster", e);
        }
    }
}
