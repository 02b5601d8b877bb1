package org.jalchemy.migrate.runtime;

import org.jalchemy.sql.Executable;

import java.util.List;
import java.util.Map;

/**
 * One statement an op compiles to: SQL text run verbatim, or a Core statement (with parameter sets
 * for bulk inserts). {@code autocommit}: must run outside a transaction (PostgreSQL
 * {@code CREATE INDEX CONCURRENTLY}). {@code createsType}: a named type the statement creates,
 * skipped when it exists already (PostgreSQL enums shared by several tables).
 */
record Step(String sql, Executable statement, List<Map<String, Object>> parameterSets, boolean autocommit,
            String createsType) {

    static Step sql(String sql) {
        return new Step(sql, null, null, false, null);
    }

    static Step autocommit(String sql) {
        return new Step(sql, null, null, true, null);
    }

    static Step createType(String sql, String type) {
        return new Step(sql, null, null, false, type);
    }

    static Step statement(Executable statement, List<Map<String, Object>> parameterSets) {
        return new Step(null, statement, parameterSets, false, null);
    }
}
