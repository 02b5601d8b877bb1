package org.jalchemy.migrate;

import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.script.ClasspathScripts;
import org.jalchemy.migrate.script.ScriptSource;
import org.jalchemy.schema.MetaData;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Migrations from inside an application, typically at start-up before serving (Flyway's
 * {@code Flyway.migrate()}, Alembic's {@code command.upgrade} called from code):
 * <pre>{@code
 * Migrator.upgrade(engine, "head");                         // the scripts of package "migrations"
 * Migrator.upgrade(engine, "head", "com.acme.db.migrations");
 * Migrator.builder(engine).scripts(List.of(new R_1975ea83b712_create_users(), new R_ae1027a6acf_add_email()))
 *         .build().upgrade("head");
 * }</pre>
 * The scripts are the same classes the CLI compiles from the versions directory (whose
 * {@code package} the config names; {@code init} writes {@code migrations}), here compiled into the
 * application and found on its class path ({@link ClasspathScripts}). The engine stays the caller's. Progress lines go to the given stream
 * (default: nowhere). Concurrent application instances are serialised by the migration lock: the
 * second waits for the first and then finds nothing to do.
 */
public final class Migrator {
    private final Engine engine;
    private final ScriptSource scripts;
    private final MigrateConfig config;
    private final MetaData target;
    private final PrintStream out;

    private Migrator(Builder b) {
        this.engine = b.engine;
        this.scripts = b.scripts;
        this.config = MigrateConfig.of(Path.of("."), b.settings);
        this.target = b.target;
        this.out = b.out;
    }

    /** The package {@code init} gives revision scripts, where {@link #upgrade(Engine, String)} looks for them. */
    public static final String DEFAULT_PACKAGE = "migrations";

    /** Upgrades to {@code target} with the revision scripts of package {@value #DEFAULT_PACKAGE} on the class path. */
    public static void upgrade(Engine engine, String target) {
        upgrade(engine, target, DEFAULT_PACKAGE);
    }

    /** Upgrades to {@code target} with the revision scripts of package {@code scriptPackage} on the class path. */
    public static void upgrade(Engine engine, String target, String scriptPackage) {
        builder(engine).scriptsInPackage(scriptPackage).build().upgrade(target);
    }

    /** Upgrades {@code engine}'s database to {@code target} with the given revision scripts. */
    public static void upgrade(Engine engine, String target, List<? extends Migration> scripts) {
        builder(engine).scripts(scripts).build().upgrade(target);
    }

    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    private Commands commands() {
        Commands c = new Commands(config, out).engine(engine).scripts(scripts);
        return target != null ? c.target(target) : c;
    }

    public void upgrade(String target) {
        commands().upgrade(target, false);
    }

    public void downgrade(String target) {
        commands().downgrade(target, false);
    }

    public void stamp(String revision) {
        commands().stamp(List.of(revision), false, false);
    }

    /** Prints the current revision(s) to the builder's stream. */
    public void current() {
        commands().current(false);
    }

    /** True when the target models and the database agree (needs {@link Builder#target}). */
    public boolean check() {
        return commands().check();
    }

    /** Configures a {@link Migrator}. */
    public static final class Builder {
        private final Engine engine;
        private ScriptSource scripts;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private MetaData target;
        private PrintStream out = new PrintStream(OutputStream.nullOutputStream());

        private Builder(Engine engine) {
            this.engine = engine;
        }

        public Builder scripts(List<? extends Migration> migrations) {
            this.scripts = ScriptSource.of(migrations);
            return this;
        }

        /**
         * The {@link Migration}s of package {@code pkg} (and sub-packages) on the context class loader's
         * class path; the first command raises {@link MigrationError} naming the package when there are none.
         */
        public Builder scriptsInPackage(String pkg) {
            this.scripts = () -> {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                List<Migration> found = ClasspathScripts.scan(pkg, cl != null ? cl : Migrator.class.getClassLoader());
                if (found.isEmpty()) {
                    throw new MigrationError("No revision scripts (classes implementing Migration) in package '" + pkg
                            + "' on the class path: compile the versions directory into the application under that"
                            + " package (the 'package' of the migration config), or name the package");
                }
                return found.stream().map(m -> org.jalchemy.migrate.script.Revision.of(m, null)).toList();
            };
            return this;
        }

        public Builder scripts(ScriptSource source) {
            this.scripts = source;
            return this;
        }

        public Builder versionTable(String name) {
            settings.put("version_table", name);
            return this;
        }

        public Builder transactionPerRevision(boolean value) {
            settings.put("transaction_per_revision", value);
            return this;
        }

        /** The models, for {@link Migrator#check()} and the naming convention of generated constraint names. */
        public Builder target(MetaData metadata) {
            this.target = metadata;
            return this;
        }

        public Builder out(PrintStream stream) {
            this.out = stream;
            return this;
        }

        public Migrator build() {
            if (scripts == null) {
                throw new MigrationError("Migrator needs its revision scripts: builder(engine).scripts(...)");
            }
            return new Migrator(this);
        }
    }
}
