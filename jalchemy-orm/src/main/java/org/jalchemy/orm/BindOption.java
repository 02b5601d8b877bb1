package org.jalchemy.orm;

import org.jalchemy.sql.ExecutableOption;

import java.util.Objects;

/**
 * Names the engine one statement runs on ({@link Orm#bind(String)}), overriding the session's
 * choice: {@code select(User.class).options(bind("primary"))} reads from the primary of a
 * read/write-split session (or from one named replica: {@code bind("replica2")}); in a
 * {@link org.jalchemy.orm.shard.ShardedSession} it names the shard to query (SQLAlchemy's
 * {@code set_shard_id} / {@code execution_options(shard_id=...)}). A session bound to one engine
 * accepts only {@code bind("primary")}. Not rendered, not part of the compiled-cache key.
 *
 * @param name an engine name of the session's {@link org.jalchemy.engine.EngineSet}, or a shard id
 */
public record BindOption(String name) implements ExecutableOption {
    public BindOption {
        Objects.requireNonNull(name, "name");
    }

    /** The bind option among {@code options}, or null. */
    public static BindOption in(java.util.List<ExecutableOption> options) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) instanceof BindOption b) {
                return b;
            }
        }
        return null;
    }
}
