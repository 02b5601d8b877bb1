package org.jalchemy.schema;

/** DDL construct: {@code new DropIndex(index).compile(dialect)} prints it; {@code connection.execute(...)} runs it. */
public final class DropIndex extends DdlElement {
    private final Index index;

    public DropIndex(Index index) {
        this.index = java.util.Objects.requireNonNull(index, "index");
    }

    public Index index() {
        return index;
    }

    @Override
    public String toSql(DdlCompiler compiler) {
        return compiler.dropIndex(index);
    }

    @Override
    public String toString() {
        return "DropIndex(" + index + ")";
    }
}
