package org.jalchemy.examples.guide;

import org.jalchemy.cli.JalchemyCli;
import org.jalchemy.examples.guide.migraciones.ModelosV1;
import org.jalchemy.examples.guide.migraciones.ModelosV2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Guide chapter 9, run for real: the {@code jalchemy migrate} commands the chapter shows, executed
 * in-process through the CLI ({@link JalchemyCli#run}) in a working directory, against the
 * database of the URL given. The flow is the guide's: {@code init}, a config pointing at the
 * models, {@code revision --autogenerate}, {@code upgrade head}, the models gain {@code email},
 * {@code revision --autogenerate -m "add email"}, {@code upgrade head}, {@code current},
 * {@code history}, {@code check}, {@code downgrade -1}, and {@code downgrade base} to leave the
 * database as it was found.
 *
 * <p>Each command is printed as the chapter writes it ({@code jalchemy migrate upgrade head}) and
 * recorded; the chapter's test checks that every command in the chapter's shell blocks is among
 * them. The config is pinned to the chapter's tables ({@code include_tables = ["users"]}) so that
 * autogenerate leaves the other chapters' tables alone in a shared database. Hazard: the directory
 * given is emptied of {@code migrations/} and {@code jalchemy.toml} first.
 */
public final class Capitulo09Migraciones {
    private Capitulo09Migraciones() {
    }

    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : Capitulos.DEFAULT_URL, Path.of("."));
    }

    /** Runs the chapter in {@code dir} against {@code url}; returns the commands as shown, in order. */
    public static List<String> run(String url, Path dir) {
        List<String> shown = new ArrayList<>();
        Path config = dir.resolve("jalchemy.toml");
        clean(dir);
        System.out.println("\n=== §9.2 jalchemy migrate init: el entorno de migraciones ===");
        cli(shown, dir, "init", "migrations");
        configure(config, url, ModelosV1.class.getName());

        System.out.println("\n=== §9.3 Crear y aplicar una migración autogenerada ===");
        cli(shown, dir, "revision", "--autogenerate", "-m", "create users");
        cli(shown, dir, "upgrade", "head");

        System.out.println("\n=== §9.4 El modelo cambia: users gana email ===");
        configure(config, url, ModelosV2.class.getName());
        cli(shown, dir, "check");
        Path script = cli(shown, dir, "revision", "--autogenerate", "-m", "add email") == 0 ? newest(dir) : null;
        System.out.println(bodies(read(script)));
        cli(shown, dir, "upgrade", "head");
        cli(shown, dir, "current");
        cli(shown, dir, "history");
        cli(shown, dir, "check");

        System.out.println("\n=== §9.3 Revertir: downgrade -1 ===");
        cli(shown, dir, "downgrade", "-1");
        cli(shown, dir, "current");
        cli(shown, dir, "upgrade", "head", "--sql");
        cli(shown, dir, "downgrade", "base");
        return shown;
    }

    /** The upgrade and downgrade methods of a revision script (what the chapter shows of it). */
    public static String bodies(String source) {
        int up = source.indexOf("    @Override\n    public void upgrade(Ops op)");
        int end = source.lastIndexOf('}');
        String body = up < 0 ? source : source.substring(up, end);
        return body.lines().filter(l -> !l.contains("tag::") && !l.contains("end::"))
                .collect(java.util.stream.Collectors.joining("\n")).stripTrailing();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script {@code revision} wrote last. */
    public static Path newest(Path dir) {
        try (Stream<Path> s = Files.list(dir.resolve("migrations").resolve("versions"))) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified())).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code jalchemy migrate <args>} in {@code dir} (its config given with {@code -c}, the
     * script directory resolved there); prints and records the command as the chapter shows it.
     * {@code check} may exit 1 (models and database differ); any other failure stops the chapter.
     */
    static int cli(List<String> shown, Path dir, String... args) {
        String line = "jalchemy migrate " + String.join(" ", quoted(args));
        shown.add(line);
        System.out.println("$ " + line);
        List<String> argv = new ArrayList<>(List.of("migrate", "-c", dir.resolve("jalchemy.toml").toString()));
        for (String a : args) {
            argv.add(args[0].equals("init") && a.equals("migrations") ? dir.resolve("migrations").toString() : a);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JalchemyCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                argv.toArray(String[]::new));
        String printed = (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .replace(dir.toAbsolutePath().normalize().toString(), ".");
        printed.lines().forEach(l -> System.out.println("  " + l));
        if (code != 0 && !(args[0].equals("check") && code == 1)) {
            throw new IllegalStateException("'" + line + "' failed (exit " + code + "): " + err.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    private static List<String> quoted(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.contains(" ") ? "\"" + a + "\"" : a);
        }
        return out;
    }

    /** What a user edits in jalchemy.toml after init: the URL, the models, the chapter's tables. */
    static void configure(Path config, String url, String models) {
        String toml = read(config);
        toml = toml.replaceFirst("(?m)^url = .*$", "url = \"" + url.replace("\\", "\\\\") + "\"")
                .replaceFirst("(?m)^target_entities = .*$", "")
                .replaceFirst("(?m)^# target_metadata = .*$", "")
                .replaceFirst("(?m)^target_metadata = .*$", "")
                .replaceFirst("(?m)^# include_tables = .*$", "include_tables = [\"users\"]");
        toml = toml.replaceFirst("(?m)^\\[migrate]$", "[migrate]\ntarget_metadata = \"" + models + "\"");
        try {
            Files.writeString(config, toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path dir) {
        try {
            Files.createDirectories(dir);
            Path migrations = dir.resolve("migrations");
            if (Files.exists(migrations)) {
                try (Stream<Path> s = Files.walk(migrations)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.deleteIfExists(dir.resolve("jalchemy.toml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
