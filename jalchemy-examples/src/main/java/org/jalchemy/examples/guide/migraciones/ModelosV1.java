package org.jalchemy.examples.guide.migraciones;

import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

import java.util.function.Supplier;

import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** Chapter 9's models at the start: {@code users(id, username)}; the config's {@code target_metadata}. */
public final class ModelosV1 implements Supplier<MetaData> {
    @Override
    public MetaData get() {
        MetaData metadata = new MetaData();
        Table users = new Table("users", metadata);
        users.column("id", integer()).primaryKey();
        users.column("username", string(50)).nullable(false).unique();
        return metadata;
    }
}
