package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialects;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.lint.rules.BuiltinRules;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.check;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.booleanType;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.dateTimeTz;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;
import static org.jalchemy.types.SqlTypes.uuid;

/**
 * Every recipe lint prints is Java that compiles against the real {@code Ops} API, and, run as the
 * revisions it describes (a comment that mentions a revision or a deploy starts the next one),
 * lints clean on the same database: no error or warning left but the ones a recipe knowingly keeps.
 * The catalogue below makes every built-in rule fire at least once.
 */
class RecipesTest {
    /** Findings a recipe may still have, by the rule whose recipe it is. */
    private static final Map<String, Set<String>> KEEPS = Map.of(
            "sqlite-table-rebuild", Set.of("sqlite-table-rebuild"));   // the batch still rebuilds, once

    private static final Pattern NEXT_REVISION = Pattern.compile("(?i)^\\s*//.*\\b(revision|deploy)\\b.*$");

    record Case(String dialect, Consumer<Ops> upgrade) {
    }

    static List<Case> catalogue() {
        List<Case> c = new ArrayList<>();
        for (String d : List.of("postgresql", "mariadb", "mysql", "sqlite")) {
            c.add(new Case(d, op -> op.dropTable("audit_log")));
            c.add(new Case(d, op -> op.dropColumn("users", "email")));
            c.add(new Case(d, op -> op.renameTable("user_stars", "user_favorites")));
            c.add(new Case(d, op -> op.alterColumn("users", "mail", x -> x.newName("email").existingType(string(120)))));
            c.add(new Case(d, op -> op.addColumn("recipe", column("public", booleanType()).nullable(false))));
            c.add(new Case(d, op -> op.execute("DROP DATABASE shop")));
            c.add(new Case(d, op -> op.alterColumn("recipe", "view_count", x -> x.nullable(false).existingType(bigInteger()))));
            c.add(new Case(d, op -> op.alterColumn("user_email", "user_id", x -> x.type(bigInteger()).existingType(integer()))));
            c.add(new Case(d, op -> op.addColumn("core_recipe", column("foo", uuid()).serverDefault("gen_random_uuid()"))));
            c.add(new Case(d, op -> op.addColumn("t", column("created", dateTimeTz()).serverDefault("CURRENT_TIMESTAMP"))));
            c.add(new Case(d, op -> op.addColumn("t", column("n", integer()).serverDefault("(1 + 1)"))));
            c.add(new Case(d, op -> op.addColumn("cities_users", column("id", bigInteger()).autoincrement(true))));
            c.add(new Case(d, op -> op.createIndex("email_idx", "app_user", "email")));
            c.add(new Case(d, op -> op.addColumn("app_user", column("code", string(10)).index())));
            c.add(new Case(d, op -> op.dropIndex("email_idx", "app_user")));
            c.add(new Case(d, op -> op.createForeignKey("fk_user", "email", "user", List.of("user_id"), List.of("id"))));
            c.add(new Case(d, op -> op.addColumn("email", column("user_id", bigInteger()).foreignKey("user.id"))));
            c.add(new Case(d, op -> op.createCheckConstraint("positive_balance", "accounts", "balance >= 0")));
            c.add(new Case(d, op -> op.createUniqueConstraint("dist_id_uniq", "distributors", "dist_id")));
            c.add(new Case(d, op -> op.addColumn("distributors", column("dist_id", text()).unique())));
            c.add(new Case(d, op -> op.createPrimaryKey("account_pk", "account", "id")));
            c.add(new Case(d, op -> {
                op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
                op.validateConstraint("accounts", "positive_balance");
            }));
            c.add(new Case(d, op -> {
                op.addColumn("users", column("some_column", text()));
                op.execute("UPDATE users SET some_column = 'default_value'");
            }));
            c.add(new Case(d, op -> op.execute("TRUNCATE a, b CASCADE")));
            c.add(new Case(d, op -> op.batchAlterTable("users", b -> b.alterColumn("email", x -> x.type(string(200)).existingType(string(100))))));
            c.add(new Case(d, op -> op.createTable("posts", column("id", integer()).primaryKey(), column("at", dateTime()))));
            c.add(new Case(d, op -> op.ignoring("drop-colum").dropColumn("users", "fax")));
            c.add(new Case(d, op -> op.dropColumn("users", "nickname")));
        }
        return c;
    }

    private static MetaData models() {
        MetaData md = new MetaData();
        Table users = new Table("users", md);
        users.column("id", integer()).primaryKey();
        users.column("nickname", string(40));
        return md;
    }

    @Test
    void everyRecipeCompilesAndLintsClean(@TempDir Path dir) throws Exception {
        List<Finding> findings = new ArrayList<>();
        Map<Finding, String> dialectOf = new LinkedHashMap<>();
        for (Case k : catalogue()) {
            for (Finding f : LintHarness.on(k.dialect()).models(models()).lint(k.upgrade()).findings()) {
                findings.add(f);
                dialectOf.put(f, k.dialect());
            }
        }
        Finding incomplete = Linter.builder(Dialects.get("sqlite")).build()
                .lint(new RecordedRevision("r9", null, List.of(), "MigrationError: no connection")).findings().get(0);
        findings.add(incomplete);
        dialectOf.put(incomplete, "sqlite");

        Set<String> fired = findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = BuiltinRules.all().stream().map(LintRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fired).as("rules the catalogue makes fire").isEqualTo(all);

        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            sources.add(write(dir, i, findings.get(i)));
        }
        compile(dir, sources);

        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                String dialect = dialectOf.get(f);
                @SuppressWarnings("unchecked")
                List<Consumer<Ops>> revisions = (List<Consumer<Ops>>) loader.loadClass("lintrecipes.Recipe" + i).getMethod("revisions").invoke(null);
                List<RecordedRevision> recorded = new ArrayList<>();
                for (int r = 0; r < revisions.size(); r++) {
                    OpRecorder rec = new OpRecorder(null);
                    revisions.get(r).accept(new Ops(rec, Dialects.get(dialect), null));
                    recorded.add(RecordedRevision.of("recipe" + r, rec.ops()));
                }
                LintReport report = Linter.builder(LintTarget.of(dialect, Integer.MAX_VALUE)).build().lint(recorded);
                Set<String> keeps = KEEPS.getOrDefault(f.ruleId(), Set.of());
                for (Finding left : report.findings()) {
                    if (left.severity() != Severity.ADVICE && !keeps.contains(left.ruleId())) {
                        problems.add("[" + dialect + "] recipe of " + f.ruleId() + " (" + f.op() + ") still has " + left.ruleId()
                                + ": " + left.message() + "\n" + f.recipe());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Path write(Path dir, int i, Finding f) throws Exception {
        List<List<String>> segments = new ArrayList<>();
        segments.add(new ArrayList<>());
        for (String line : f.recipe().split("\n")) {
            if (NEXT_REVISION.matcher(line).matches() && !segments.get(segments.size() - 1).isEmpty()) {
                segments.add(new ArrayList<>());
            }
            segments.get(segments.size() - 1).add(line);
        }
        StringBuilder src = new StringBuilder("""
                package lintrecipes;

                import static org.jalchemy.migrate.Ddl.*;
                import static org.jalchemy.types.SqlTypes.*;

                import org.jalchemy.migrate.Ops;
                import org.jalchemy.migrate.ops.ConstraintDef;
                import java.util.List;
                import java.util.function.Consumer;

                /** Recipe of %s for: %s */
                public final class Recipe%d {
                    public static List<Consumer<Ops>> revisions() {
                        return List.of(
                """.formatted(f.ruleId(), f.op().replace("*/", "* /"), i));
        for (int s = 0; s < segments.size(); s++) {
            src.append("            op -> {\n");
            for (String line : segments.get(s)) {
                src.append("                ").append(line).append('\n');
            }
            src.append("            }").append(s + 1 < segments.size() ? "," : "").append('\n');
        }
        src.append("        );\n    }\n}\n");
        Path file = dir.resolve("lintrecipes").resolve("Recipe" + i + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, src);
        return file;
    }

    private static void compile(Path dir, List<Path> sources) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (var fm = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-classpath", classpath(), "-d", dir.toString(), "-proc:none"),
                    null, fm.getJavaFileObjectsFromPaths(sources)).call();
            String errors = diagnostics.getDiagnostics().stream().map(d -> d.getSource().getName() + ":" + d.getLineNumber()
                    + ": " + d.getMessage(null) + "\n" + lineOf(d)).collect(Collectors.joining("\n"));
            assertThat(ok).as("recipes compile:%n%s", errors).isTrue();
        }
    }

    private static String lineOf(javax.tools.Diagnostic<? extends JavaFileObject> d) {
        try {
            return d.getSource().getCharContent(true).toString().split("\n")[(int) d.getLineNumber() - 1];
        } catch (Exception e) {
            return "";
        }
    }

    /** The test class path, also when surefire hands it over in a manifest-only jar. */
    private static String classpath() throws Exception {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(entry);
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (var jar = new java.util.jar.JarFile(entry)) {
                    String cp = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String u : cp.split(" ")) {
                            if (!u.isBlank()) {
                                out.add(Path.of(new java.net.URI(u)).toString());
                            }
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, out);
    }
}
