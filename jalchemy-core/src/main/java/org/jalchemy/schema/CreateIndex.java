package org.jalchemy.schema;

/** DDL construct: {@code new CreateIndex(index).compile(dialect)} prints it; {@code connection.execute(...)} runs it. */
public final class CreateIndex extends DdlElement {
    private final Index index;

    public CreateIndex(Index index) {
        this.index = java.util.Objects.requireNonNull(index, "index");
    }

    public Index index() {
        return index;
    }

    @Override
    public String toSql(DdlCompiler compiler) {
        return compiler.createIndex(index);
    }

    @Override
    public String toString() {
        return "CreateIndex(" + index + ")";
    }
}
