package org.jalchemy.orm.shard;

/**
 * Where an object of a sharded session lives: its entity class, primary key and shard (the
 * identity token of SQLAlchemy's identity key). Two rows with the same key on two shards are two
 * objects, with two identity keys.
 *
 * @param type     the entity class
 * @param identity the primary key (one value, or a list for a composite key)
 * @param shard    the shard id
 */
public record IdentityKey(Class<?> type, Object identity, String shard) {
}
