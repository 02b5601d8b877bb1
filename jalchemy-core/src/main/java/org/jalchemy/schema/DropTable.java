package org.jalchemy.schema;

/** DDL construct: {@code new DropTable(table).compile(dialect)} prints it; {@code connection.execute(...)} runs it. */
public final class DropTable extends DdlElement {
    private final Table table;

    public DropTable(Table table) {
        this.table = java.util.Objects.requireNonNull(table, "table");
    }

    public Table table() {
        return table;
    }

    @Override
    public String toSql(DdlCompiler compiler) {
        return compiler.dropTable(table);
    }

    @Override
    public String toString() {
        return "DropTable(" + table + ")";
    }
}
