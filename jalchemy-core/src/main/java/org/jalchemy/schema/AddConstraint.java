package org.jalchemy.schema;

/** DDL construct: {@code new AddConstraint(constraint).compile(dialect)} prints it; {@code connection.execute(...)} runs it. */
public final class AddConstraint extends DdlElement {
    private final Constraint constraint;

    public AddConstraint(Constraint constraint) {
        this.constraint = java.util.Objects.requireNonNull(constraint, "constraint");
    }

    public Constraint constraint() {
        return constraint;
    }

    @Override
    public String toSql(DdlCompiler compiler) {
        return compiler.addConstraint(constraint);
    }

    @Override
    public String toString() {
        return "AddConstraint(" + constraint + ")";
    }
}
