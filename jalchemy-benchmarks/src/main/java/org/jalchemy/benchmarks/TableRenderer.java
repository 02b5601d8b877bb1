package org.jalchemy.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./dev bench --render-tables[=RESULTS.json]}: rewrites the benchmark tables of the README
 * and {@code docs/performance.md} from a results file ({@code bench/results/latest.json} by
 * default), so that no figure in the docs is copied by hand. A table is a marked region:
 * <pre>
 * &lt;!-- bench-table: ratios workloads=large_resultsets,loaders exclude=jdbc,handwritten --&gt;
 * (generated; anything here is replaced)
 * &lt;!-- /bench-table --&gt;
 * </pre>
 * Kinds: {@code ratios} (workload, variant, one ratio column per backend), {@code rows} (every row
 * with median, min, max and ratio), {@code targets} ({@link Targets}: ratio to the reference per
 * backend, met or missed, and the floor's ratio where the target has one), {@code figures} (chosen {@code extra} figures of the median runs:
 * {@code columns=a,b}), {@code machine} (one line: machine, JDK, date, options). Filters, all
 * optional, comma lists: {@code workloads=}, {@code variants=}, {@code exclude=} (variants),
 * {@code backends=}; {@code file=PATH} (relative to the repository root) renders that table from
 * another results file (a partial run kept for the record) instead. Markers count only at the start of a line (a marker quoted in running text is
 * text). An unknown kind or option fails, naming it; text outside markers is untouched.
 */
public final class TableRenderer {
    private static final Pattern REGION = Pattern.compile(
            "^(<!-- bench-table:([^>]*?)-->)(.*?)^(<!-- /bench-table -->)", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern FILE = Pattern.compile("\\s*\\bfile=(\\S+)");
    private static final List<String> BACKENDS = List.of("sqlite", "postgresql", "mariadb");
    /** The files rendered by {@link #renderFiles}, relative to the repository root. */
    public static final List<String> FILES = List.of("README.md", "docs/performance.md");

    private TableRenderer() {
    }

    /** Rewrites every marked region of the {@link #FILES} under {@code root}; returns the files that changed. */
    public static List<Path> renderFiles(Path root, Results results) throws IOException {
        Map<String, Results> others = new LinkedHashMap<>();
        java.util.function.Function<String, Results> files = f -> others.computeIfAbsent(f, k -> {
            try {
                return Results.read(root.resolve(k));
            } catch (IOException e) {
                throw new IllegalArgumentException("bench-table file=" + k + ": cannot read " + root.resolve(k) + ": " + e, e);
            }
        });
        List<Path> changed = new ArrayList<>();
        for (String f : FILES) {
            Path p = root.resolve(f);
            if (!Files.exists(p)) {
                continue;
            }
            String before = Files.readString(p, StandardCharsets.UTF_8);
            String after = render(before, results, files);
            if (!after.equals(before)) {
                Files.writeString(p, after, StandardCharsets.UTF_8);
                changed.add(p);
            }
        }
        return changed;
    }

    /** {@code doc} with every marked region regenerated from {@code results} (markers naming another file fail). */
    public static String render(String doc, Results results) {
        return render(doc, results, f -> {
            throw new IllegalArgumentException("bench-table file=" + f + ": no other results files here");
        });
    }

    /** {@code doc} with every marked region regenerated from {@code results}, or from the file a marker names. */
    public static String render(String doc, Results results, java.util.function.Function<String, Results> files) {
        Matcher m = REGION.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String spec = m.group(2).trim();
            Matcher file = FILE.matcher(spec);
            Results source = results;
            if (file.find()) {
                source = files.apply(file.group(1));
                spec = file.replaceFirst("").trim();
            }
            String body = table(spec, source);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "\n" + body + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The table for one marker's spec ({@code "ratios workloads=a,b"}). */
    static String table(String spec, Results r) {
        String[] words = spec.split("\\s+");
        Map<String, Set<String>> opts = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            if (kv.length != 2 || !List.of("workloads", "variants", "exclude", "backends", "columns").contains(kv[0])) {
                throw new IllegalArgumentException("bench-table '" + spec + "': unknown option '" + words[i]
                        + "'; options are workloads=, variants=, exclude=, backends=, columns=");
            }
            opts.put(kv[0], new LinkedHashSet<>(Arrays.asList(kv[1].split(","))));
        }
        Results f = filter(r, opts);
        return switch (words[0]) {
            case "ratios" -> ratios(f);
            case "rows" -> rows(f);
            case "targets" -> targets(f);
            case "figures" -> figures(f, opts.getOrDefault("columns", Set.of()));
            case "machine" -> machine(r);
            default -> throw new IllegalArgumentException("bench-table '" + spec + "': unknown kind '" + words[0]
                    + "'; kinds are ratios, rows, targets, figures, machine");
        };
    }

    private static Results filter(Results r, Map<String, Set<String>> opts) {
        List<Results.Row> rows = r.rows().stream()
                .filter(x -> !opts.containsKey("workloads") || opts.get("workloads").contains(x.workload()))
                .filter(x -> !opts.containsKey("variants") || opts.get("variants").contains(x.variant()))
                .filter(x -> !opts.containsKey("exclude") || !opts.get("exclude").contains(x.variant()))
                .filter(x -> !opts.containsKey("backends") || opts.get("backends").contains(x.backend()))
                .toList();
        return new Results(r.machine(), r.jdk(), r.date(), r.command(), rows);
    }

    private static List<String> backends(Results r) {
        return BACKENDS.stream().filter(b -> r.rows().stream().anyMatch(x -> x.backend().equals(b))).toList();
    }

    /** workload | variant | one ratio per backend. */
    static String ratios(Results r) {
        List<String> bs = backends(r);
        StringBuilder sb = new StringBuilder("| workload | variant |");
        bs.forEach(b -> sb.append(' ').append(b).append(" |"));
        sb.append("\n|---|---|");
        bs.forEach(b -> sb.append("---:|"));
        sb.append('\n');
        Set<String> done = new LinkedHashSet<>();
        for (Results.Row row : r.rows()) {
            if (!done.add(row.workload() + "\0" + row.variant())) {
                continue;
            }
            sb.append("| ").append(row.workload()).append(" | ").append(row.variant()).append(" |");
            for (String b : bs) {
                Double ratio = r.row(row.workload(), b, row.variant()).map(Results.Row::ratio).orElse(null);
                sb.append(' ').append(ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every row: median, min, max, ratio. */
    static String rows(Results r) {
        StringBuilder sb = new StringBuilder("| workload | backend | variant | median | min | max | ratio |\n"
                + "|---|---|---|---:|---:|---:|---:|\n");
        for (Results.Row x : r.rows()) {
            String unit = x.unit().equals("s") ? "" : " " + x.unit();
            sb.append("| ").append(x.workload()).append(" | ").append(x.backend()).append(" | ").append(x.variant())
                    .append(" | ").append(x.median() == null ? noteOf(x) : Report.value(x.median(), x.unit()) + unit)
                    .append(" | ").append(Report.value(x.min(), x.unit()))
                    .append(" | ").append(Report.value(x.max(), x.unit()))
                    .append(" | ").append(x.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2fx", x.ratio()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String noteOf(Results.Row x) {
        return x.note() == null ? "-" : x.note().replace("|", "/");
    }

    /**
     * The {@link Targets} with a figure in {@code r}: per backend the ratio, the floor's and the
     * session floor's ratios where the target has them, and the verdict: {@code met},
     * {@code missed}, {@code floor above bound} when the floor itself (plain JDBC doing the work
     * the variant cannot avoid) is above the bound, or {@code session floor above bound} when the
     * least bookkeeping of any session over plain classes takes it above the bound. Empty when no
     * target has a figure.
     */
    static String targets(Results r) {
        List<String> bs = backends(r);
        StringBuilder sb = new StringBuilder();
        for (Targets.Target t : Targets.ALL) {
            String floors = t.floor() == null && t.sessionFloor() == null ? "-"
                    : t.floor() == null ? "session: " + t.sessionFloor()
                    : t.sessionFloor() == null ? t.floor() : t.floor() + "; session: " + t.sessionFloor();
            StringBuilder line = new StringBuilder("| " + t.label() + " | ≤ " + fmt(t.bound()) + " | " + floors + " |");
            boolean any = false;
            for (String b : bs) {
                Double ratio = r.ratio(t.workload(), b, t.variant(), t.reference());
                Double floor = t.floor() == null ? null : r.ratio(t.workload(), b, t.floor(), t.reference());
                Double session = t.sessionFloor() == null ? null : r.ratio(t.workload(), b, t.sessionFloor(), t.reference());
                any |= ratio != null;
                line.append(' ');
                if (ratio == null) {
                    line.append('-');
                } else {
                    line.append(String.format(Locale.ROOT, "%.2f", ratio));
                    if (floor != null || session != null) {
                        line.append(" (");
                        if (floor != null) {
                            line.append(String.format(Locale.ROOT, "floor %.2f", floor));
                        }
                        if (session != null) {
                            line.append(floor != null ? ", " : "").append(String.format(Locale.ROOT, "session %.2f", session));
                        }
                        line.append(')');
                    }
                    line.append(ratio <= t.bound() ? " met"
                            : floor != null && floor > t.bound() ? " floor above bound"
                            : session != null && session > t.bound() ? " session floor above bound" : " missed");
                }
                line.append(" |");
            }
            if (any) {
                sb.append(line).append('\n');
            }
        }
        if (sb.isEmpty()) {
            return "";
        }
        StringBuilder head = new StringBuilder("| target | bound | floor |");
        bs.forEach(b -> head.append(' ').append(b).append(" |"));
        head.append("\n|---|---:|---|");
        bs.forEach(b -> head.append("---:|"));
        return head.append('\n').append(sb).toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** backend | variant | median | the chosen extra figures (or all of them). */
    static String figures(Results r, Set<String> columns) {
        Set<String> cols = new LinkedHashSet<>(columns);
        if (cols.isEmpty()) {
            r.rows().forEach(x -> cols.addAll(x.extra().keySet()));
        }
        StringBuilder sb = new StringBuilder("| workload | backend | variant | median | ratio |");
        cols.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|---|---|---:|---:|");
        cols.forEach(c -> sb.append("---:|"));
        sb.append('\n');
        for (Results.Row x : r.rows()) {
            String unit = x.unit().equals("s") ? " s" : " " + x.unit();
            sb.append("| ").append(x.workload()).append(" | ").append(x.backend()).append(" | ").append(x.variant())
                    .append(" | ").append(x.median() == null ? noteOf(x) : Report.value(x.median(), x.unit()) + unit)
                    .append(" | ").append(x.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2fx", x.ratio()))
                    .append(" |");
            for (String c : cols) {
                Double v = x.extra().get(c);
                sb.append(' ').append(v == null ? "-" : String.format(Locale.ROOT, "%.1f", v)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One line saying where, when and how the figures were measured. */
    static String machine(Results r) {
        StringBuilder sb = new StringBuilder("Measured on ").append(r.machine()).append("; JDK: ").append(r.jdk());
        if (r.date() != null) {
            sb.append("; ").append(r.date());
        }
        if (r.command() != null) {
            sb.append("; `./dev bench ").append(r.command()).append('`');
        }
        return sb.append(".\n").toString();
    }
}
