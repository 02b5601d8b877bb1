package org.jalchemy.schema;

/** DDL construct: {@code new CreateTable(table).compile(dialect)} prints it; {@code connection.execute(...)} runs it. */
public final class CreateTable extends DdlElement {
    private final Table table;

    public CreateTable(Table table) {
        this.table = java.util.Objects.requireNonNull(table, "table");
    }

    public Table table() {
        return table;
    }

    @Override
    public String toSql(DdlCompiler compiler) {
        return compiler.createTable(table);
    }

    @Override
    public String toString() {
        return "CreateTable(" + table + ")";
    }
}
