package org.jalchemy.cli;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.Db;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's project for the CLI tests: a directory with the config, the script directory, a models
 * class compiled into {@code models/} (the config's {@code classpath}), and the database of one
 * backend (SQLite: a file in the directory; PostgreSQL/MariaDB: the module's test database, whose
 * tables this workspace drops first).
 */
final class Workspace implements AutoCloseable {
    final Path dir;
    final Backend backend;
    final String url;
    final String table;
    final String versionTable;
    final Path config;
    final Path models;
    private final Engine engine;

    Workspace(Path dir, Backend backend, String table, String versionTable) {
        this.dir = dir;
        this.backend = backend;
        this.table = table;
        this.versionTable = versionTable;
        this.url = backend.isSqlite() ? "sqlite:///" + dir.toAbsolutePath().resolve("app.db") : backend.url();
        this.config = dir.resolve("jalchemy.toml");
        this.models = dir.resolve("models");
        this.engine = backend.isSqlite() ? Jalchemy.createEngine(url) : backend.engine();
        if (!backend.isSqlite()) {
            Db.dropTables(engine, table, versionTable);
        }
    }

    /** The arguments every command gets: the config file and the overrides naming the database and models. */
    List<String> common() {
        return List.of("-c", config.toString(), "-x", "url=" + url, "-x", "version_table=" + versionTable,
                "-x", "classpath=" + models, "-x", "target_entities=com.example.models.User");
    }

    /** {@code jalchemy migrate <common> args...} in-process. */
    CliTest.Run migrate(String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(common());
        all.addAll(List.of(args));
        return CliTest.jalchemy(all.toArray(String[]::new));
    }

    /** Like {@link #migrate} but fails the test unless the command exits 0. */
    CliTest.Run ok(String... args) {
        CliTest.Run r = migrate(args);
        assertThat(r.code()).as("jalchemy migrate %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.out(), r.err()).isZero();
        return r;
    }

    /** Writes and compiles the models: {@code User} on {@link #table}, with an {@code email} column when asked. */
    void compileModels(boolean withEmail) throws IOException {
        Path src = Files.createDirectories(dir.resolve("models-src/com/example/models"));
        Files.createDirectories(models);
        Path user = src.resolve("User.java");
        Files.writeString(user, """
                package com.example.models;

                import org.jalchemy.orm.annotations.Column;
                import org.jalchemy.orm.annotations.Entity;
                import org.jalchemy.orm.annotations.Id;

                @Entity(table = "%s")
                public class User {
                    @Id
                    @Column(autoincrement = Column.Autoincrement.TRUE)
                    public Integer id;
                    @Column(nullable = false, length = 50)
                    public String username;
                %s
                    protected User() {
                    }
                }
                """.formatted(table, withEmail ? "    @Column(nullable = true, length = 120)\n    public String email;\n" : ""));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", models.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none", user.toString());
        assertThat(rc).as("models compile").isZero();
    }

    /** The revision scripts written so far. */
    List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("migrations/versions"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The script {@code revision} wrote: the one path in {@code after} not in {@code before}. */
    static Path newScript(List<Path> before, List<Path> after) {
        List<Path> added = new ArrayList<>(after);
        added.removeAll(before);
        assertThat(added).as("one new revision script").hasSize(1);
        return added.get(0);
    }

    /** The revision id a script declares ({@code revision() { return "..."; }}). */
    static String revisionOf(Path script) throws IOException {
        Matcher m = Pattern.compile("revision\\(\\)\\s*\\{\\s*return\\s*\"([^\"]+)\"").matcher(Files.readString(script));
        assertThat(m.find()).as("revision id in %s", script).isTrue();
        return m.group(1);
    }

    /** Fills the bodies of a generated script's upgrade and downgrade with the given statements. */
    static void fill(Path script, String upgrade, String downgrade) throws IOException {
        String s = Files.readString(script);
        String filled = insertAfter(insertAfter(s, "void upgrade\\(Ops op\\)\\s*\\{", upgrade), "void downgrade\\(Ops op\\)\\s*\\{", downgrade);
        Files.writeString(script, filled);
    }

    private static String insertAfter(String s, String regex, String body) {
        Matcher m = Pattern.compile(regex).matcher(s);
        assertThat(m.find()).as("%s in the generated script:\n%s", regex, s).isTrue();
        return s.substring(0, m.end()) + "\n        " + body + "\n" + s.substring(m.end());
    }

    /** The column names of {@code table}, or an empty list when the table does not exist. */
    List<String> columns(String table) {
        try (Connection c = engine.connect()) {
            Inspector i = new Inspector(c);
            if (!i.hasTable(table)) {
                return List.of();
            }
            return i.getColumns(table).stream().map(Reflected.Column::name).toList();
        }
    }

    @Override
    public void close() {
        if (backend.isSqlite()) {
            engine.dispose();
        } else {
            Db.dropTables(engine, table, versionTable);
        }
    }
}
