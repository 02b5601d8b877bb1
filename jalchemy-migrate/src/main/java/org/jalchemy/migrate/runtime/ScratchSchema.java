package org.jalchemy.migrate.runtime;

import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Constraint;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.NamingConvention;
import org.jalchemy.schema.Table;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.SqlTypes;

import java.util.List;

/**
 * Builds throw-away schema objects ({@link Table}, {@link Column}, constraints, indexes) from the
 * migration definitions, so the dialect's {@code DdlCompiler} renders them (Alembic's
 * {@code SchemaObjects}). Tables referred to by foreign keys get stub tables holding just the
 * referred columns. Each instance owns one scratch {@link MetaData} with the target's naming
 * convention; not thread-safe, and cheap to create per op.
 */
final class ScratchSchema {
    private static final SqlType<?> PLACEHOLDER = SqlTypes.integer();
    private final MetaData metadata;

    ScratchSchema(NamingConvention convention) {
        this.metadata = new MetaData(null, convention);
    }

    /** An empty table named as the op's table (columns added as needed). */
    Table table(String schema, String name) {
        String key = schema == null ? name : schema + "." + name;
        return metadata.hasTable(key) ? metadata.table(key) : new Table(name, schema, metadata);
    }

    /** The full table of a {@code createTable}, with constraints, indexes and the FK stubs. */
    Table table(TableDef def) {
        Table t = table(def.schema(), def.name());
        for (ColumnDef c : def.columns()) {
            addColumn(t, c);
        }
        for (ConstraintDef c : def.constraints()) {
            constraint(t, c);
        }
        for (IndexDef ix : def.indexes()) {
            index(t, ix);
        }
        if (def.comment() != null) {
            t.comment(def.comment());
        }
        return t;
    }

    /** Adds {@code c} to {@code t} with its nullability, key, default, comment, unique/index flags and foreign key. */
    Column<?> addColumn(Table t, ColumnDef c) {
        Column<?> col = t.column(c.name(), c.type());
        col.nullable(c.isNullable());
        if (c.isPrimaryKey()) {
            col.primaryKey();
        }
        if (c.autoincrement() != null) {
            col.autoincrement(c.autoincrement());
        }
        if (c.serverDefault() != null) {
            col.serverDefault(c.serverDefault());
        }
        if (c.comment() != null) {
            col.comment(c.comment());
        }
        if (c.isUnique()) {
            col.unique();
        }
        if (c.isIndexed()) {
            col.index();
        }
        if (c.foreignKey() != null) {
            String target = c.foreignKey();
            int dot = target.lastIndexOf('.');
            if (dot < 0) {
                throw new MigrationError("Foreign key of column '" + c.name() + "' must be 'table.column', got '" + target + "'");
            }
            String refTable = target.substring(0, dot);
            String refColumn = target.substring(dot + 1);
            stub(refTable, List.of(refColumn), c.type());
            t.foreignKeyConstraint(null, List.of(c.name()), refTable, List.of(refColumn)).onDelete(c.onDelete());
        }
        return col;
    }

    /** Ensures columns exist on {@code t} (placeholders for ALTER statements that only name them). */
    void ensureColumns(Table t, List<String> names) {
        for (String n : names) {
            if (!t.hasColumn(n)) {
                t.column(n, PLACEHOLDER);
            }
        }
    }

    /** A stub for a table referred to by a foreign key: only the referred columns. */
    private void stub(String qualified, List<String> columns, SqlType<?> type) {
        int dot = qualified.indexOf('.');
        Table ref = dot < 0 ? table(null, qualified) : table(qualified.substring(0, dot), qualified.substring(dot + 1));
        for (String c : columns) {
            if (!ref.hasColumn(c)) {
                SqlType<?> t = type == null ? PLACEHOLDER : type;
                ref.column(c, t);
            }
        }
    }

    /** Adds the constraint {@code c} to {@code t} (columns it names are added as placeholders when missing). */
    Constraint constraint(Table t, ConstraintDef c) {
        return switch (c) {
            case ConstraintDef.PrimaryKey pk -> {
                ensureColumns(t, pk.columns());
                yield t.primaryKey(pk.name(), pk.columns().toArray(String[]::new));
            }
            case ConstraintDef.Unique u -> {
                ensureColumns(t, u.columns());
                yield t.uniqueConstraint(u.name(), u.columns().toArray(String[]::new));
            }
            case ConstraintDef.Check ck -> t.checkConstraint(ck.name(), ck.sqltext());
            case ConstraintDef.ForeignKey fk -> {
                ensureColumns(t, fk.columns());
                String ref = fk.referredSchema() == null ? fk.referredTable() : fk.referredSchema() + "." + fk.referredTable();
                stub(ref, fk.referredColumns(), null);
                ForeignKeyConstraint f = t.foreignKeyConstraint(fk.name(), fk.columns(), ref, fk.referredColumns());
                yield f.onDelete(fk.onDelete()).onUpdate(fk.onUpdate());
            }
        };
    }

    /** Adds the index {@code ix} to {@code t}. */
    Index index(Table t, IndexDef ix) {
        Object[] elements = new Object[ix.elements().size()];
        for (int i = 0; i < elements.length; i++) {
            String e = ix.elements().get(i);
            if (e.startsWith(IndexDef.EXPR)) {
                elements[i] = Index.expr(e.substring(IndexDef.EXPR.length()));
            } else {
                ensureColumns(t, List.of(e));
                elements[i] = e;
            }
        }
        return t.index(ix.name(), elements).unique(ix.isUnique());
    }
}
