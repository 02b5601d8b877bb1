package org.jalchemy.migrate;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.script.ScriptSource;
import org.jalchemy.schema.Inspector;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared set-up for migration tests: a clean database, commands over in-code revisions, captured output. */
public final class MigrateTesting {
    private MigrateTesting() {
    }

    /** Drops {@code tables} (in order) and the version tables of {@code versionTable}. */
    public static void reset(Engine e, String versionTable, String... tables) {
        try (Connection c = e.connect()) {
            for (String t : tables) {
                c.execDriverSql("DROP TABLE IF EXISTS " + e.dialect().quoteIdentifier(t));
            }
            for (String t : List.of(versionTable, versionTable + "_progress", versionTable + "_lock")) {
                c.execDriverSql("DROP TABLE IF EXISTS " + e.dialect().quoteIdentifier(t));
            }
            c.commit();
        }
    }

    /** Commands on {@code e} with the given revisions and version table; output captured in {@code out}. */
    public static Commands commands(Engine e, String versionTable, ByteArrayOutputStream out, List<? extends Migration> revisions) {
        MigrateConfig cfg = MigrateConfig.of(Path.of("target"), Map.of("version_table", versionTable));
        return new Commands(cfg, new PrintStream(out, true, StandardCharsets.UTF_8)).engine(e).scripts(ScriptSource.of(revisions));
    }

    public static List<String> columns(Engine e, String table) {
        return new Inspector(e).getColumns(table).stream().map(c -> c.name()).toList();
    }

    public static List<String> versions(Engine e, String versionTable) {
        try (Connection c = e.connect()) {
            return c.execDriverSql("SELECT version_num FROM " + e.dialect().quoteIdentifier(versionTable) + " ORDER BY version_num")
                    .all().stream().map(r -> String.valueOf(r.get(0))).toList();
        }
    }
}
