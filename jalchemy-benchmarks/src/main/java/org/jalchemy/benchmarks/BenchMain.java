package org.jalchemy.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Entry point of {@code ./dev bench [--quick] [options]} (options: {@link BenchOptions}). Runs
 * every selected variant on every reachable backend, prints the table and writes the JSON.
 * An unreachable backend is reported and skipped; a failing variant is reported and the rest
 * still run. Exits 1 when any measured variant failed or returned a wrong checksum.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        if (options.renderTables() != null) {
            Results results = Results.read(options.renderTables());
            List<Path> changed = TableRenderer.renderFiles(Path.of("."), results);
            System.out.println("rendered the bench tables of " + TableRenderer.FILES + " from " + options.renderTables()
                    + (changed.isEmpty() ? "; nothing changed" : "; changed " + changed));
            return;
        }
        if (options.against() != null) {
            System.out.print(Compare.table(Results.read(options.compare()), Results.read(options.against())));
            return;
        }
        Report report = run(options);
        System.out.println();
        System.out.print(report.table());
        System.out.println();
        System.out.println("machine: " + machine);
        System.out.println("jdk:     " + jdk());
        report.writeJson(options.out(), machine, jdk(), command(options));
        System.out.println("wrote " + options.out());
        if (options.compare() != null) {
            System.out.println();
            System.out.println("Against " + options.compare() + " (~: the two runs' min-max ranges overlap):");
            System.out.print(Compare.table(Results.read(options.compare()), Results.read(options.out())));
        }
        boolean bad = report.measurements().stream()
                .anyMatch(m -> m.note() != null && (m.note().startsWith("failed") || m.note().startsWith("wrong")));
        System.exit(bad ? 1 : 0);
    }

    private static String machine = "";

    /** Runs the suite and returns its report (used by the smoke test too). */
    public static Report run(BenchOptions options) throws Exception {
        Runner.log("%s; backends %s", String.join(", ", options.describe()), options.backends());
        if (options.backends().contains("sqlite")) {
            String url = BenchOptions.urls().get("sqlite");
            Path file = Path.of(url.substring("sqlite:///".length()));
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        }
        List<Variant> variants = Catalog.variants();
        Runner runner = new Runner(options);
        SqlAlchemyBridge python = new SqlAlchemyBridge(options);
        org.jalchemy.benchmarks.migrate.AlembicBridge alembic = new org.jalchemy.benchmarks.migrate.AlembicBridge(options);
        List<Measurement> all = new ArrayList<>();
        StringJoiner servers = new StringJoiner(", ");
        for (String name : options.backends()) {
            try (BenchBackend b = new BenchBackend(name, BenchOptions.urls().get(name))) {
                try {
                    b.ping();
                    DatabaseMetaData md = b.jdbc().getMetaData();
                    servers.add(md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
                } catch (Exception e) {
                    Runner.log("backend %s unreachable, skipped: %s", b, e.getMessage());
                    continue;
                }
                all.addAll(runner.run(b, variants, bb -> {
                    List<Measurement> py = new ArrayList<>(python.run(bb));
                    py.addAll(alembic.run(bb));
                    return py;
                }));
                for (Planned p : Catalog.planned()) {
                    if (options.workloads().contains(p.workload()) && options.selects(p.name())) {
                        all.add(Measurement.failed(p.workload().key(), name, p.name(),
                                "not yet available: needs " + p.waitingFor()));
                    }
                }
            }
            machine = machineDescription() + "; databases: " + servers;
            // a long run keeps what it has measured so far, backend by backend
            new Report(all).writeJson(options.out(), machine, jdk(), command(options));
        }
        return new Report(all);
    }

    /** The options of a run as typed (without --out), for the results file. */
    static String command(BenchOptions options) {
        return String.join(" ", options.args().stream().filter(a -> !a.startsWith("--out=")).toList());
    }

    static String jdk() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    /** OS, CPU model and count, memory: enough to compare two runs' tables honestly. */
    static String machineDescription() {
        String cpu = "unknown CPU";
        String mem = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format("%.0f GiB RAM",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("");
        } catch (Exception ignored) {
            // not Linux: keep what we have
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " x " + cpu
                + (mem.isEmpty() ? "" : ", " + mem);
    }
}
