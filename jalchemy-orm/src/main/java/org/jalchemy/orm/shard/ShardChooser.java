package org.jalchemy.orm.shard;

import org.jalchemy.orm.mapping.Mapper;

/**
 * Picks the shard a new object is stored in (SQLAlchemy's {@code shard_chooser}), e.g. from a
 * column value ({@code continent}) or a hash of a key. Called by
 * {@link ShardedSession#add(Object)} for an object that no related object places already: objects
 * reached from one in a shard (its children, by the save-update cascade or because they point to
 * it) go to that shard without asking.
 */
@FunctionalInterface
public interface ShardChooser {
    /** The id of the shard {@code instance} (of {@code mapper}'s class) goes to; one of the factory's shard ids. */
    String shardFor(Mapper<?> mapper, Object instance);
}
