package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.orm.FlushError;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.engine.Connection;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.sql.Compiled;

import java.util.ArrayList;
import java.util.List;

/**
 * INSERT as one JDBC batch reading the autoincrement keys back through the driver's generated
 * keys ({@link Connection#executeCompiledManyReturningKeys}): the path for dialects without
 * RETURNING (MySQL). Echo, engine events and error translation apply as for any Core statement.
 */
final class GeneratedKeys {
    private GeneratedKeys() {
    }

    static void insert(Connection conn, Compiled c, ColumnProperty[] cols, ColumnProperty[] gen,
                       List<InstanceStateImpl> states, List<Object[]> values) {
        ColumnProperty key = null;
        for (ColumnProperty g : gen) {
            if (g.autoincrement() && g.primaryKey()) {
                key = g;
            }
        }
        List<Object[]> rows = new ArrayList<>(values.size());
        for (Object[] v : values) {
            Object[] bound = new Object[cols.length];
            for (int i = 0; i < cols.length; i++) {
                bound[i] = v[cols[i].index()];
            }
            rows.add(bound);
        }
        if (key == null) {
            conn.executeCompiledMany(c, rows);
            return;
        }
        List<Object[]> keys = conn.executeCompiledManyReturningKeys(c, rows);
        if (keys.size() != states.size()) {
            throw new FlushError("INSERT of " + states.size() + " rows returned " + keys.size() + " generated keys");
        }
        for (int i = 0; i < keys.size(); i++) {
            long k = ((Number) keys.get(i)[0]).longValue();
            key.set(states.get(i).object, key.javaType() == Long.class ? (Object) k
                    : key.javaType() == Short.class ? (Object) (short) k : (Object) (int) k);
        }
    }
}
