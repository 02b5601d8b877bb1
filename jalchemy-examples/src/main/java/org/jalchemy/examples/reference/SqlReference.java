package org.jalchemy.examples.reference;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Select;

import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** The code of docs/sql.md, compiled and run by SqlReferenceTest on every backend. */
public final class SqlReference {
    private SqlReference() {
    }

    static final class Users extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> name = column("name", string(50)).nullable(false);
        Users(MetaData md) { super("users", md); }
    }

    /** A read model for {@code into(...)}: components match the selected column labels. */
    public record UserView(Integer id, String name) {
    }

    /** Runs the page's example; returns what it found, for the test. */
    public static String run(Engine engine) {
        MetaData metadata = new MetaData();
        Users users = new Users(metadata);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users), List.of(Map.of("id", 1, "name", "ana"), Map.of("id", 2, "name", "alba"),
                    Map.of("id", 3, "name", "carlos")));
            conn.commit();
        }
        StringBuilder out = new StringBuilder();
        // tag::overview[]
        Select<?> q = select(users.id, users.name)
                .where(users.name.like("a%"), users.id.in(List.of(1, 2, 3)))
                .orderBy(users.id.desc())
                .limit(10).offset(0);
        try (Connection conn = engine.connect()) {
            for (Row row : conn.execute(q)) {
                Integer id = row.get(users.id);          // typed by the column
                out.append(id).append(' ');
            }
            List<UserView> views = conn.execute(q).into(UserView.class).all();   // records
            long n = conn.execute(select(func.count()).selectFrom(users)).scalarOne(Long.class);
            out.append(views).append(' ').append(n);
        }
        // end::overview[]
        metadata.dropAll(engine);
        return out.toString();
    }
}
