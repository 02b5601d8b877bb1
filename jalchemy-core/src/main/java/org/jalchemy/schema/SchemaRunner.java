package org.jalchemy.schema;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Runs createAll / dropAll (and per-table create / drop) on an engine: sorts, checks what exists,
 * emits each DDL statement through a jalchemy {@link Connection} as written (no bind-parameter
 * parsing: names may hold colons; echo and error translation apply) in one transaction, committed at the end. On databases without transactional DDL
 * (MySQL) a failure leaves the statements before it applied.
 */
final class SchemaRunner {
    private final Engine engine;
    private final Dialect dialect;
    private final DdlCompiler ddl;
    private final Reflector reflector;

    SchemaRunner(Engine engine) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.ddl = dialect.ddlCompiler();
        this.reflector = dialect.reflector();
    }

    void create(Collection<Table> tables, boolean checkFirst) {
        TableSorter.Sorted sorted = TableSorter.sort(tables);
        Set<ForeignKeyConstraint> deferred = dialect.supportsAlterConstraint() ? sorted.alterFks() : Set.of();
        // Compile everything first, so a CompileError leaves the database untouched.
        Map<Table, List<String>> statements = new LinkedHashMap<>();
        for (Table t : sorted.tables()) {
            statements.put(t, ddl.createTableStatements(t, deferred));
        }
        try (Connection c = engine.connect()) {
            Set<Table> created = new HashSet<>();
            Set<String> typesDone = new HashSet<>();
            for (Table t : sorted.tables()) {
                if (checkFirst && exists(c, t)) {
                    continue;
                }
                for (var type : ddl.createTypes(t).entrySet()) {
                    if (typesDone.add(type.getKey()) && !typeExists(c, t.schema(), type.getKey())) {
                        c.execDriverSql(type.getValue());
                    }
                }
                for (String sql : statements.get(t)) {
                    c.execDriverSql(sql);
                }
                created.add(t);
            }
            for (ForeignKeyConstraint fk : deferred) {
                if (created.contains(fk.table())) {
                    c.execDriverSql(ddl.addConstraint(fk));
                }
            }
            c.commit();
        }
    }

    void drop(Collection<Table> tables, boolean checkFirst) {
        TableSorter.Sorted sorted = TableSorter.sort(tables);
        Set<ForeignKeyConstraint> deferred = dialect.supportsAlterConstraint() ? sorted.alterFks() : Set.of();
        List<Table> order = new ArrayList<>(sorted.tables());
        java.util.Collections.reverse(order);
        try (Connection c = engine.connect()) {
            Set<Table> existing = new HashSet<>();
            for (Table t : order) {
                if (!checkFirst || exists(c, t)) {
                    existing.add(t);
                }
            }
            for (ForeignKeyConstraint fk : deferred) {
                if (existing.contains(fk.table()) && existing.contains(fk.referredTable())) {
                    c.execDriverSql(ddl.dropConstraint(fk));
                }
            }
            Set<String> typesDone = new HashSet<>();
            for (Table t : order) {
                if (existing.contains(t)) {
                    c.execDriverSql(ddl.dropTable(t));
                }
            }
            // named types still used by tables of the MetaData that stay are kept
            for (Table other : order.isEmpty() ? List.<Table>of() : order.get(0).metadata().tables()) {
                if (!existing.contains(other)) {
                    typesDone.addAll(ddl.dropTypes(other).keySet());
                }
            }
            for (Table t : order) {
                if (existing.contains(t)) {
                    for (var type : ddl.dropTypes(t).entrySet()) {
                        if (typesDone.add(type.getKey()) && typeExists(c, t.schema(), type.getKey())) {
                            c.execDriverSql(type.getValue());
                        }
                    }
                }
            }
            c.commit();
        }
    }

    private boolean exists(Connection c, Table t) {
        return new Inspector(c).hasTable(t.name(), t.schema());
    }

    private boolean typeExists(Connection c, String schema, String name) {
        try {
            return reflector.hasType(c.jdbc(), schema, name);
        } catch (SQLException e) {
            throw new org.jalchemy.exc.InvalidRequestError("Could not check whether type '" + name + "' exists: "
                    + e.getMessage(), e);
        }
    }
}
