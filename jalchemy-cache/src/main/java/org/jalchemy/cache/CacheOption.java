package org.jalchemy.cache;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.ExecutableOption;

import java.util.List;
import java.util.Locale;

/**
 * The statement option {@code cache("region")}: serve this SELECT from the named region of the
 * engine's {@link QueryCache}. Created by {@link QueryCache#cache(String)}; immutable.
 *
 * <p>The tables a result depends on are read from the compiled statement: every table object it
 * names, subqueries included. Tables that appear only inside {@code text()} fragments are not
 * seen: add them with {@link #tables(String...)} (hazard: a table missing here is never
 * invalidated, so its rows may be served stale until the ttl). A statement naming no table at all
 * is refused ({@link ArgumentError}) unless tables are given.
 *
 * @param region the region's name (as registered with {@link QueryCache.Builder#region})
 * @param tables extra tables (lower-cased) besides those the statement names
 */
public record CacheOption(String region, List<String> tables) implements ExecutableOption {
    public CacheOption {
        if (region == null || region.isBlank()) {
            throw new ArgumentError("cache(region): the region name must not be empty");
        }
        tables = tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** The tables this result depends on, for statements whose tables cannot be read ({@code text()}). */
    public CacheOption tables(String... names) {
        return new CacheOption(region, List.of(names));
    }
}
