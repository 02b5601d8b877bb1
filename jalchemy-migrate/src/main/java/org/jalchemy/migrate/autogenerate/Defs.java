package org.jalchemy.migrate.autogenerate;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.migrate.ops.TableElement;
import org.jalchemy.schema.CheckConstraint;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Constraint;
import org.jalchemy.schema.DdlCompiler;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.PrimaryKeyConstraint;
import org.jalchemy.schema.Reflected;
import org.jalchemy.schema.Table;
import org.jalchemy.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the two sides of a comparison into the ops' value types: model objects (a {@link Table}
 * and its columns, constraints and indexes) and reflected records. Constraint and index names are
 * the ones the DDL gives them on the connection's dialect (explicit, else the MetaData's naming
 * convention), written out in the script so that it does not depend on the models' convention.
 */
final class Defs {
    private final Dialect dialect;
    private final DdlCompiler ddl;

    Defs(Dialect dialect) {
        this.dialect = dialect;
        this.ddl = dialect.ddlCompiler();
    }

    ColumnDef column(Column<?> c) {
        return column(c, true);
    }

    /** {@code keyFlag} false: a primary-key column declared by a named table-level key instead. */
    ColumnDef column(Column<?> c, boolean keyFlag) {
        ColumnDef d = ColumnDef.of(c.name(), c.type());
        if (c.isPrimaryKey() && keyFlag) {
            d = d.primaryKey();
        }
        if (!c.isNullable() && !(c.isPrimaryKey() && keyFlag)) {
            d = d.nullable(false);
        }
        if (c.autoincrementSetting() != null && c.isPrimaryKey()) {
            d = d.autoincrement(c.autoincrementSetting());
        }
        if (c.serverDefault() != null) {
            d = d.serverDefault(c.serverDefault());
        }
        if (c.comment() != null) {
            d = d.comment(c.comment());
        }
        return d;
    }

    ColumnDef column(Reflected.Column c, boolean primaryKey) {
        ColumnDef d = ColumnDef.of(c.name(), c.type());
        if (primaryKey) {
            d = d.primaryKey();
        }
        if (!c.nullable() && !primaryKey) {
            d = d.nullable(false);
        }
        if (c.defaultSql() != null && !c.autoincrement() && Equivalence.normalizeDefault(c.defaultSql()) != null) {
            d = d.serverDefault(c.defaultSql());
        }
        if (c.comment() != null && !c.comment().isEmpty()) {
            d = d.comment(c.comment());
        }
        return d;
    }

    /** The model table as {@code createTable} declares it, without the foreign keys in {@code deferred}. */
    TableDef table(Table t, List<ForeignKeyConstraint> deferred, List<Index> indexes) {
        List<TableElement> elements = new ArrayList<>();
        PrimaryKeyConstraint pk = t.primaryKey();
        boolean namedPk = pk != null && pk.name() != null && !pk.columnNames().isEmpty();
        for (Column<?> c : t.columns()) {
            elements.add(column(c, !namedPk));
        }
        if (namedPk) {
            elements.add(new ConstraintDef.PrimaryKey(pk.name(), pk.columnNames()));
        }
        for (Constraint c : t.constraints()) {
            if (c instanceof PrimaryKeyConstraint || deferred.contains(c)) {
                continue;
            }
            ConstraintDef def = constraint(c);
            if (def != null) {
                elements.add(def);
            }
        }
        for (Index ix : indexes) {
            IndexDef d = index(ix);
            elements.add(new IndexDef(d.name(), null, null, d.elements(), d.isUnique(), false));
        }
        return new TableDef(t.schema(), t.name(), elements, t.comment());
    }

    /** A model constraint under the name its DDL gets; null for a primary key. */
    ConstraintDef constraint(Constraint c) {
        String name = ddl.constraintName(c, false);
        return switch (c) {
            case PrimaryKeyConstraint pk -> null;
            case UniqueConstraint u -> new ConstraintDef.Unique(name, u.columnNames());
            case CheckConstraint ck -> new ConstraintDef.Check(name, ck.sqltext());
            case ForeignKeyConstraint fk -> foreignKey(fk, name);
        };
    }

    ConstraintDef.ForeignKey foreignKey(ForeignKeyConstraint fk, String name) {
        String ref = fk.referredTableName();
        int dot = ref.lastIndexOf('.');
        return new ConstraintDef.ForeignKey(name, fk.columnNames(), dot < 0 ? null : ref.substring(0, dot),
                dot < 0 ? ref : ref.substring(dot + 1), fk.referredColumnNames(), fk.onDeleteAction(), fk.onUpdateAction());
    }

    IndexDef index(Index ix) {
        List<String> elements = new ArrayList<>();
        for (Object e : ix.elements()) {
            elements.add(e instanceof Index.Expr x ? IndexDef.EXPR + x.sql() : elementName(e));
        }
        return new IndexDef(ddl.indexName(ix), ix.table().schema(), ix.table().name(), elements, ix.isUnique(), false);
    }

    private static String elementName(Object e) {
        return e instanceof Column<?> c ? c.name() : String.valueOf(e);
    }

    IndexDef index(String schema, String table, Reflected.Index ix) {
        return new IndexDef(ix.name(), schema, table, ix.columns(), ix.unique(), false);
    }

    ConstraintDef.ForeignKey foreignKey(Reflected.ForeignKey fk) {
        return new ConstraintDef.ForeignKey(fk.name(), fk.columns(), fk.referredSchema(), fk.referredTable(),
                fk.referredColumns(), Equivalence.action(fk.onDelete()), Equivalence.action(fk.onUpdate()));
    }

    /** A reflected table as {@code createTable} would recreate it (the downgrade of a drop). */
    TableDef table(String schema, String name, ReflectedTable r) {
        List<TableElement> elements = new ArrayList<>();
        List<String> pkCols = r.primaryKey() == null ? List.of() : r.primaryKey().columns();
        for (Reflected.Column c : r.columns()) {
            elements.add(column(c, pkCols.contains(c.name()) && pkCols.size() == 1));
        }
        if (pkCols.size() > 1) {
            elements.add(new ConstraintDef.PrimaryKey(null, pkCols));
        }
        for (Reflected.Unique u : r.uniques()) {
            elements.add(new ConstraintDef.Unique(u.name(), u.columns()));
        }
        for (Reflected.Check ck : r.checks()) {
            if (ck.name() != null && !Comparison.generatedCheck(ck)) {
                elements.add(new ConstraintDef.Check(ck.name(), ck.sqltext()));
            }
        }
        for (Reflected.ForeignKey fk : r.foreignKeys()) {
            elements.add(foreignKey(fk));
        }
        return new TableDef(schema, name, elements, r.comment());
    }

    Dialect dialect() {
        return dialect;
    }
}
