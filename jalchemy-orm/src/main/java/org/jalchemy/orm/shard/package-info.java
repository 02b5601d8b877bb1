/**
 * Horizontal sharding (SQLAlchemy's {@code sqlalchemy.ext.horizontal_shard}): one
 * {@link org.jalchemy.orm.shard.ShardedSession} over several databases holding the same tables,
 * with a {@link org.jalchemy.orm.shard.ShardChooser} for new objects, an
 * {@link org.jalchemy.orm.shard.IdentityChooser} for {@code get} and a
 * {@link org.jalchemy.orm.shard.QueryChooser} that fans a query out to the shards it may touch;
 * results are merged with ORDER BY, LIMIT and OFFSET applied after the merge. Identity-map keys
 * include the shard ({@link org.jalchemy.orm.shard.IdentityKey}), and related objects stay in
 * their parent's shard. Guide: docs/beyond-one-server.md.
 */
package org.jalchemy.orm.shard;
