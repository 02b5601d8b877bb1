package org.jalchemy.schema;

import org.jalchemy.types.*;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;

import org.jalchemy.sql.Compiled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.jalchemy.types.SqlTypes.integer;

/**
 * Writes values of one type into a fresh one-column table and reads them back, binding and reading
 * through the dialect's implementation of the type exactly as compiled statements do
 * ({@link org.jalchemy.dialect.Dialect#typeImpl}); no expression language needed.
 */
final class RoundTrip {
    private RoundTrip() {
    }

    static <T> List<T> run(Engine engine, String table, SqlType<T> type, List<T> values) {
        MetaData md = new MetaData();
        Table t = new Table(table, md);
        t.column("id", integer()).primaryKey().autoincrement(false);
        t.column("v", type);
        md.dropAll(engine);
        md.createAll(engine);
        var d = engine.dialect();
        SqlType<T> impl = d.typeImpl(type);
        String q = d.quoteIdentifier(table);
        Compiled insert = new Compiled("INSERT INTO " + q + " (id, v) VALUES (?, ?)", new Compiled.BindSlot[]{
                Compiled.BindSlot.named("id", IntegerType.INSTANCE), Compiled.BindSlot.named("v", impl)},
                new Compiled.ResultColumn[0], d, false);
        Compiled select = new Compiled("SELECT v FROM " + q + " ORDER BY id", new Compiled.BindSlot[0],
                new Compiled.ResultColumn[]{new Compiled.ResultColumn("v", impl)}, d, true);
        List<T> out = new ArrayList<>();
        try (Connection c = engine.connect()) {
            for (int i = 0; i < values.size(); i++) {
                c.executeCompiled(insert, new Object[]{i, values.get(i)});
            }
            c.commit();
            for (Row r : c.executeCompiled(select, new Object[0])) {
                out.add(type.javaType().cast(r.get(0)));
            }
        }
        md.dropAll(engine);
        return out;
    }

    @SafeVarargs
    static <T> List<T> list(T... values) {
        return Arrays.asList(values);
    }
}
