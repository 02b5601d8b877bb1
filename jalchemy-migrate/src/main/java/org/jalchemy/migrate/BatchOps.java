package org.jalchemy.migrate;

import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;
import java.util.function.Consumer;

/**
 * The operations of one {@code op.batchAlterTable("users", batch -> ...)} block: the table-level
 * ops of {@link Ops} without the table argument. They are collected and run together when the
 * block returns (see {@link MigrateOp.BatchAlterTable}).
 */
public final class BatchOps {
    private final String schema;
    private final String table;
    private final List<MigrateOp> ops;

    BatchOps(String schema, String table, List<MigrateOp> ops) {
        this.schema = schema;
        this.table = table;
        this.ops = ops;
    }

    public void addColumn(ColumnDef column) {
        ops.add(new MigrateOp.AddColumn(schema, table, column));
    }

    public void dropColumn(String column) {
        ops.add(new MigrateOp.DropColumn(schema, table, column, null));
    }

    public void alterColumn(String column, Consumer<AlterColumnSpec> change) {
        AlterColumnSpec spec = new AlterColumnSpec();
        change.accept(spec);
        ops.add(spec.toOp(schema, table, column));
    }

    public void createIndex(String name, String... elements) {
        ops.add(new MigrateOp.CreateIndex(new IndexDef(name, schema, table, List.of(elements), false, false)));
    }

    public void createIndex(IndexDef index) {
        ops.add(new MigrateOp.CreateIndex(index.on(schema, table)));
    }

    public void dropIndex(String name) {
        ops.add(new MigrateOp.DropIndex(schema, table, name, false, null));
    }

    public void addConstraint(ConstraintDef constraint) {
        ops.add(new MigrateOp.AddConstraint(schema, table, constraint, false));
    }

    public void createUniqueConstraint(String name, String... columns) {
        addConstraint(new ConstraintDef.Unique(name, List.of(columns)));
    }

    public void createCheckConstraint(String name, String condition) {
        addConstraint(new ConstraintDef.Check(name, condition));
    }

    public void createForeignKey(String name, String referredTable, List<String> localColumns, List<String> referredColumns) {
        String[] rt = Ops.split(referredTable);
        addConstraint(new ConstraintDef.ForeignKey(name, localColumns, rt[0], rt[1], referredColumns, null, null));
    }

    public void createPrimaryKey(String name, String... columns) {
        addConstraint(new ConstraintDef.PrimaryKey(name, List.of(columns)));
    }

    public void dropConstraint(String name, ConstraintDef.Kind kind) {
        ops.add(new MigrateOp.DropConstraint(schema, table, name, kind, null));
    }

    public void createTableComment(String comment) {
        ops.add(new MigrateOp.SetTableComment(schema, table, comment, null));
    }
}
