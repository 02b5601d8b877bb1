package org.jalchemy.migrate;

import org.jalchemy.migrate.config.MigrateConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The migration commands (Alembic's {@code alembic.command}), shared by the CLI
 * ({@code jalchemy migrate ...}), the Maven plugin ({@code jalchemy:upgrade ...}) and programs.
 * Each call opens what it needs (engine, scripts) and closes it before returning; progress and
 * listings go to {@code out}. Errors are {@link MigrationError}s (bad target, unknown revision,
 * script that does not compile, held lock) or the engine's database errors.
 *
 * <p>Targets: {@code head}, {@code heads}, {@code base}, {@code +N}/{@code -N}, {@code <rev>+N},
 * a full id or unique prefix, {@code branch@head}, {@code <rev>@head}; ranges {@code a:b} for
 * {@code --sql} and {@code history}.
 *
 * <p>STUB signatures: the implementation lands on main next; the CLI and Maven plugin code against these.
 */
public final class Commands {
    private final MigrateConfig config;
    private final PrintStream out;

    public Commands(MigrateConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public MigrateConfig config() {
        return config;
    }

    /**
     * Creates {@code directory} (must not exist or be empty) with {@code versions/} and a README, and
     * the config file ({@code configFile}, {@code .toml} or {@code .properties}) pointing at it.
     */
    public static void init(Path directory, Path configFile, PrintStream out) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Options of {@code revision}. {@code revId} null: a random 12-hex id. */
    public record RevisionOptions(String message, boolean autogenerate, String head, boolean splice,
                                  String branchLabel, String revId, List<String> dependsOn) {
        public static RevisionOptions of(String message) {
            return new RevisionOptions(message, false, "head", false, null, null, List.of());
        }

        public RevisionOptions autogenerate(boolean value) {
            return new RevisionOptions(message, value, head, splice, branchLabel, revId, dependsOn);
        }
    }

    /** Writes a new revision script; returns its path. */
    public Path revision(RevisionOptions options) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Writes a merge revision of {@code revisions} (e.g. {@code heads}); returns its path. */
    public Path merge(List<String> revisions, String message) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Upgrades to {@code target}; with {@code sql} prints the script instead ({@code target} may be a range {@code a:b}). */
    public void upgrade(String target, boolean sql) {
        throw new UnsupportedOperationException("in progress");
    }

    public void downgrade(String target, boolean sql) {
        throw new UnsupportedOperationException("in progress");
    }

    public void current(boolean verbose) {
        throw new UnsupportedOperationException("in progress");
    }

    /** {@code range}: null for all, or {@code a:b} (either side may be empty, {@code current} allowed). */
    public void history(String range, boolean verbose) {
        throw new UnsupportedOperationException("in progress");
    }

    public void heads(boolean verbose) {
        throw new UnsupportedOperationException("in progress");
    }

    public void branches(boolean verbose) {
        throw new UnsupportedOperationException("in progress");
    }

    public void show(String revision) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Sets the version table to {@code revisions} without running anything; {@code purge} empties it first. */
    public void stamp(List<String> revisions, boolean sql, boolean purge) {
        throw new UnsupportedOperationException("in progress");
    }

    /** True when the models and the database at head agree (the CLI exits non-zero otherwise); prints the differences. */
    public boolean check() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Lints the scripts of {@code range} (null: all); returns the number of findings not silenced. */
    public int lint(String range) {
        throw new UnsupportedOperationException("in progress");
    }
}
