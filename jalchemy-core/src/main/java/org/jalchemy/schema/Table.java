package org.jalchemy.schema;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.sql.TableClause;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of a {@link MetaData}: columns, primary key, constraints and indexes (SQLAlchemy's
 * {@code Table}). It is a {@link TableClause}, so the expression language selects from it.
 *
 * <p>Two ways to declare one. As a subclass, whose fields are typed column handles (the
 * idiomatic form when application code refers to columns):
 * <pre>{@code
 * final class Users extends Table {
 *     final Column<Integer> id = column("id", integer()).primaryKey();
 *     final Column<String> email = column("email", string(120)).nullable(false).unique();
 *     Users(MetaData md) { super("users", md); }
 * }
 * Users users = new Users(metadata);      // users.email is a Column<String>
 * }</pre>
 * Or step by step, keeping the returned handles:
 * <pre>{@code
 * Table posts = new Table("posts", metadata);
 * Column<Integer> userId = posts.column("user_id", integer()).foreignKey("users.id");
 * }</pre>
 * Typed lookup of an existing column: {@code table.column("id", Integer.class)} (raises when the
 * column is missing or holds another Java type).
 *
 * <p>Invariants: a table is registered in its MetaData by the constructor (a second table with
 * the same schema-qualified name raises {@link ArgumentError}); column names are unique; constraint
 * and index columns must exist when declared. Declaration is single-threaded; afterwards a table
 * is read-only by convention and safe to share.
 */
public class Table extends TableClause {
    private final MetaData metadata;
    private final Map<String, Column<?>> columns = new LinkedHashMap<>();
    private final List<Column<?>> columnList = new ArrayList<>();
    private final PrimaryKeyConstraint primaryKey = new PrimaryKeyConstraint(this);
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private String comment;

    /** A table in the MetaData's default schema. */
    public Table(String name, MetaData metadata) {
        this(name, null, metadata);
    }

    /** A table in {@code schema} (null: the MetaData's default schema, else the database's default). */
    public Table(String name, String schema, MetaData metadata) {
        super(checkName(name), schema != null ? schema : metadata.schema());
        this.metadata = metadata;
        metadata.add(this);
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new ArgumentError("A table name must be a non-empty string");
        }
        return name;
    }

    public MetaData metadata() {
        return metadata;
    }

    /** {@code schema.name} or {@code name}: the key of this table in its MetaData. */
    public String fullname() {
        return schema() == null ? name() : schema() + "." + name();
    }

    // ------------------------------------------------------------------ columns

    /**
     * Declares a column of this table and returns its typed handle. Raises {@link ArgumentError}
     * when the table already has a column of that name.
     */
    public <T> Column<T> column(String name, SqlType<T> type) {
        Column.checkName(name);
        if (columns.containsKey(name)) {
            throw new ArgumentError("Column '" + name + "' is already defined on table '" + fullname() + "'");
        }
        Column<T> c = new Column<>(name, type, this);
        columns.put(name, c);
        columnList.add(c);
        return c;
    }

    /** The column called {@code name}; raises {@link NoSuchColumnError} naming the table when missing. */
    public Column<?> column(String name) {
        Column<?> c = columns.get(name);
        if (c == null) {
            throw new NoSuchColumnError("Table '" + fullname() + "' has no column '" + name + "'; its columns are "
                    + columns.keySet());
        }
        return c;
    }

    /** The column called {@code name}, checked to hold {@code javaType} values. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(String name, Class<T> javaType) {
        Column<?> c = column(name);
        Class<?> jt = c.type().javaType();
        if (!javaType.equals(jt)) {
            throw new ArgumentError("Column '" + fullname() + "." + name + "' holds " + jt.getName() + " values ("
                    + c.type() + "), not " + javaType.getName());
        }
        return (Column<T>) c;
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    @Override
    public List<Column<?>> columns() {
        return Collections.unmodifiableList(columnList);
    }

    /**
     * The column the database generates values for, or null: the explicit {@code autoincrement(true)}
     * column, else (auto) the single integer primary-key column that has no foreign key and no
     * server default.
     */
    public Column<?> autoincrementColumn() {
        for (Column<?> c : columnList) {
            if (Boolean.TRUE.equals(c.autoincrementSetting())) {
                return c;
            }
        }
        List<String> pk = primaryKey.columnNames();
        if (pk.size() != 1) {
            return null;
        }
        Column<?> c = columns.get(pk.get(0));
        if (c.autoincrementSetting() == null && c.isIntegerTyped() && c.foreignKeys().isEmpty()
                && c.serverDefault() == null) {
            return c;
        }
        return null;
    }

    // ------------------------------------------------------------------ constraints and indexes

    /** The primary key (with no columns when the table has none). */
    public PrimaryKeyConstraint primaryKey() {
        return primaryKey;
    }

    /** The primary key's columns, in key order (what the expression language uses for inserted keys). */
    @Override
    public List<Column<?>> primaryKeyColumns() {
        List<Column<?>> out = new ArrayList<>();
        for (String n : primaryKey.columnNames()) {
            out.add(columns.get(n));
        }
        return out;
    }

    /**
     * The ON condition of a join with {@code other} through this table's foreign keys that refer to
     * it (one equality per column pair, ANDed). Null when there is none; more than one foreign key
     * to {@code other} is ambiguous and raises {@link ArgumentError} asking for an explicit ON.
     */
    @Override
    protected org.jalchemy.sql.ColumnElement<Boolean> foreignKeyCondition(org.jalchemy.sql.FromClause other) {
        if (!(other instanceof Table target)) {
            return null;
        }
        List<ForeignKeyConstraint> matches = new ArrayList<>();
        for (ForeignKeyConstraint fk : foreignKeys()) {
            if (fk.referredTable() == target) {
                matches.add(fk);
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() > 1) {
            throw new ArgumentError("Can't determine the join between '" + fullname() + "' and '" + target.fullname()
                    + "': there are " + matches.size() + " foreign keys between them (" + matches
                    + "); give the ON clause explicitly: join(right, condition)");
        }
        ForeignKeyConstraint fk = matches.get(0);
        List<org.jalchemy.sql.ColumnElement<Boolean>> terms = new ArrayList<>();
        for (int i = 0; i < fk.columnNames().size(); i++) {
            terms.add(eqUnchecked(column(fk.columnNames().get(i)), target.column(fk.referredColumnNames().get(i))));
        }
        return terms.size() == 1 ? terms.get(0) : org.jalchemy.sql.Sql.and(terms);
    }

    @SuppressWarnings("unchecked")
    private static <T> org.jalchemy.sql.ColumnElement<Boolean> eqUnchecked(Column<T> left, Column<?> right) {
        return left.eq((org.jalchemy.sql.ColumnElement<T>) right);
    }

    PrimaryKeyConstraint primaryKeyConstraint() {
        return primaryKey;
    }

    /** Declares the (composite) primary key, replacing column-level {@code primaryKey()} flags. */
    public PrimaryKeyConstraint primaryKey(String name, String... columnNames) {
        requireColumns("PrimaryKeyConstraint", columnNames);
        primaryKey.setColumns(name, Arrays.asList(columnNames));
        return primaryKey;
    }

    public UniqueConstraint uniqueConstraint(String name, String... columnNames) {
        requireColumns("UniqueConstraint", columnNames);
        UniqueConstraint u = new UniqueConstraint(this, name, Arrays.asList(columnNames));
        constraints.add(u);
        return u;
    }

    /** CHECK ({@code sql}); the SQL is rendered verbatim. */
    public CheckConstraint checkConstraint(String name, String sql) {
        CheckConstraint c = new CheckConstraint(this, name, sql);
        constraints.add(c);
        return c;
    }

    /**
     * A (composite) foreign key: {@code referredTable} is {@code table} or {@code schema.table}
     * and is resolved when needed.
     */
    public ForeignKeyConstraint foreignKeyConstraint(String name, List<String> columnNames, String referredTable,
                                                     List<String> referredColumns) {
        requireColumns("ForeignKeyConstraint", columnNames.toArray(String[]::new));
        ForeignKeyConstraint fk = new ForeignKeyConstraint(this, name, columnNames, referredTable, referredColumns);
        constraints.add(fk);
        return fk;
    }

    void addConstraint(Constraint c) {
        constraints.add(c);
    }

    /** An index over column names ({@link String}) and expressions ({@link Index#expr}). */
    public Index index(String name, Object... elements) {
        if (elements.length == 0) {
            throw new ArgumentError("Index " + name + " on '" + fullname() + "' needs at least one column or expression");
        }
        for (Object e : elements) {
            if (e instanceof String s) {
                requireColumns("Index", s);
            } else if (!(e instanceof Index.Expr)) {
                throw new ArgumentError("Index elements are column names or Index.expr(...), got " + e);
            }
        }
        for (Index existing : indexes) {
            if (name != null && name.equals(existing.name())) {
                throw new ArgumentError("Index '" + name + "' is already defined on table '" + fullname() + "'");
            }
        }
        Index ix = new Index(this, name, Arrays.asList(elements));
        indexes.add(ix);
        return ix;
    }

    private void requireColumns(String what, String... names) {
        for (String n : names) {
            if (!columns.containsKey(n)) {
                throw new NoSuchColumnError(what + " on table '" + fullname() + "' names column '" + n
                        + "', which the table does not have; its columns are " + columns.keySet());
            }
        }
    }

    /** Unique, check and foreign-key constraints, in declaration order (the primary key is separate). */
    public List<Constraint> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    public List<ForeignKeyConstraint> foreignKeys() {
        return constraints.stream().filter(c -> c instanceof ForeignKeyConstraint)
                .map(c -> (ForeignKeyConstraint) c).toList();
    }

    public List<Index> indexes() {
        return Collections.unmodifiableList(indexes);
    }

    public Table comment(String comment) {
        this.comment = comment;
        return this;
    }

    public String comment() {
        return comment;
    }

    // ------------------------------------------------------------------ DDL and reflection

    /** CREATE TABLE (and its indexes) unless it already exists. */
    public void create(Engine engine) {
        create(engine, true);
    }

    public void create(Engine engine, boolean checkFirst) {
        new SchemaRunner(engine).create(List.of(this), checkFirst);
    }

    /** DROP TABLE if it exists. */
    public void drop(Engine engine) {
        drop(engine, true);
    }

    public void drop(Engine engine, boolean checkFirst) {
        new SchemaRunner(engine).drop(List.of(this), checkFirst);
    }

    /** Reflects table {@code name} of the default schema into {@code metadata}; see {@link MetaData#reflect}. */
    public static Table reflect(String name, MetaData metadata, Engine engine) {
        return reflect(name, null, metadata, engine);
    }

    /** Reflects {@code schema.name}; raises {@link org.jalchemy.exc.NoSuchTableError} when it does not exist. */
    public static Table reflect(String name, String schema, MetaData metadata, Engine engine) {
        try (var conn = engine.connect()) {
            return new Inspector(conn).reflectTable(name, schema, metadata);
        }
    }
}
