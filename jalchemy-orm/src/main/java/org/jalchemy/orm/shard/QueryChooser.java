package org.jalchemy.orm.shard;

import org.jalchemy.sql.Executable;

import java.util.List;

/**
 * The shards a statement runs on (SQLAlchemy's {@code execute_chooser}): all of them, or the ones
 * its WHERE clause can only match (a recipe can walk the criteria for the sharding column).
 * A statement with {@code bind(shardId)} skips the chooser.
 */
@FunctionalInterface
public interface QueryChooser {
    /** Shard ids to run {@code statement} on; its results are merged in this order (before ORDER BY). */
    List<String> shardsFor(Executable statement);
}
