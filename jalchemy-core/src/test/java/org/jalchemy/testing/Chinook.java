package org.jalchemy.testing;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        return Db.isolatedDatabase(b, "chinook_" + suffix);
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
