package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.sql.Compiled;
import org.jalchemy.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * INSERT as one JDBC batch reading the autoincrement keys back through
 * {@code getGeneratedKeys()}: the path for dialects without RETURNING (MySQL). Core's
 * {@code Connection} has no generated-keys execution yet, so this runs on its JDBC connection
 * (inside its transaction) and translates errors with the dialect itself; engine events and echo
 * do not see these statements. To be replaced by a Core method (see the ORM report).
 */
final class GeneratedKeys {
    private GeneratedKeys() {
    }

    static void insert(Connection conn, Compiled c, ColumnProperty[] cols, ColumnProperty[] gen,
                       List<InstanceState> states, List<Object[]> values) {
        ColumnProperty key = null;
        for (ColumnProperty g : gen) {
            if (g.autoincrement() && g.primaryKey()) {
                key = g;
            }
        }
        if (!conn.inTransaction()) {
            conn.begin(); // the statement below bypasses Core's autobegin
        }
        Compiled.BindSlot[] slots = c.slots();
        try (PreparedStatement ps = key == null ? conn.jdbc().prepareStatement(c.sql())
                : conn.jdbc().prepareStatement(c.sql(), Statement.RETURN_GENERATED_KEYS)) {
            for (Object[] v : values) {
                for (int i = 0; i < cols.length; i++) {
                    SqlType<?> t = slots[i].type();
                    t.bind(ps, i + 1, v[cols[i].index()]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            if (key == null) {
                return;
            }
            try (ResultSet rs = ps.getGeneratedKeys()) {
                int i = 0;
                while (rs.next() && i < states.size()) {
                    long k = rs.getLong(1);
                    key.set(states.get(i++).object, key.javaType() == Long.class ? (Object) k
                            : key.javaType() == Short.class ? (Object) (short) k : (Object) (int) k);
                }
                if (i != states.size()) {
                    throw new FlushError("INSERT of " + states.size() + " rows returned " + i + " generated keys");
                }
            }
        } catch (SQLException e) {
            SQLException cause = e instanceof java.sql.BatchUpdateException && e.getNextException() != null
                    ? e.getNextException() : e;
            ErrorKind kind = conn.dialect().classify(cause);
            throw kind.create(new DBAPIError.Details("(" + kind.displayName() + ") " + cause.getMessage()
                    + "\n[SQL: " + c.sql() + "]", cause, c.sql(), null, conn.dialect().isDisconnect(cause)));
        }
    }
}
