package org.jalchemy.schema;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.NoSuchTableError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection of {@link Table}s keyed by {@code schema.name} (SQLAlchemy's {@code MetaData}):
 * the unit that is created, dropped, reflected and (later) compared by migrations. Carries an
 * optional default schema and the {@link NamingConvention} for constraint and index names.
 *
 * <p>{@link #createAll(Engine)} / {@link #dropAll(Engine)} emit DDL in foreign-key dependency order
 * ({@link #sortedTables()}), checking for existing tables first by default; dependency cycles are
 * broken by adding the cycle's foreign keys with ALTER TABLE afterwards where the database allows it.
 *
 * <p>Not thread-safe while tables are being added; read-only use afterwards is safe.
 */
public final class MetaData {
    private final String schema;
    private final NamingConvention namingConvention;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    public MetaData() {
        this(null, NamingConvention.DEFAULT);
    }

    /** With a naming convention, e.g. {@code Map.of("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s")}. */
    public MetaData(Map<String, String> namingConvention) {
        this(null, new NamingConvention(namingConvention));
    }

    /** With a default schema for tables that name none, and a naming convention. */
    public MetaData(String schema, NamingConvention namingConvention) {
        this.schema = schema;
        this.namingConvention = namingConvention;
    }

    /** The default schema, or null. */
    public String schema() {
        return schema;
    }

    public NamingConvention namingConvention() {
        return namingConvention;
    }

    void add(Table table) {
        String key = table.fullname();
        if (tables.containsKey(key)) {
            throw new ArgumentError("Table '" + key + "' is already defined for this MetaData instance");
        }
        tables.put(key, table);
    }

    /** The tables in the order they were defined. */
    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** The table with key {@code schema.name} or {@code name}; raises {@link NoSuchTableError} when absent. */
    public Table table(String key) {
        Table t = tables.get(key);
        if (t == null) {
            throw new NoSuchTableError("Table '" + key + "' is not in this MetaData; it has " + tables.keySet());
        }
        return t;
    }

    Table tableOrNull(String key) {
        return tables.get(key);
    }

    public boolean hasTable(String key) {
        return tables.containsKey(key);
    }

    /** Removes a table (its foreign keys pointing elsewhere go with it). */
    public void remove(Table table) {
        tables.remove(table.fullname(), table);
    }

    /**
     * Tables ordered so that each comes after the tables its foreign keys refer to; tables of a
     * dependency cycle keep definition order among themselves (see {@link TableSorter}).
     */
    public List<Table> sortedTables() {
        return TableSorter.sort(tables.values()).tables();
    }

    /** CREATE every table (and index) that does not exist yet, in dependency order. */
    public void createAll(Engine engine) {
        createAll(engine, true);
    }

    public void createAll(Engine engine, boolean checkFirst) {
        new SchemaRunner(engine).create(tables.values(), checkFirst);
    }

    /** DROP every table that exists, dependants first. */
    public void dropAll(Engine engine) {
        dropAll(engine, true);
    }

    public void dropAll(Engine engine, boolean checkFirst) {
        new SchemaRunner(engine).drop(tables.values(), checkFirst);
    }

    /** Reflects every table of the engine's default schema into this MetaData. */
    public void reflect(Engine engine) {
        reflect(engine, null, null);
    }

    /**
     * Reflects the tables of {@code schema} (null: default) into this MetaData; {@code only} limits
     * it to the named tables (null: all). Tables already present are kept as they are; tables referred
     * to by foreign keys are reflected too.
     */
    public void reflect(Engine engine, String schema, Collection<String> only) {
        try (var conn = engine.connect()) {
            Inspector insp = new Inspector(conn);
            List<String> names = only != null ? new ArrayList<>(only) : insp.getTableNames(schema);
            insp.reflectTables(names, schema, this);
        }
    }

    @Override
    public String toString() {
        return "MetaData" + tables.keySet();
    }
}
