package org.jalchemy.orm.shard;

import org.jalchemy.orm.mapping.Mapper;

import java.util.List;

/**
 * The shards where the row with a given primary key may live (SQLAlchemy's
 * {@code identity_chooser}), in the order {@link ShardedSession#get} tries them: one shard when
 * the key says where (a shard prefix, a hash), every shard when it cannot tell.
 */
@FunctionalInterface
public interface IdentityChooser {
    /** Shard ids to look in for {@code identity} (one value, or a list for a composite key) of {@code mapper}'s class. */
    List<String> shardsFor(Mapper<?> mapper, Object identity);
}
