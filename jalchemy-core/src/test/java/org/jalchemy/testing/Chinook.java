package org.jalchemy.testing;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.jalchemy.sql.Sql.text;

/**
 * The Chinook sample schema for tests (test resources {@code /chinook/<backend>.sql}: each vendor
 * script's DDL plus the genre and media type rows): an isolated empty database per use and the
 * script loaded into it. Isolation: a PostgreSQL schema {@code chinook_<suffix>} of the test
 * database, a MariaDB database {@code <testdb>_chinook_<suffix>}, a SQLite file under
 * {@code target/}. The caller disposes the engines it gets.
 */
public final class Chinook {
    private Chinook() {
    }

    /** The backend's spelling of a Chinook name: snake_case on PostgreSQL, CamelCase elsewhere. */
    public static String name(Backend b, String snake) {
        if (b.isPostgresql()) {
            return snake;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** An empty database/schema for {@code suffix} on the backend (dropped first), and an engine whose default it is. */
    public static Engine emptyDatabase(Backend b, String suffix) {
        if (b.isSqlite()) {
            Path file = Path.of("target", "chinook_" + suffix + "_" + ProcessHandle.current().pid() + ".db");
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Jalchemy.createEngine("sqlite:///" + file);
        }
        if (b.isPostgresql()) {
            String schema = "chinook_" + suffix;
            Db.exec(b.engine(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
            return Jalchemy.createEngine(b.url() + (b.url().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        }
        String url = b.url();
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String db = base.substring(base.lastIndexOf('/') + 1) + "_chinook_" + suffix;
        Db.exec(b.engine(), "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        return Jalchemy.createEngine(base.substring(0, base.lastIndexOf('/') + 1) + db + (q < 0 ? "" : url.substring(q)));
    }

    /** Runs the backend's Chinook script in {@code engine}'s database and commits. */
    public static void load(Backend b, Engine engine) {
        String script;
        try (InputStream in = Chinook.class.getResourceAsStream("/chinook/" + b.name() + ".sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = engine.connect()) {
            for (String stmt : script.split(";\\s*\\n")) {
                String s = stmt.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + "\n" + y).strip();
                if (!s.isEmpty()) {
                    c.execute(text(s));
                }
            }
            c.commit();
        }
    }
}
