package org.jalchemy.migrate;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.autogenerate.Autogenerate;
import org.jalchemy.migrate.autogenerate.AutogenerateOptions;
import org.jalchemy.migrate.autogenerate.Renderer;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.lint.LintCommand;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.runtime.MigrationLock;
import org.jalchemy.migrate.runtime.OfflineScript;
import org.jalchemy.migrate.runtime.Runner;
import org.jalchemy.migrate.runtime.VersionTable;
import org.jalchemy.migrate.script.Revision;
import org.jalchemy.migrate.script.RevisionGraph;
import org.jalchemy.migrate.script.ScriptSource;
import org.jalchemy.migrate.script.ScriptWriter;
import org.jalchemy.migrate.script.TargetMetadata;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.NamingConvention;

import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The migration commands (Alembic's {@code alembic.command}), shared by the CLI
 * ({@code jalchemy migrate ...}), the Maven plugin ({@code jalchemy:upgrade ...}) and programs.
 * Each call opens what it needs (engine, scripts, lock) and closes it before returning; progress
 * and listings go to {@code out}. Errors are {@link MigrationError}s (bad target, unknown revision,
 * script that does not compile, held lock) or the engine's database errors.
 *
 * <p>Targets: {@code head}, {@code heads}, {@code base}, {@code +N}/{@code -N}, {@code <rev>+N},
 * a full id or unique prefix, a branch label, {@code label@head}, {@code label@-N}; ranges
 * {@code a:b} for {@code --sql} and {@code history}.
 *
 * <p>An instance is a configuration plus optional replacements (an engine the caller owns,
 * revisions given in code, the target MetaData); it keeps nothing between calls.
 */
public final class Commands {
    private final MigrateConfig config;
    private final PrintStream out;
    private Engine engine;
    private ScriptSource scripts;
    private MetaData target;
    private boolean targetSet;
    private ClassLoader classLoader;
    private Duration lockTimeout = Duration.ofSeconds(60);
    private AutogenerateOptions autogenerateOptions = AutogenerateOptions.defaults();

    public Commands(MigrateConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public MigrateConfig config() {
        return config;
    }

    /** Uses {@code engine} (owned by the caller, not disposed) instead of one made from the config's URL. */
    public Commands engine(Engine value) {
        this.engine = value;
        return this;
    }

    /** Takes the revisions from {@code source} instead of compiling the config's versions directory. */
    public Commands scripts(ScriptSource source) {
        this.scripts = source;
        return this;
    }

    /** The models autogenerate and {@code check} compare with, instead of the config's target. */
    public Commands target(MetaData metadata) {
        this.target = metadata;
        this.targetSet = true;
        return this;
    }

    /** The class loader for the config's target classes (default: one over the config's classpath). */
    public Commands classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /** How long to wait for another migrator to finish (default 60 s). */
    public Commands lockTimeout(Duration value) {
        this.lockTimeout = value;
        return this;
    }

    public Commands autogenerateOptions(AutogenerateOptions value) {
        this.autogenerateOptions = value;
        return this;
    }

    // ------------------------------------------------------------------ init

    /**
     * Creates {@code directory} (must not exist or be empty) with {@code versions/} and a README, and
     * the config file ({@code configFile}, {@code .toml} or {@code .properties}) pointing at it.
     */
    public static void init(Path directory, Path configFile, PrintStream out) {
        try {
            if (Files.isDirectory(directory)) {
                try (var s = Files.list(directory)) {
                    if (s.findAny().isPresent()) {
                        throw new MigrationError("Directory " + directory + " exists and is not empty");
                    }
                }
            }
            if (Files.exists(configFile)) {
                throw new MigrationError("Config file " + configFile + " exists already");
            }
            Files.createDirectories(directory.resolve("versions"));
            out.println("  Creating directory " + directory.toAbsolutePath().normalize() + " ... done");
            out.println("  Creating directory " + directory.resolve("versions").toAbsolutePath().normalize() + " ... done");
            Files.writeString(directory.resolve("README"), readme());
            Files.writeString(directory.resolve(".gitignore"), ".jalchemy-cache/\n");
            out.println("  Generating " + directory.resolve("README").toAbsolutePath().normalize() + " ... done");
            Path base = configFile.toAbsolutePath().getParent();
            String location = base.relativize(directory.toAbsolutePath()).toString().replace('\\', '/');
            Files.writeString(configFile, configFile.toString().endsWith(".properties")
                    ? propertiesTemplate(location) : tomlTemplate(location));
            out.println("  Generating " + configFile.toAbsolutePath().normalize() + " ... done");
            out.println("  Please edit " + configFile.getFileName() + " (url, target models, classpath) before proceeding.");
        } catch (IOException e) {
            throw new MigrationError("Cannot create the script directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String readme() {
        return """
                jalchemy migration environment (like Alembic's).

                versions/          one Java class per revision: R_<revision>_<message>.java
                .jalchemy-cache/   compiled scripts, rebuilt when a script changes (not to commit)

                jalchemy migrate revision -m "message" [--autogenerate]   new revision
                jalchemy migrate upgrade head                             apply
                jalchemy migrate downgrade -1                             undo the last one
                jalchemy migrate current | history | heads | check        look around
                """;
    }

    private static String tomlTemplate(String location) {
        return """
                # jalchemy migrations (Alembic's alembic.ini + env.py)
                [migrate]
                script_location = "%s"
                # the database; JALCHEMY_URL or -x url=... override it
                url = "sqlite:///mi_base_de_datos.db"
                # the models autogenerate compares with: entity classes, a Registry, or a MetaData supplier
                target_entities = []
                # target_registry = "com.example.Models#REGISTRY"
                # target_metadata = "com.example.Schema"
                # only these tables are compared (patterns with * and ?); exclude_tables leaves some alone
                # include_tables = ["users", "orders_*"]
                # where the CLI loads those classes from (relative to this file)
                classpath = ["target/classes"]
                # the Java package of the revision scripts; compiled into an application,
                # Migrator.upgrade(engine, "head") finds them there ("" for none)
                package = "migrations"
                version_table = "jalchemy_version"
                transaction_per_revision = false
                """.formatted(location);
    }

    private static String propertiesTemplate(String location) {
        return """
                # jalchemy migrations (Alembic's alembic.ini + env.py)
                script_location=%s
                # the database; JALCHEMY_URL or -x url=... override it
                url=sqlite:///mi_base_de_datos.db
                # the models autogenerate compares with (comma-separated entity classes), or target_registry / target_metadata
                target_entities=
                classpath=target/classes
                package=migrations
                version_table=jalchemy_version
                transaction_per_revision=false
                """.formatted(location);
    }

    // ------------------------------------------------------------------ revision, merge

    /** Options of {@code revision}. {@code revId} null: a random 12-hex id; {@code head}: where the new revision goes. */
    public record RevisionOptions(String message, boolean autogenerate, String head, boolean splice,
                                  String branchLabel, String revId, List<String> dependsOn) {
        public static RevisionOptions of(String message) {
            return new RevisionOptions(message, false, "head", false, null, null, List.of());
        }

        public RevisionOptions autogenerate(boolean value) {
            return new RevisionOptions(message, value, head, splice, branchLabel, revId, dependsOn);
        }

        public RevisionOptions head(String value) {
            return new RevisionOptions(message, autogenerate, value, splice, branchLabel, revId, dependsOn);
        }

        public RevisionOptions splice(boolean value) {
            return new RevisionOptions(message, autogenerate, head, value, branchLabel, revId, dependsOn);
        }

        public RevisionOptions branchLabel(String value) {
            return new RevisionOptions(message, autogenerate, head, splice, value, revId, dependsOn);
        }

        public RevisionOptions revId(String value) {
            return new RevisionOptions(message, autogenerate, head, splice, branchLabel, value, dependsOn);
        }

        public RevisionOptions dependsOn(List<String> value) {
            return new RevisionOptions(message, autogenerate, head, splice, branchLabel, revId, value);
        }
    }

    /** Writes a new revision script; returns its path. */
    public Path revision(RevisionOptions options) {
        RevisionGraph graph = graph();
        String message = options.message() == null ? "" : options.message();
        List<String> parents = parents(graph, options);
        List<String> deps = new ArrayList<>();
        for (String d : options.dependsOn() == null ? List.<String>of() : options.dependsOn()) {
            deps.add(graph.get(d).id());
        }
        String rev = options.revId() != null ? options.revId() : ScriptWriter.newRevisionId();
        if (graph.contains(rev)) {
            throw new MigrationError("Revision id " + rev + " exists already");
        }
        String up = null;
        String down = null;
        List<MigrateOp> upgradeOps = null;
        if (options.autogenerate()) {
            Autogenerate.Diff diff = withConnection(c -> {
                requireUpToDate(graph, c, "autogenerate");
                return Autogenerate.compare(requireTarget(), c, comparisonOptions());
            });
            for (String w : diff.warnings()) {
                out.println("  WARNING " + w);
            }
            for (MigrateOp op : diff.upgradeOps()) {
                out.println("  Detected " + op.describe());
            }
            if (diff.isEmpty()) {
                out.println("  No changes in schema detected.");
            }
            upgradeOps = diff.upgradeOps();
            up = Renderer.render(diff, "        ");
            down = Renderer.renderDowngrade(diff, "        ");
        }
        Set<String> labels = options.branchLabel() == null || options.branchLabel().isBlank()
                ? Set.of() : Set.of(options.branchLabel());
        Path file = ScriptWriter.write(config.versionsDirectory(), new ScriptWriter.Spec(config.scriptPackage(), rev,
                parents, labels, deps, message, up, down));
        out.println("  Generating " + file.toAbsolutePath().normalize() + " ... done");
        if (upgradeOps != null && !upgradeOps.isEmpty()) {
            LintCommand.warnNewRevision(graph.all().stream().map(Revision::migration).toList(), rev, upgradeOps, dialect(),
                    targetMetadata(), config, out);
        }
        return file;
    }

    private List<String> parents(RevisionGraph graph, RevisionOptions o) {
        String head = o.head() == null || o.head().isBlank() ? "head" : o.head();
        if (graph.isEmpty() || head.equals("base")) {
            if (!graph.isEmpty() && (o.branchLabel() == null || o.branchLabel().isBlank())) {
                throw new MigrationError("A new base revision starts a second branch: give it a --branch-label");
            }
            return List.of();
        }
        Set<String> ids = graph.resolveUpgrade(head, Set.of());
        for (String id : ids) {
            boolean isHead = graph.heads().stream().anyMatch(h -> h.id().equals(id));
            if (!isHead && !o.splice()) {
                throw new MigrationError("Revision " + id + " is not a head revision; use --splice to create a new branch from it");
            }
        }
        return new ArrayList<>(new TreeSet<>(ids));
    }

    /** Writes a merge revision of {@code revisions} (e.g. {@code heads}); returns its path. */
    public Path merge(List<String> revisions, String message) {
        RevisionGraph graph = graph();
        Set<String> ids = new TreeSet<>();
        for (String r : revisions) {
            ids.addAll(r.equals("heads") ? graph.heads().stream().map(Revision::id).toList() : List.of(graph.get(r).id()));
        }
        if (ids.size() < 2) {
            throw new MigrationError("A merge needs at least two revisions, got " + ids);
        }
        String rev = ScriptWriter.newRevisionId();
        String body = "        // merge revision: nothing to run\n";
        Path file = ScriptWriter.write(config.versionsDirectory(), new ScriptWriter.Spec(config.scriptPackage(), rev,
                new ArrayList<>(ids), Set.of(), List.of(), message == null ? "merge" : message, body, body));
        out.println("  Generating " + file.toAbsolutePath().normalize() + " ... done");
        return file;
    }

    // ------------------------------------------------------------------ upgrade, downgrade, stamp

    /** Upgrades to {@code target}; with {@code sql} prints the script instead ({@code target} may be a range {@code a:b}). */
    public void upgrade(String target, boolean sql) {
        RevisionGraph graph = graph();
        if (sql) {
            String[] range = range(target);
            Set<String> start = range[0] == null || range[0].equals("base") ? Set.of() : graph.resolveUpgrade(range[0], Set.of());
            Set<String> targets = graph.resolveUpgrade(range[1], start);
            offline(graph).run(graph.upgradePlan(graph.applied(start), targets), start, true, start.isEmpty());
            return;
        }
        withLockedConnection(c -> {
            Set<String> heads = versionTable(c).heads(c);
            if (heads.isEmpty()) {
                requireNotAlembicManaged(c);
            }
            Set<String> targets = graph.resolveUpgrade(target, heads);
            List<Revision> plan = graph.upgradePlan(graph.applied(heads), targets);
            new Runner(c, graph, versionTable(c), convention(), config.transactionPerRevision(), out).upgrade(plan, heads);
            return null;
        });
    }

    /** Downgrades to {@code target}; with {@code sql} prints the script ({@code target} a range {@code from:to}). */
    public void downgrade(String target, boolean sql) {
        RevisionGraph graph = graph();
        if (sql) {
            String[] range = range(target);
            if (range[0] == null) {
                throw new MigrationError("Offline downgrade needs a starting revision: downgrade <from>:<to> --sql");
            }
            Set<String> start = graph.resolveUpgrade(range[0], Set.of());
            Set<String> remove = graph.resolveDowngrade(range[1], start);
            offline(graph).run(graph.downgradePlan(graph.applied(start), remove), start, false, false);
            return;
        }
        withLockedConnection(c -> {
            Set<String> heads = versionTable(c).heads(c);
            Set<String> remove = graph.resolveDowngrade(target, heads);
            if (!target.startsWith("-") && !target.equals("base") && !target.contains("@")) {
                Revision keep = graph.get(target.contains("-") ? target.substring(0, target.lastIndexOf('-')) : target);
                if (!graph.applied(heads).contains(keep.id()) && !target.contains("-")) {
                    throw new MigrationError("Revision " + keep.id() + " is not applied: the database is at "
                            + (heads.isEmpty() ? "base" : heads) + "; downgrade goes to an applied revision");
                }
            }
            List<Revision> plan = graph.downgradePlan(graph.applied(heads), remove);
            new Runner(c, graph, versionTable(c), convention(), config.transactionPerRevision(), out).downgrade(plan, heads);
            return null;
        });
    }

    /** Sets the version table to {@code revisions} without running anything; {@code purge} empties it first. */
    public void stamp(List<String> revisions, boolean sql, boolean purge) {
        RevisionGraph graph = graph();
        Function<Set<String>, Set<String>> next = current -> {
            Set<String> targets = new HashSet<>();
            for (String r : revisions) {
                if (!r.equals("base")) {
                    targets.addAll(graph.resolveUpgrade(r, current));
                }
            }
            Set<String> applied = new HashSet<>(graph.ancestorsOrSelf(targets));
            if (!purge) {
                Set<String> related = new HashSet<>(graph.ancestorsOrSelf(targets));
                related.addAll(graph.descendantsOrSelf(targets));
                for (String a : graph.applied(current)) {
                    if (!related.contains(a)) {
                        applied.add(a);
                    }
                }
            }
            return graph.headsOf(applied);
        };
        if (sql) {
            offline(graph).stamp(Set.of(), next.apply(Set.of()), purge, true);
            return;
        }
        withLockedConnection(c -> {
            VersionTable vt = versionTable(c);
            vt.ensure(c);
            Set<String> heads = purge ? Set.of() : vt.heads(c);
            if (purge) {
                c.execDriverSql(vt.purgeStatement());
                c.execDriverSql(vt.clearProgressStatement());
            }
            Set<String> to = next.apply(heads);
            for (String s : vt.moveStatements(heads, to)) {
                c.execDriverSql(s);
            }
            c.commit();
            out.println("  Stamped " + (to.isEmpty() ? "base" : String.join(", ", to)));
            return null;
        });
    }

    /** Alembic's version table name when its {@code version_table} was left at the default. */
    public static final String ALEMBIC_VERSION_TABLE = "alembic_version";

    /**
     * Takes over a database migrated by Alembic ({@code stamp --from-alembic}): reads the revision in
     * Alembic's version table {@code alembicTable} (null: {@code alembic_version}, in the config's
     * {@code version_table_schema}) and records it as jalchemy's base. When the scripts have no
     * revision of that id, an empty baseline script with it is written into the versions directory
     * (ops-free: the schema is whatever Alembic built), so revisions made afterwards, by hand or with
     * {@code revision --autogenerate} comparing the models with the live schema, continue from it.
     * The jalchemy version table is then stamped with that id; Alembic's table is left as it is, or
     * dropped when {@code dropAlembicTable} (only once no Alembic process migrates this database).
     * Run again on another copy of the database (staging, production) it finds the committed
     * baseline and only stamps. Returns the adopted revision id.
     *
     * <p>Refuses, naming the table: no Alembic table, an empty one (Alembic's base) or several heads
     * (merge them with {@code alembic merge} and upgrade first); an id other than letters, digits and
     * {@code _}; a jalchemy version table at another revision; scripts that already have revisions
     * other than this one (the baseline would start a second root).
     */
    public String stampFromAlembic(String alembicTable, boolean dropAlembicTable) {
        String alembic = alembicTable == null || alembicTable.isBlank() ? ALEMBIC_VERSION_TABLE : alembicTable;
        if (alembic.equals(config.versionTable())) {
            throw new MigrationError("jalchemy's version_table is " + alembic + ", the table Alembic's revision is read"
                    + " from: configure another version_table (default jalchemy_version) to adopt the database");
        }
        String schema = config.versionTableSchema();
        String revision = withConnection(c -> {
            if (!new org.jalchemy.schema.Inspector(c).hasTable(alembic, schema)) {
                throw new MigrationError("No table " + alembic + " in the database: it was not migrated by Alembic, or"
                        + " Alembic's version_table is named otherwise (give it with --alembic-table)");
            }
            List<String> heads = alembicHeads(c, alembic);
            if (heads.isEmpty()) {
                throw new MigrationError("The table " + alembic + " is empty: the database is at Alembic's base;"
                        + " there is no Alembic revision to adopt (run 'upgrade head' with jalchemy's own revisions instead)");
            }
            if (heads.size() > 1) {
                throw new MigrationError("The table " + alembic + " records several Alembic heads " + new TreeSet<>(heads)
                        + ": merge them with 'alembic merge heads', run 'alembic upgrade head', then adopt the merge revision");
            }
            return heads.get(0);
        });
        if (!revision.matches("[A-Za-z0-9_]+")) {
            throw new MigrationError("The Alembic revision id '" + revision + "' in " + alembic + " has characters other"
                    + " than letters, digits and _; jalchemy revision ids cannot hold it");
        }
        RevisionGraph graph = graph();
        if (!graph.contains(revision)) {
            if (scripts != null) {
                throw new MigrationError("No revision " + revision + " among the revisions given in code: add a"
                        + " baseline Migration with that id (no down revision, nothing to run) to adopt Alembic's " + revision);
            }
            if (!graph.isEmpty()) {
                throw new MigrationError("The script directory has revisions (heads " + idsOf(graph.heads()) + ") but"
                        + " none is Alembic's " + revision + ": a baseline would start a second root. Adopt into an empty"
                        + " script directory, or add a revision with id " + revision + " yourself");
            }
            String none = "        // the schema Alembic built up to revision " + revision + "; nothing to run\n";
            Path file = ScriptWriter.write(config.versionsDirectory(), new ScriptWriter.Spec(config.scriptPackage(), revision,
                    List.of(), Set.of(), List.of(), "adopted from Alembic", none, none));
            out.println("  Generating " + file.toAbsolutePath().normalize() + " ... done");
        }
        withLockedConnection(c -> {
            VersionTable vt = versionTable(c);
            vt.ensure(c);
            Set<String> heads = vt.heads(c);
            if (!heads.isEmpty() && !heads.equals(Set.of(revision))) {
                throw new MigrationError("The database is already at jalchemy revision(s) " + heads + " in "
                        + config.versionTable() + ", not Alembic's " + revision + "; it has been adopted before"
                        + " (use 'stamp' to move it by hand)");
            }
            for (String st : vt.moveStatements(heads, Set.of(revision))) {
                c.execDriverSql(st);
            }
            c.commit();
            out.println("  Stamped " + revision + " (adopted from " + alembic + ")");
            if (dropAlembicTable) {
                String q = (schema == null ? "" : c.dialect().quoteIdentifier(schema) + ".") + c.dialect().quoteIdentifier(alembic);
                c.execDriverSql("DROP TABLE " + q);
                c.commit();
                out.println("  Dropped " + alembic);
            } else {
                out.println("  " + alembic + " left in place: Alembic still sees " + revision + " (drop it with"
                        + " --drop-alembic-table once Alembic no longer migrates this database)");
            }
            return null;
        });
        return revision;
    }

    /** The revisions in Alembic's version table {@code table} (in the config's version_table_schema); empty when it is absent or empty. */
    private List<String> alembicHeads(Connection c, String table) {
        String schema = config.versionTableSchema();
        List<String> heads = new ArrayList<>();
        if (!new org.jalchemy.schema.Inspector(c).hasTable(table, schema)) {
            return heads;
        }
        String q = (schema == null ? "" : c.dialect().quoteIdentifier(schema) + ".") + c.dialect().quoteIdentifier(table);
        for (var row : c.execDriverSql("SELECT version_num FROM " + q).all()) {
            heads.add(String.valueOf(row.get(0)));
        }
        return heads;
    }

    /**
     * Refuses to upgrade from base a database Alembic migrated (its {@code alembic_version} has a
     * revision, jalchemy's version table none): jalchemy's revisions would run on a schema they did
     * not build. Adoption ({@link #stampFromAlembic}) checks Alembic's revision against the baseline first.
     */
    private void requireNotAlembicManaged(Connection c) {
        if (config.versionTable().equals(ALEMBIC_VERSION_TABLE)) {
            return;
        }
        List<String> alembic = alembicHeads(c, ALEMBIC_VERSION_TABLE);
        if (!alembic.isEmpty()) {
            throw new MigrationError("The database is migrated by Alembic (" + ALEMBIC_VERSION_TABLE + " is at "
                    + String.join(", ", alembic) + ") and has no jalchemy revision in " + config.versionTable()
                    + ": take it over with 'stamp --from-alembic' before upgrading (docs/sharing-with-sqlalchemy.md)");
        }
    }

    // ------------------------------------------------------------------ listings

    public void current(boolean verbose) {
        RevisionGraph graph = graph();
        withConnection(c -> {
            VersionTable vt = versionTable(c);
            Set<String> heads = vt.heads(c);
            if (heads.isEmpty()) {
                out.println("(base: no revision applied)");
                List<String> alembic = config.versionTable().equals(ALEMBIC_VERSION_TABLE) ? List.of()
                        : alembicHeads(c, ALEMBIC_VERSION_TABLE);
                if (!alembic.isEmpty()) {
                    out.println("Alembic's " + ALEMBIC_VERSION_TABLE + " is at " + String.join(", ", alembic)
                            + ": take the database over with 'stamp --from-alembic'");
                }
            }
            for (String h : heads) {
                if (!graph.contains(h)) {
                    out.println(h + " (not in the script directory)");
                    continue;
                }
                Revision r = graph.get(h);
                out.println(verbose ? describe(graph, r) : line(graph, r));
            }
            VersionTable.Progress p = vt.exists(c) ? vt.progress(c) : null;
            if (p != null) {
                out.println(p.revision() + " is part-way through its " + ("up".equals(p.direction()) ? "upgrade" : "downgrade")
                        + ": " + p.opsDone() + " statement(s) applied; run the command again to finish it");
            }
            return null;
        });
    }

    /** {@code range}: null for all, or {@code a:b} (either side may be empty; {@code current} allowed). */
    public void history(String range, boolean verbose) {
        RevisionGraph graph = graph();
        List<Revision> all = new ArrayList<>(graph.all());
        java.util.Collections.reverse(all);
        Set<String> keep = idsInRange(graph, range);
        for (Revision r : all) {
            if (keep == null || keep.contains(r.id())) {
                out.println(verbose ? describe(graph, r) + "\n" : line(graph, r));
            }
        }
    }

    public void heads(boolean verbose) {
        RevisionGraph graph = graph();
        for (Revision r : graph.heads()) {
            out.println(verbose ? describe(graph, r) : r.id() + labels(r) + " (head)");
        }
    }

    public void branches(boolean verbose) {
        RevisionGraph graph = graph();
        for (Revision r : graph.branchPoints()) {
            out.println(verbose ? describe(graph, r) : r.id() + labels(r) + " (branchpoint)");
            for (Revision c : graph.children(r.id())) {
                out.println("    -> " + line(graph, c));
            }
        }
    }

    /** Details of a revision: an id or prefix, a branch label, or a symbolic target ({@code head}, {@code label@head}). */
    public void show(String revision) {
        RevisionGraph graph = graph();
        boolean symbolic = revision.contains("@") || revision.equals("head") || revision.equals("heads")
                || revision.contains("+") || revision.matches(".*-\\d+");
        if (!symbolic) {
            out.println(describe(graph, graph.get(revision)));
            return;
        }
        for (String id : new TreeSet<>(graph.resolveUpgrade(revision, Set.of()))) {
            out.println(describe(graph, graph.get(id)));
        }
    }

    private static Set<String> idsOf(List<Revision> revs) {
        Set<String> s = new LinkedHashSet<>();
        revs.forEach(r -> s.add(r.id()));
        return s;
    }

    private static String labels(Revision r) {
        return r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(r.branchLabels())) + ")";
    }

    private static String line(RevisionGraph g, Revision r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions())).append(" -> ").append(r.id());
        sb.append(labels(r));
        if (g.children(r.id()).isEmpty()) {
            sb.append(" (head)");
        }
        if (g.children(r.id()).size() > 1) {
            sb.append(" (branchpoint)");
        }
        if (r.isMerge()) {
            sb.append(" (mergepoint)");
        }
        return sb.append(", ").append(r.message()).toString();
    }

    private static String describe(RevisionGraph g, Revision r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Rev: ").append(r.id()).append(g.children(r.id()).isEmpty() ? " (head)" : "")
                .append(r.isMerge() ? " (mergepoint)" : "").append('\n');
        sb.append(r.isMerge() ? "Merges: " : "Parent: ").append(r.downRevisions().isEmpty() ? "<base>"
                : String.join(", ", r.downRevisions())).append('\n');
        if (!r.dependsOn().isEmpty()) {
            sb.append("Also depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
        }
        if (!r.branchLabels().isEmpty()) {
            sb.append("Branch names: ").append(String.join(", ", new TreeSet<>(r.branchLabels()))).append('\n');
        }
        List<Revision> kids = g.children(r.id());
        if (kids.size() > 1) {
            sb.append("Branches into: ").append(String.join(", ", kids.stream().map(Revision::id).toList())).append('\n');
        }
        sb.append("Path: ").append(r.path() != null ? r.path().toString() : r.migration().getClass().getName()).append("\n\n");
        sb.append("    ").append(r.message().replace("\n", "\n    "));
        return sb.toString();
    }

    // ------------------------------------------------------------------ check

    /** True when the models and the database at head agree (the CLI exits non-zero otherwise); prints the differences. */
    public boolean check() {
        RevisionGraph graph = graph();
        Autogenerate.Diff diff = withConnection(c -> {
            requireUpToDate(graph, c, "check");
            return Autogenerate.compare(requireTarget(), c, comparisonOptions());
        });
        if (diff.isEmpty()) {
            out.println("No new upgrade operations detected.");
            return true;
        }
        out.println("New upgrade operations detected:");
        for (MigrateOp op : diff.upgradeOps()) {
            out.println("  " + op.describe());
        }
        return false;
    }

    /** The configured options, with jalchemy's own tables (version, progress, lock) and Alembic's left out. */
    private AutogenerateOptions comparisonOptions() {
        String v = config.versionTable();
        AutogenerateOptions o = autogenerateOptions.ignoreTables(v, v + "_progress", v + "_lock", "alembic_version");
        if (!config.getBoolean("compare_type", true)) {
            o = o.compareType(false);
        }
        if (!config.getBoolean("compare_server_default", true)) {
            o = o.compareServerDefault(false);
        }
        List<java.util.regex.Pattern> include = globs(config.getList("include_tables"));
        List<java.util.regex.Pattern> exclude = globs(config.getList("exclude_tables"));
        if (!include.isEmpty() || !exclude.isEmpty()) {
            AutogenerateOptions.NameFilter previous = o.nameFilter();
            o = o.includeName((name, type, parents) -> {
                if (type == AutogenerateOptions.ObjectType.TABLE) {
                    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(name).matches())) {
                        return false;
                    }
                    if (exclude.stream().anyMatch(p -> p.matcher(name).matches())) {
                        return false;
                    }
                }
                return previous.include(name, type, parents);
            });
        }
        return o;
    }

    /** {@code users}, {@code app_*}, {@code tmp_?} as case-insensitive patterns. */
    private static List<java.util.regex.Pattern> globs(List<String> values) {
        List<java.util.regex.Pattern> out = new ArrayList<>();
        for (String g : values) {
            if (g.isBlank()) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            for (char ch : g.trim().toCharArray()) {
                re.append(ch == '*' ? ".*" : ch == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
            out.add(java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.CASE_INSENSITIVE));
        }
        return out;
    }

    /** Lints the scripts of {@code range} (null: all); returns the number of findings not silenced. */
    public int lint(String range) {
        return lint(range, false, false);
    }

    /**
     * Lints the scripts of {@code range} ({@code a:b} as {@code history} takes it; null: all) for the
     * configured database and the target models (see docs/migrations-lint.md), prints the findings as
     * text or JSON ({@code verbose}: the silenced ones too) and returns the number of errors and
     * warnings not silenced. Needs no connection unless the range names {@code current}.
     */
    public int lint(String range, boolean json, boolean verbose) {
        RevisionGraph graph = graph();
        Set<String> keep = idsInRange(graph, range);
        List<Migration> all = graph.all().stream().map(Revision::migration).toList();
        return LintCommand.print(LintCommand.lint(all, keep, dialect(), targetMetadata(), config), out, json, verbose);
    }

    /** The revision ids of {@code range} as history and lint take it ({@code a:b}, either side optional); null for all. */
    private Set<String> idsInRange(RevisionGraph graph, String range) {
        if (range == null || range.isBlank()) {
            return null;
        }
        String[] r = range(range.contains(":") ? range : range + ":");
        Set<String> current = (r[0] != null && r[0].equals("current")) || (r[1] != null && r[1].equals("current"))
                ? withConnection(c -> versionTable(c).heads(c)) : Set.of();
        Set<String> upper = r[1] == null || r[1].isBlank() || r[1].equals("heads") ? idsOf(graph.heads())
                : r[1].equals("current") ? current : graph.resolveUpgrade(r[1], current);
        Set<String> keep = graph.ancestorsOrSelf(upper);
        if (r[0] != null && !r[0].isBlank() && !r[0].equals("base")) {
            Set<String> lower = r[0].equals("current") ? current : graph.resolveUpgrade(r[0], current);
            Set<String> below = new HashSet<>(graph.ancestorsOrSelf(lower));
            below.removeAll(lower);
            keep.removeAll(below);
        }
        return keep;
    }


    // ------------------------------------------------------------------ plumbing

    private void requireUpToDate(RevisionGraph graph, Connection c, String what) {
        Set<String> heads = versionTable(c).heads(c);
        Set<String> scriptHeads = idsOf(graph.heads());
        if (!new TreeSet<>(heads).equals(new TreeSet<>(scriptHeads))) {
            throw new MigrationError("Target database is not up to date (it is at " + (heads.isEmpty() ? "base" : heads)
                    + ", the scripts' heads are " + (scriptHeads.isEmpty() ? "none" : scriptHeads) + "): run 'upgrade heads' before " + what);
        }
    }

    private MetaData requireTarget() {
        MetaData m = targetMetadata();
        if (m == null) {
            throw new MigrationError("No target models to compare with: set target_entities, target_registry or"
                    + " target_metadata in " + config.file().getFileName());
        }
        return m;
    }

    private MetaData targetMetadata() {
        if (!targetSet) {
            target = TargetMetadata.load(config, loader());
            targetSet = true;
        }
        return target;
    }

    private NamingConvention convention() {
        MetaData m;
        try {
            m = targetMetadata();
        } catch (MigrationError e) {
            m = null; // the naming convention is optional for running scripts
        }
        return m == null ? NamingConvention.DEFAULT : m.namingConvention();
    }

    private ClassLoader loader() {
        if (classLoader == null) {
            List<URL> urls = new ArrayList<>();
            for (Path p : config.classpath()) {
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new MigrationError("Bad classpath entry " + p + " in " + config.file(), e);
                }
            }
            classLoader = urls.isEmpty() ? Commands.class.getClassLoader()
                    : new URLClassLoader(urls.toArray(URL[]::new), Commands.class.getClassLoader());
        }
        return classLoader;
    }

    private RevisionGraph graph() {
        ScriptSource s = scripts != null ? scripts
                : ScriptSource.directory(config.versionsDirectory(), config.scriptLocation().resolve(".jalchemy-cache"),
                config.classpath());
        return new RevisionGraph(s.load());
    }

    private VersionTable versionTable(Connection c) {
        return new VersionTable(c.dialect(), config.versionTable(), config.versionTableSchema());
    }

    /** The engine's dialect, or the configured URL's without connecting. */
    private org.jalchemy.dialect.Dialect dialect() {
        return engine != null ? engine.dialect() : org.jalchemy.dialect.Dialects.get(org.jalchemy.engine.URL.parse(config.url()).backend());
    }

    private OfflineScript offline(RevisionGraph graph) {
        var dialect = dialect();
        return new OfflineScript(dialect, graph, new VersionTable(dialect, config.versionTable(), config.versionTableSchema()),
                convention(), config.transactionPerRevision(), out);
    }

    private static String[] range(String target) {
        int colon = target.indexOf(':');
        if (colon < 0) {
            return new String[]{null, target};
        }
        String a = target.substring(0, colon).trim();
        String b = target.substring(colon + 1).trim();
        return new String[]{a.isEmpty() ? null : a, b.isEmpty() ? "heads" : b};
    }

    private <R> R withConnection(Function<Connection, R> work) {
        Engine e = engine != null ? engine : Jalchemy.createEngine(config.url(),
                o -> o.poolSize(1).maxOverflow(0).echo(config.getBoolean("echo", false)));
        try (Connection c = e.connect()) {
            R r = work.apply(c);
            c.commit();
            return r;
        } finally {
            if (engine == null) {
                e.dispose();
            }
        }
    }

    private <R> R withLockedConnection(Function<Connection, R> work) {
        return withConnection(c -> {
            try (MigrationLock lock = MigrationLock.acquire(c, versionTable(c), lockTimeout)) {
                return work.apply(c);
            }
        });
    }
}
