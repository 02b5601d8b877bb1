package org.jalchemy.migrate.ops;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint in a migration: primary key, unique, check or foreign key. {@code name} may be
 * null, in which case the naming convention of the target MetaData (or the database) names it.
 * Immutable values.
 */
public sealed interface ConstraintDef extends TableElement {
    String name();

    /** The constraint kind as Alembic spells it for {@code drop_constraint}: primary, unique, check, foreignkey. */
    Kind kind();

    /** The same constraint under an explicit name. */
    ConstraintDef named(String name);

    enum Kind { PRIMARY, UNIQUE, CHECK, FOREIGNKEY }

    record PrimaryKey(String name, List<String> columns) implements ConstraintDef {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }

        @Override
        public Kind kind() {
            return Kind.PRIMARY;
        }

        @Override
        public PrimaryKey named(String newName) {
            return new PrimaryKey(newName, columns);
        }
    }

    record Unique(String name, List<String> columns) implements ConstraintDef {
        public Unique {
            columns = List.copyOf(columns);
        }

        @Override
        public Kind kind() {
            return Kind.UNIQUE;
        }

        @Override
        public Unique named(String newName) {
            return new Unique(newName, columns);
        }
    }

    record Check(String name, String sqltext) implements ConstraintDef {
        public Check {
            Objects.requireNonNull(sqltext, "check constraint text");
        }

        @Override
        public Kind kind() {
            return Kind.CHECK;
        }

        @Override
        public Check named(String newName) {
            return new Check(newName, sqltext);
        }
    }

    /**
     * @param referredSchema null: the same schema as the constrained table
     * @param onDelete       ON DELETE action or null; {@code onUpdate} likewise
     */
    record ForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                      List<String> referredColumns, String onDelete, String onUpdate) implements ConstraintDef {
        public ForeignKey {
            columns = List.copyOf(columns);
            referredColumns = List.copyOf(referredColumns);
            Objects.requireNonNull(referredTable, "referred table");
        }

        @Override
        public Kind kind() {
            return Kind.FOREIGNKEY;
        }

        @Override
        public ForeignKey named(String newName) {
            return new ForeignKey(newName, columns, referredSchema, referredTable, referredColumns, onDelete, onUpdate);
        }

        public ForeignKey onDelete(String action) {
            return new ForeignKey(name, columns, referredSchema, referredTable, referredColumns, action, onUpdate);
        }

        public ForeignKey onUpdate(String action) {
            return new ForeignKey(name, columns, referredSchema, referredTable, referredColumns, onDelete, action);
        }
    }
}
