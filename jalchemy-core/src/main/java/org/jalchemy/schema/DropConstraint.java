package org.jalchemy.schema;

/** DDL construct: {@code new DropConstraint(constraint).compile(dialect)} prints it; {@code connection.execute(...)} runs it. */
public final class DropConstraint extends DdlElement {
    private final Constraint constraint;

    public DropConstraint(Constraint constraint) {
        this.constraint = java.util.Objects.requireNonNull(constraint, "constraint");
    }

    public Constraint constraint() {
        return constraint;
    }

    @Override
    public String toSql(DdlCompiler compiler) {
        return compiler.dropConstraint(constraint);
    }

    @Override
    public String toString() {
        return "DropConstraint(" + constraint + ")";
    }
}
