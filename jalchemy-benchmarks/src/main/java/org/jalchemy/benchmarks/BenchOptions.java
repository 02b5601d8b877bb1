package org.jalchemy.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the suite ({@code ./dev bench [options]}):
 * <pre>
 *   --quick                 small sizes (the whole suite in under two minutes on an idle machine);
 *                           boot and streaming, which start a JVM per run, only when named in --workloads
 *   --runs=N                timed runs per variant, interleaved with the workload's other variants
 *                           (default 3; median, min and max reported)
 *   --backends=a,b          sqlite,postgresql,mariadb (default: all three; sqlite,postgresql with --quick)
 *   --workloads=a,b         subset of the workloads
 *   --variants=a,b          subset of the variants (baselines are always run)
 *   --size=N                override every workload's size (smoke tests)
 *   --no-python             skip SQLAlchemy
 *   --out=PATH              JSON output (default bench/results/latest.json)
 *   --verbose               stack traces of failures
 *   --cpu                   measure the CPU time of the thread running each body instead of the wall
 *                           time (a development aid on a shared machine: what the client side costs,
 *                           whatever the neighbours do; database, JIT and GC threads not counted)
 *   --compare=BASE.json     after the run, print each row's change against an earlier results file
 *   --against=OTHER.json    with --compare: compare two files, run nothing
 *   --render-tables[=FILE]  rewrite the marked tables of README.md and docs/performance.md from a
 *                           results file (default bench/results/latest.json), run nothing
 * </pre>
 * URLs come from {@code JALCHEMY_BENCH_SQLITE_URL}, {@code JALCHEMY_BENCH_PG_URL},
 * {@code JALCHEMY_BENCH_MARIADB_URL}, falling back to the {@code JALCHEMY_TEST_*} variables and
 * then to local defaults; the system properties {@code bench.url.postgresql} and
 * {@code bench.url.mariadb} override them (the smoke tests point them at the module's test databases).
 */
public record BenchOptions(boolean quick, int runs, List<String> backends, List<Workload> workloads,
                           Set<String> variants, Integer size, boolean python, Path out, boolean verbose,
                           Path compare, Path against, Path renderTables, boolean cpu, List<String> args) {

    public static BenchOptions parse(String... args) {
        boolean quick = false;
        boolean python = true;
        boolean verbose = false;
        int runs = 3;
        Integer size = null;
        List<String> backends = null;
        List<Workload> workloads = Arrays.asList(Workload.values());
        Set<String> variants = Set.of();
        Path out = Path.of("bench", "results", "latest.json");
        Path compare = null;
        Path against = null;
        Path render = null;
        boolean workloadsGiven = false;
        boolean cpu = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            String v = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "--quick" -> quick = true;
                case "--no-python" -> python = false;
                case "--verbose" -> verbose = true;
                case "--cpu" -> cpu = true;
                case "--runs" -> runs = Integer.parseInt(v);
                case "--size" -> size = Integer.parseInt(v);
                case "--backends" -> backends = List.of(v.toLowerCase(Locale.ROOT).split(","));
                case "--workloads" -> {
                    workloads = Arrays.stream(v.split(",")).map(Workload::byKey).toList();
                    workloadsGiven = true;
                }
                case "--variants" -> variants = Set.of(v.split(","));
                case "--out" -> out = Path.of(v);
                case "--compare" -> compare = Path.of(v);
                case "--against" -> against = Path.of(v);
                case "--render-tables" -> render = v.isEmpty() ? Path.of("bench", "results", "latest.json") : Path.of(v);
                default -> throw new IllegalArgumentException("Unknown option '" + a + "'; see BenchOptions for the list");
            }
        }
        if (quick && !workloadsGiven) {
            // the workloads that start a JVM per run take minutes: quick mode runs them when named
            workloads = workloads.stream().filter(w -> !w.forked()).toList();
        }
        if (backends == null) {
            backends = quick ? List.of("sqlite", "postgresql") : List.of("sqlite", "postgresql", "mariadb");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        for (String b : backends) {
            if (!urls().containsKey(b)) {
                throw new IllegalArgumentException("Unknown backend '" + b + "'; backends are sqlite, postgresql, mariadb");
            }
        }
        if (against != null && compare == null) {
            throw new IllegalArgumentException("--against needs --compare=BASE.json");
        }
        return new BenchOptions(quick, runs, backends, workloads, variants, size, python, out, verbose, compare, against,
                render, cpu, List.of(args));
    }

    /** Size of a workload in this run. */
    public int fixtureSize(Workload w) {
        return size != null ? size : w.size(quick);
    }

    /**
     * The variants every other one is divided by (see {@link Workload#baseline()}), and the JDBC
     * references and floors of {@link Targets}: always run.
     */
    static final Set<String> BASELINES = Set.of("jdbc", "handwritten", "platform_threads", "jdbc_tx_per_lookup",
            "handwritten_per_parent", "one_node", "plain_list", "first_compile", "jdbc_returning", "handwritten_joined",
            "jdbc_rows", "jdbc_objects", "jdbc_one", "plain_tracked", "jdbc_tracked", "jdbc_returning_tracked",
            "handwritten_joined_tracked");

    /** True when the variant is selected (no selection: all; baselines always). */
    public boolean selects(String variant) {
        return variants.isEmpty() || variants.contains(variant) || BASELINES.contains(variant);
    }

    /** The jalchemy URL of each backend. */
    public static Map<String, String> urls() {
        Map<String, String> m = new LinkedHashMap<>();
        String dir = System.getProperty("bench.dir", defaultSqliteDir());
        m.put("sqlite", env("JALCHEMY_BENCH_SQLITE_URL", null, "sqlite:///" + Path.of(dir, "bench.db")));
        m.put("postgresql", System.getProperty("bench.url.postgresql",
                env("JALCHEMY_BENCH_PG_URL", "JALCHEMY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")));
        m.put("mariadb", System.getProperty("bench.url.mariadb",
                env("JALCHEMY_BENCH_MARIADB_URL", "JALCHEMY_TEST_MARIADB_URL", "mariadb://root@127.0.0.1:3306/test")));
        return m;
    }

    /**
     * Where the SQLite file goes: tmpfs ({@code /dev/shm}) when there is one, so that
     * single_inserts measures the libraries rather than the virtual disk's fsync latency (which
     * varies tenfold with the neighbours' load); else {@code jalchemy-benchmarks/target}.
     * Set {@code JALCHEMY_BENCH_SQLITE_URL} to measure a real disk.
     */
    static String defaultSqliteDir() {
        Path shm = Path.of("/dev/shm");
        if (java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)) {
            return shm.resolve("jalchemy-bench").toString();
        }
        return "jalchemy-benchmarks/target";
    }

    private static String env(String key, String fallbackKey, String dflt) {
        for (String k : new String[] {key, fallbackKey}) {
            if (k != null) {
                String v = System.getenv(k);
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        }
        return dflt;
    }

    List<String> describe() {
        List<String> d = new ArrayList<>();
        d.add((quick ? "quick" : "full") + " mode, " + runs + " timed runs after warm-up runs until the JIT is quiet");
        return d;
    }
}
