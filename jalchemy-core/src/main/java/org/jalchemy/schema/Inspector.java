package org.jalchemy.schema;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.NoSuchTableError;
import org.jalchemy.types.NullType;

import java.sql.SQLException;
import java.util.List;

/**
 * Reads schema information from a live database (SQLAlchemy's {@code Inspector}, obtained with
 * {@code Jalchemy.inspect(engine)} or {@code new Inspector(connection)}): schema, table and view
 * names, columns with their types mapped back to jalchemy types, primary and foreign keys,
 * indexes, unique and check constraints, comments; and {@link #reflectTable} to build a
 * {@link Table} from them.
 *
 * <p>Each call queries the database (no caching), on the connection given, inside its current
 * transaction. A table that does not exist raises {@link NoSuchTableError}. Driver errors become
 * jalchemy {@link DBAPIError}s. Not thread-safe (like its connection).
 *
 * <p>Hazard: an inspector remembers the tables it has seen exist, so that reading a table's
 * columns, keys and indexes checks its existence once (as SQLAlchemy's inspector caches); a table
 * dropped later reads as empty instead of raising {@link NoSuchTableError}. Use a new inspector
 * after DDL.
 */
public final class Inspector {
    private final Connection connection;
    private final org.jalchemy.engine.Engine engine;
    private final org.jalchemy.dialect.Dialect dialect;
    private final Reflector reflector;

    /** Inspects through {@code connection}, inside its transaction. */
    public Inspector(Connection connection) {
        this.connection = connection;
        this.engine = null;
        this.dialect = connection.dialect();
        this.reflector = dialect.reflector();
    }

    /** Inspects through a connection checked out from {@code engine} for each call. */
    public Inspector(org.jalchemy.engine.Engine engine) {
        this.connection = null;
        this.engine = engine;
        this.dialect = engine.dialect();
        this.reflector = dialect.reflector();
    }

    @FunctionalInterface
    private interface Query<R> {
        R run(java.sql.Connection c) throws SQLException;
    }

    private <R> R query(String what, Query<R> q) {
        if (connection == null) {
            try (Connection c = engine.connect()) {
                return run(c, what, q);
            }
        }
        return run(connection, what, q);
    }

    private <R> R run(Connection c, String what, Query<R> q) {
        try {
            return q.run(c.jdbc());
        } catch (SQLException e) {
            var kind = dialect.classify(e);
            throw kind.create(new DBAPIError.Details("(" + kind.displayName() + ") reflection of " + what
                    + " failed: " + e.getMessage(), e, null, null, false));
        }
    }

    /** Tables seen to exist by this inspector, per schema key: each getter checks existence once per table. */
    private final java.util.Set<String> seenTables = new java.util.HashSet<>();

    private void requireTable(String schema, String table) {
        String key = schema + "\u0000" + table;
        if (seenTables.contains(key)) {
            return;
        }
        if (hasTable(table, schema)) {
            seenTables.add(key);
        } else {
            throw new NoSuchTableError("Table '" + (schema == null ? "" : schema + ".") + table
                    + "' does not exist in the database (" + dialect.name() + ")");
        }
    }

    public List<String> getSchemaNames() {
        return query("schema names", reflector::schemaNames);
    }

    /** Table names of {@code schema} (null: default schema), sorted; views excluded. */
    public List<String> getTableNames(String schema) {
        return query("table names", c -> reflector.tableNames(c, schema));
    }

    public List<String> getTableNames() {
        return getTableNames(null);
    }

    public List<String> getViewNames(String schema) {
        return query("view names", c -> reflector.viewNames(c, schema));
    }

    /** The view's SELECT as the database keeps it (SQLite: the whole CREATE VIEW); raises {@link NoSuchTableError} when absent. */
    public String getViewDefinition(String view, String schema) {
        String def = query("definition of view " + view, c -> reflector.viewDefinition(c, schema, view));
        if (def == null) {
            throw new NoSuchTableError("View '" + (schema == null ? "" : schema + ".") + view
                    + "' does not exist in the database (" + dialect.name() + ")");
        }
        return def;
    }

    /** True when {@code table} has an index called {@code index}. */
    public boolean hasIndex(String table, String index, String schema) {
        return getIndexes(table, schema).stream().anyMatch(i -> i.name().equals(index));
    }

    public boolean hasTable(String table, String schema) {
        return query("table " + table, c -> reflector.hasTable(c, schema, table));
    }

    public boolean hasTable(String table) {
        return hasTable(table, null);
    }

    public List<Reflected.Column> getColumns(String table, String schema) {
        requireTable(schema, table);
        return query("columns of " + table, c -> reflector.columns(c, schema, table));
    }

    public List<Reflected.Column> getColumns(String table) {
        return getColumns(table, null);
    }

    public Reflected.PrimaryKey getPkConstraint(String table, String schema) {
        requireTable(schema, table);
        return query("primary key of " + table, c -> reflector.primaryKey(c, schema, table));
    }

    public Reflected.PrimaryKey getPkConstraint(String table) {
        return getPkConstraint(table, null);
    }

    public List<Reflected.ForeignKey> getForeignKeys(String table, String schema) {
        requireTable(schema, table);
        return query("foreign keys of " + table, c -> reflector.foreignKeys(c, schema, table));
    }

    public List<Reflected.ForeignKey> getForeignKeys(String table) {
        return getForeignKeys(table, null);
    }

    public List<Reflected.Index> getIndexes(String table, String schema) {
        requireTable(schema, table);
        return query("indexes of " + table, c -> reflector.indexes(c, schema, table));
    }

    public List<Reflected.Index> getIndexes(String table) {
        return getIndexes(table, null);
    }

    public List<Reflected.Unique> getUniqueConstraints(String table, String schema) {
        requireTable(schema, table);
        return query("unique constraints of " + table, c -> reflector.uniqueConstraints(c, schema, table));
    }

    public List<Reflected.Unique> getUniqueConstraints(String table) {
        return getUniqueConstraints(table, null);
    }

    public List<Reflected.Check> getCheckConstraints(String table, String schema) {
        requireTable(schema, table);
        return query("check constraints of " + table, c -> reflector.checkConstraints(c, schema, table));
    }

    public List<Reflected.Check> getCheckConstraints(String table) {
        return getCheckConstraints(table, null);
    }

    public String getTableComment(String table, String schema) {
        requireTable(schema, table);
        return query("comment of " + table, c -> reflector.tableComment(c, schema, table));
    }

    /**
     * Everything about each of {@code tables} of {@code schema} (null: the default one) in one pass:
     * columns, primary key, foreign keys, indexes, unique and check constraints, comment — what the
     * per-table getters return (SQLAlchemy 2.0's {@code get_multi_*}). MySQL/MariaDB read the whole
     * schema in a fixed number of queries instead of about ten per table; the other dialects ask
     * table by table. Keyed and ordered as given; raises {@link NoSuchTableError} naming the first
     * table that does not exist.
     */
    public java.util.Map<String, Reflected.Table> getTables(java.util.Collection<String> tables, String schema) {
        java.util.Map<String, Reflected.Table> out = query(tables.size() + " tables",
                c -> reflector.tables(c, schema, tables));
        for (String t : tables) {
            if (!out.containsKey(t)) {
                throw new NoSuchTableError("Table '" + (schema == null ? "" : schema + ".") + t
                        + "' does not exist in the database (" + dialect.name() + ")");
            }
            seenTables.add(schema + "\u0000" + t);
        }
        return out;
    }

    /**
     * Builds {@code schema.name} in {@code metadata} from the database, and (first) every table its
     * foreign keys refer to that the MetaData lacks. Columns of types jalchemy cannot map get
     * {@link NullType} (usable in queries, not in createAll).
     */
    public Table reflectTable(String name, String schema, MetaData metadata) {
        String key = schema == null ? name : schema + "." + name;
        if (metadata.hasTable(key)) {
            return metadata.table(key);
        }
        Reflected.Table r = new Reflected.Table(name, getColumns(name, schema), getPkConstraint(name, schema),
                getForeignKeys(name, schema), getIndexes(name, schema), getUniqueConstraints(name, schema),
                getCheckConstraints(name, schema), getTableComment(name, schema));
        Table t = build(r, schema, metadata);
        reflectReferred(r, schema, metadata);
        return t;
    }

    /**
     * Builds every table of {@code names} that {@code metadata} lacks from one
     * {@link #getTables batched read} (what {@link MetaData#reflect} uses), then the tables their
     * foreign keys refer to that are still missing.
     */
    public void reflectTables(java.util.Collection<String> names, String schema, MetaData metadata) {
        List<String> missing = new java.util.ArrayList<>();
        for (String n : names) {
            if (!metadata.hasTable(schema == null ? n : schema + "." + n)) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        java.util.Map<String, Reflected.Table> read = getTables(missing, schema);
        for (Reflected.Table r : read.values()) {
            build(r, schema, metadata);
        }
        for (Reflected.Table r : read.values()) {
            reflectReferred(r, schema, metadata);
        }
    }

    private void reflectReferred(Reflected.Table r, String schema, MetaData metadata) {
        for (Reflected.ForeignKey fk : r.foreignKeys()) {
            String refSchema = fk.referredSchema() != null ? fk.referredSchema() : schema;
            reflectTable(fk.referredTable(), refSchema, metadata);
        }
    }

    private Table build(Reflected.Table r, String schema, MetaData metadata) {
        List<Reflected.Column> cols = r.columns();
        Reflected.PrimaryKey pk = r.primaryKey();
        List<Reflected.ForeignKey> fks = r.foreignKeys();
        List<Reflected.Index> ixs = r.indexes();
        List<Reflected.Unique> uqs = r.uniques();
        List<Reflected.Check> cks = r.checks();
        String comment = r.comment();
        Table t = new Table(r.name(), schema, metadata);
        t.comment(comment);
        for (Reflected.Column rc : cols) {
            Column<?> c = t.column(rc.name(), rc.type());
            c.nullable(rc.nullable()).autoincrement(rc.autoincrement());
            if (rc.defaultSql() != null) {
                c.serverDefault(rc.defaultSql());
            }
            if (rc.comment() != null) {
                c.comment(rc.comment());
            }
        }
        if (!pk.columns().isEmpty()) {
            t.primaryKey(pk.name(), pk.columns().toArray(String[]::new));
        }
        for (Reflected.Unique u : uqs) {
            t.uniqueConstraint(u.name(), u.columns().toArray(String[]::new));
        }
        for (Reflected.Check ck : cks) {
            t.checkConstraint(ck.name(), ck.sqltext());
        }
        for (Reflected.ForeignKey fk : fks) {
            String target = fk.referredSchema() == null ? fk.referredTable() : fk.referredSchema() + "." + fk.referredTable();
            t.foreignKeyConstraint(fk.name(), fk.columns(), target, fk.referredColumns())
                    .onDelete(fk.onDelete()).onUpdate(fk.onUpdate());
        }
        for (Reflected.Index ix : ixs) {
            if (ix.columns().stream().anyMatch(java.util.Objects::isNull)) {
                continue; // an expression the database does not spell out (SQLite): cannot be rebuilt
            }
            Object[] elements = ix.columns().stream()
                    .map(c -> t.hasColumn(c) ? (Object) c : Index.expr(c)).toArray();
            t.index(ix.name(), elements).unique(ix.unique());
        }
        return t;
    }
}
