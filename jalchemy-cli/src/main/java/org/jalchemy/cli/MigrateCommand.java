package org.jalchemy.cli;

import org.jalchemy.engine.URL;
import org.jalchemy.migrate.Commands;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.config.MigrateConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jalchemy migrate <command>}: Alembic's command line over {@link Commands}. Each
 * subcommand maps one-to-one onto a {@code Commands} method; this class only parses, finds the
 * config and turns results into exit codes.
 *
 * <p>The config file is {@code -c/--config}, else the environment variable {@code JALCHEMY_CONFIG},
 * else {@code jalchemy.toml} or {@code jalchemy.properties} in the working directory. {@code -x
 * key=value} (repeatable) overrides any config key for this run ({@code -x url=...} the database).
 * {@code -c}, {@code -x} and {@code --debug} may stand before or after the command.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
        description = "Schema migrations (Alembic for Java): revision scripts in Java, upgrade/downgrade, autogenerate.",
        footer = {"", "Targets: head, heads, base, +N/-N, <rev>+N, a revision id or unique prefix, branch@head.",
                "Exit codes: 0 ok, 1 error (and check/lint findings), 2 usage."})
final class MigrateCommand implements Callable<Integer> {
    private final JalchemyCli top;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "The config file (jalchemy.toml or jalchemy.properties). Default: $JALCHEMY_CONFIG, else the one in the working directory.")
    Path config;

    @Option(names = "-x", paramLabel = "KEY=VALUE", scope = CommandLine.ScopeType.INHERIT,
            description = "Override a config key for this run, e.g. -x url=postgresql://u@host/db (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    MigrateCommand(JalchemyCli top) {
        this.top = top;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(top.err());
        return JalchemyCli.USAGE;
    }

    // ------------------------------------------------------------------ config

    /** The config file this run names (-c, $JALCHEMY_CONFIG, or the working directory's). */
    Path configFile() {
        List<Path> given = JalchemyCli.matchedValues(spec.commandLine().getParseResult(), "--config");
        if (!given.isEmpty()) {
            return given.get(given.size() - 1);
        }
        String env = System.getenv("JALCHEMY_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path found = MigrateConfig.find(cwd);
        return found != null ? found : cwd.resolve("jalchemy.toml");
    }

    Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        for (Map<String, String> m : JalchemyCli.<Map<String, String>>matchedValues(spec.commandLine().getParseResult(), "-x")) {
            o.putAll(m);
        }
        return o;
    }

    private MigrateConfig loadedConfig;

    MigrateConfig loadConfig() {
        if (loadedConfig == null) {
            loadedConfig = MigrateConfig.load(configFile()).withOverrides(overrides());
        }
        return loadedConfig;
    }

    private Commands commands() {
        return new Commands(loadConfig(), top.out());
    }

    /** Passwords to mask in errors: the configured URL's, as far as it can be known. */
    List<String> secrets() {
        List<String> out = new ArrayList<>();
        try {
            String u = overrides().get("url");
            if (u == null && loadedConfig != null) {
                u = loadedConfig.url();
            }
            if (u != null) {
                String p = URL.parse(u).password();
                if (p != null) {
                    out.add(p);
                }
            }
        } catch (RuntimeException e) {
            // no URL, or not parseable: the generic masking still applies
        }
        return out;
    }

    // ------------------------------------------------------------------ commands

    @Command(name = "init", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
            description = "Create a migration environment: DIR with versions/ and a README, and the config file (-c, else $JALCHEMY_CONFIG, else ./jalchemy.toml) pointing at it.")
    int init(@Parameters(paramLabel = "DIR", description = "The script directory to create, e.g. migrations.") Path directory) {
        List<Path> given = JalchemyCli.matchedValues(spec.commandLine().getParseResult(), "--config");
        String env = System.getenv("JALCHEMY_CONFIG");
        Path file = !given.isEmpty() ? given.get(given.size() - 1)
                : env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath().resolve("jalchemy.toml");
        Commands.init(directory, file, top.out());
        return JalchemyCli.OK;
    }

    @Command(name = "revision", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "Write a new revision script.")
    int revision(
            @Option(names = {"-m", "--message"}, description = "The revision's message (also its file name's slug).") String message,
            @Option(names = "--autogenerate", description = "Fill the script with the differences between the models and the database.") boolean autogenerate,
            @Option(names = "--head", defaultValue = "head", paramLabel = "REV",
                    description = "The head the new revision follows (default: head; branch@head for a branch).") String head,
            @Option(names = "--splice", description = "Allow --head to name a revision that is not a head (starts a branch).") boolean splice,
            @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision.") String branchLabel,
            @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.") String revId,
            @Option(names = "--depends-on", paramLabel = "REV", split = ",",
                    description = "Revisions this one depends on without being their child (repeatable, or comma-separated).") List<String> dependsOn) {
        Commands.RevisionOptions options = new Commands.RevisionOptions(message, autogenerate, head, splice, branchLabel, revId,
                dependsOn == null ? List.of() : List.copyOf(dependsOn));
        commands().revision(options);
        return JalchemyCli.OK;
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "Write a revision that merges two or more heads.")
    int merge(@Parameters(paramLabel = "REV", arity = "1..*", description = "The revisions to merge, e.g. heads.") List<String> revisions,
              @Option(names = {"-m", "--message"}) String message) {
        commands().merge(revisions, message);
        return JalchemyCli.OK;
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
            description = "Upgrade to TARGET (head, +N, a revision...); with --sql print the SQL of a range (base:head) instead.")
    int upgrade(@Parameters(paramLabel = "TARGET") String target,
                @Option(names = "--sql", description = "Offline: print the SQL, touch no database.") boolean sql) {
        commands().upgrade(target, sql);
        return JalchemyCli.OK;
    }

    @Command(name = "downgrade", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
            description = "Downgrade to TARGET (-1, base, a revision...); with --sql print the SQL of a range (head:base) instead.")
    int downgrade(@Parameters(paramLabel = "TARGET") String target,
                  @Option(names = "--sql", description = "Offline: print the SQL, touch no database.") boolean sql) {
        commands().downgrade(target, sql);
        return JalchemyCli.OK;
    }

    @Command(name = "current", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "Show the database's current revision(s).")
    int current(@Option(names = {"-v", "--verbose"}) boolean verbose) {
        commands().current(verbose);
        return JalchemyCli.OK;
    }

    @Command(name = "history", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "List revisions, newest first.")
    int history(@Option(names = {"-r", "--rev-range"}, paramLabel = "A:B",
                        description = "Only this range (either side may be empty; 'current' allowed).") String range,
                @Option(names = {"-v", "--verbose"}) boolean verbose) {
        commands().history(range, verbose);
        return JalchemyCli.OK;
    }

    @Command(name = "heads", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "Show the head revisions of the scripts.")
    int heads(@Option(names = {"-v", "--verbose"}) boolean verbose) {
        commands().heads(verbose);
        return JalchemyCli.OK;
    }

    @Command(name = "branches", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "Show the branch points.")
    int branches(@Option(names = {"-v", "--verbose"}) boolean verbose) {
        commands().branches(verbose);
        return JalchemyCli.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class, description = "Show one revision.")
    int show(@Parameters(paramLabel = "REV") String revision) {
        commands().show(revision);
        return JalchemyCli.OK;
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
            description = {"Set the version table to REV without running any migration.",
                    "With --from-alembic: take over a database migrated by Alembic, recording the revision in"
                            + " alembic_version as jalchemy's base (writing an empty baseline revision with that id when"
                            + " the scripts have none)."})
    int stamp(@Parameters(paramLabel = "REV", arity = "0..*") List<String> revisions,
              @Option(names = "--sql", description = "Offline: print the SQL, touch no database.") boolean sql,
              @Option(names = "--purge", description = "Empty the version table first (it may name unknown revisions).") boolean purge,
              @Option(names = "--from-alembic", description = "Adopt the revision Alembic's version table records (no REV).") boolean fromAlembic,
              @Option(names = "--alembic-table", paramLabel = "TABLE", description = "Alembic's version table (default alembic_version).") String alembicTable,
              @Option(names = "--drop-alembic-table", description = "With --from-alembic: drop Alembic's version table after stamping.") boolean dropAlembic) {
        boolean noRevisions = revisions == null || revisions.isEmpty();
        if (fromAlembic) {
            if (!noRevisions || sql || purge) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "stamp --from-alembic takes no REV and neither --sql nor --purge");
            }
            commands().stampFromAlembic(alembicTable, dropAlembic);
            return JalchemyCli.OK;
        }
        if (noRevisions || alembicTable != null || dropAlembic) {
            throw new CommandLine.ParameterException(spec.commandLine(), noRevisions
                    ? "stamp needs a REV (or --from-alembic)" : "--alembic-table and --drop-alembic-table go with --from-alembic");
        }
        commands().stamp(revisions, sql, purge);
        return JalchemyCli.OK;
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
            description = "Exit 1 when the models and the database (at head) differ; for CI.")
    int check() {
        if (commands().check()) {
            return JalchemyCli.OK;
        }
        throw new MigrationError("The models and the database differ: run 'jalchemy migrate revision --autogenerate'");
    }

    @Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
            description = "Flag operations that lock or rewrite big tables or lose data; exit 1 when any is not silenced.")
    int lint(@Parameters(paramLabel = "RANGE", arity = "0..1", description = "Only these revisions (a:b); default all.") String range,
             @Option(names = "--json", description = "Print the report as JSON.") boolean json,
             @Option(names = {"-v", "--verbose"}, description = "Also print the silenced findings.") boolean verbose) {
        int findings = commands().lint(range, json, verbose);
        if (findings == 0) {
            return JalchemyCli.OK;
        }
        throw new MigrationError("lint: " + findings + " finding" + (findings == 1 ? "" : "s")
                + " (silence one with op.ignoring(\"rule-id\") or op.safetyAssured() once it is safe)");
    }
}
