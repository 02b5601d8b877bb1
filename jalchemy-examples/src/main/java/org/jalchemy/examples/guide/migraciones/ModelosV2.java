package org.jalchemy.examples.guide.migraciones;

import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

import java.util.function.Supplier;

import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** Chapter 9's models after the change the chapter migrates: {@code users} gains {@code email}. */
public final class ModelosV2 implements Supplier<MetaData> {
    @Override
    public MetaData get() {
        MetaData metadata = new MetaData();
        // tag::modelo-v2[]
        Table users = new Table("users", metadata);
        users.column("id", integer()).primaryKey();
        users.column("username", string(50)).nullable(false).unique();
        users.column("email", string(120));                 // new: the next revision adds it
        // end::modelo-v2[]
        return metadata;
    }
}
