package org.jalchemy.migrate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.jalchemy.migrate.MigrationError;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of a migration environment (Alembic's {@code alembic.ini} plus {@code env.py}), read
 * from {@code jalchemy.toml} (a {@code [migrate]} table) or {@code jalchemy.properties} (the same
 * keys, lists comma-separated). Keys:
 * <ul>
 *   <li>{@code script_location}: the script directory, relative to the config file ({@code migrations});</li>
 *   <li>{@code url}: the database; overridden by the environment variable {@code JALCHEMY_URL}, and
 *       that by {@code -x url=...};</li>
 *   <li>the target metadata for autogenerate, one of {@code target_entities} (entity classes),
 *       {@code target_registry} ({@code com.app.Models#REGISTRY}: a static field or no-argument static
 *       method returning a {@code Registry}) or {@code target_metadata} (a class implementing
 *       {@code Supplier<MetaData>}, or {@code Class#member} returning a MetaData);</li>
 *   <li>{@code classpath}: entries (relative to the config file) the CLI loads those classes and the
 *       scripts' dependencies from, e.g. {@code target/classes};</li>
 *   <li>{@code package}: the Java package of the revision scripts (empty: none);</li>
 *   <li>{@code version_table} ({@code jalchemy_version}), {@code version_table_schema};</li>
 *   <li>{@code transaction_per_revision} (false: one transaction per run where DDL is transactional);</li>
 *   <li>{@code compare_type}, {@code compare_server_default} (autogenerate switches, true);</li>
 *   <li>{@code include_tables}, {@code exclude_tables}: table-name patterns ({@code *}, {@code ?}) that
 *       autogenerate and {@code check} compare, or leave alone (Alembic's {@code include_name} hook,
 *       for the common case of sharing a database with tables the models do not own).</li>
 * </ul>
 * Immutable; {@code withOverrides} gives a copy with {@code -x} values applied.
 */
public final class MigrateConfig {
    public static final String DEFAULT_VERSION_TABLE = "jalchemy_version";

    private final Path file;
    private final Map<String, Object> fileValues;
    private final Map<String, String> overrides;
    private final Map<String, Object> values;

    private MigrateConfig(Path file, Map<String, Object> fileValues, Map<String, String> overrides) {
        this.file = file;
        this.fileValues = Map.copyOf(fileValues);
        this.overrides = Map.copyOf(overrides);
        Map<String, Object> v = new LinkedHashMap<>(fileValues);
        v.putAll(overrides);
        this.values = Map.copyOf(v);
    }

    /** A config built in code (tests, Maven plugin, programmatic use); {@code baseDir} resolves relative paths. */
    public static MigrateConfig of(Path baseDir, Map<String, ?> values) {
        return new MigrateConfig(baseDir.toAbsolutePath().resolve("jalchemy.toml"), new LinkedHashMap<>(values), Map.of());
    }

    /** Reads {@code file} ({@code .toml} or {@code .properties}); raises naming the file when unreadable. */
    public static MigrateConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MigrationError("No migration config at " + file.toAbsolutePath()
                    + ": run 'jalchemy migrate init migrations' first, or pass -c/--config");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file)) {
            if (file.getFileName().toString().endsWith(".properties")) {
                Properties p = new Properties();
                p.load(r);
                for (String k : p.stringPropertyNames()) {
                    values.put(k, p.getProperty(k).trim());
                }
            } else {
                JsonNode root = new TomlMapper().readTree(r);
                JsonNode section = root.has("migrate") ? root.get("migrate") : root;
                section.fields().forEachRemaining(e -> values.put(e.getKey(), toJava(e.getValue())));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MigrationError me) {
                throw me;
            }
            throw new MigrationError("Cannot read migration config " + file + ": " + e.getMessage(), e);
        }
        return new MigrateConfig(file.toAbsolutePath(), values, Map.of());
    }

    /** Finds {@code jalchemy.toml} or {@code jalchemy.properties} in {@code dir}; null when neither exists. */
    public static Path find(Path dir) {
        for (String n : List.of("jalchemy.toml", "jalchemy.properties")) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Object toJava(JsonNode n) {
        if (n.isArray()) {
            List<String> out = new ArrayList<>();
            n.forEach(x -> out.add(x.asText()));
            return out;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.asText();
    }

    /** A copy with {@code overrides} (from {@code -x key=value}) applied over the file's values. */
    public MigrateConfig withOverrides(Map<String, String> more) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.putAll(more);
        return new MigrateConfig(file, fileValues, o);
    }

    public Path file() {
        return file;
    }

    /** The directory of the config file: relative paths resolve against it. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public String get(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        return v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
    }

    public List<String> getList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        List<String> out = new ArrayList<>();
        for (String s : String.valueOf(v).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    public boolean getBoolean(String key, boolean dflt) {
        String v = get(key);
        return v == null || v.isBlank() ? dflt : Boolean.parseBoolean(v.trim());
    }

    /** The database URL: {@code -x url=} over {@code JALCHEMY_URL} over the file's {@code url}. */
    public String url() {
        return url(System.getenv("JALCHEMY_URL"));
    }

    /** {@link #url()} with the environment's value given (testable). */
    public String url(String envUrl) {
        String u = overrides.get("url");
        if (u == null || u.isBlank()) {
            u = envUrl;
        }
        if (u == null || u.isBlank()) {
            Object f = fileValues.get("url");
            u = f == null ? null : String.valueOf(f);
        }
        if (u == null || u.isBlank()) {
            throw new MigrationError("No database URL: set 'url' in " + file.getFileName()
                    + ", the JALCHEMY_URL environment variable, or -x url=...");
        }
        return u;
    }

    public Path scriptLocation() {
        String s = get("script_location");
        return baseDir().resolve(s == null || s.isBlank() ? "migrations" : s);
    }

    public Path versionsDirectory() {
        return scriptLocation().resolve("versions");
    }

    public String versionTable() {
        String v = get("version_table");
        return v == null || v.isBlank() ? DEFAULT_VERSION_TABLE : v;
    }

    public String versionTableSchema() {
        String v = get("version_table_schema");
        return v == null || v.isBlank() ? null : v;
    }

    /** The revision scripts' package, or "" for none. */
    public String scriptPackage() {
        String v = get("package");
        return v == null ? "" : v.trim();
    }

    public List<Path> classpath() {
        return getList("classpath").stream().map(baseDir()::resolve).toList();
    }

    public boolean transactionPerRevision() {
        return getBoolean("transaction_per_revision", false);
    }

    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return "MigrateConfig(" + file + ")";
    }
}
