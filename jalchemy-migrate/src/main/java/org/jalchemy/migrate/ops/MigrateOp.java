package org.jalchemy.migrate.ops;

import org.jalchemy.sql.Executable;
import org.jalchemy.types.SqlType;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One schema operation of a migration (Alembic's {@code MigrateOperation}): what a script's
 * {@code op.addColumn(...)} call records, what autogenerate produces from a schema diff, what lint
 * inspects and what the runner compiles to SQL for a dialect. Immutable values.
 *
 * <p>{@link #reverse()} gives the operation that undoes this one, used by autogenerate to write
 * each downgrade; it raises {@link IrreversibleOpException} when the op lacks what its inverse needs
 * (a {@code dropColumn} without the dropped column's definition, raw SQL). Ops carry the "existing"
 * state they replace for that reason, and because MySQL's {@code MODIFY} restates whole columns.
 *
 * <p>{@code schema} null means the connection's default schema throughout.
 */
public sealed interface MigrateOp {

    /** A short description for progress lines, lint and errors: {@code add column users.email}. */
    String describe();

    /** The operation that undoes this one. */
    default MigrateOp reverse() {
        throw new IrreversibleOpException(this);
    }

    /** The table this op changes, or null (raw SQL, enum types). */
    default String tableName() {
        return null;
    }

    private static String q(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    record CreateTable(TableDef table) implements MigrateOp {
        @Override
        public String describe() {
            return "create table " + q(table.schema(), table.name());
        }

        @Override
        public MigrateOp reverse() {
            return new DropTable(table.schema(), table.name(), table);
        }

        @Override
        public String tableName() {
            return table.name();
        }
    }

    /** @param existing the dropped table's definition (for the reverse op), or null */
    record DropTable(String schema, String name, TableDef existing) implements MigrateOp {
        @Override
        public String describe() {
            return "drop table " + q(schema, name);
        }

        @Override
        public MigrateOp reverse() {
            if (existing == null) {
                throw new IrreversibleOpException(this);
            }
            return new CreateTable(existing);
        }

        @Override
        public String tableName() {
            return name;
        }
    }

    record RenameTable(String schema, String name, String newName) implements MigrateOp {
        @Override
        public String describe() {
            return "rename table " + q(schema, name) + " to " + newName;
        }

        @Override
        public MigrateOp reverse() {
            return new RenameTable(schema, newName, name);
        }

        @Override
        public String tableName() {
            return name;
        }
    }

    record AddColumn(String schema, String table, ColumnDef column) implements MigrateOp {
        @Override
        public String describe() {
            return "add column " + q(schema, table) + "." + column.name();
        }

        @Override
        public MigrateOp reverse() {
            return new DropColumn(schema, table, column.name(), column);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** @param existing the dropped column's definition (for the reverse op), or null */
    record DropColumn(String schema, String table, String column, ColumnDef existing) implements MigrateOp {
        @Override
        public String describe() {
            return "drop column " + q(schema, table) + "." + column;
        }

        @Override
        public MigrateOp reverse() {
            if (existing == null) {
                throw new IrreversibleOpException(this);
            }
            return new AddColumn(schema, table, existing);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /**
     * ALTER COLUMN. Null {@code type}, {@code nullable}, {@code newName} mean unchanged;
     * {@code changesDefault}/{@code changesComment} say whether the default/comment change (null
     * value: removed). The {@code existing*} fields describe the column before the change.
     */
    record AlterColumn(String schema, String table, String column, SqlType<?> type, Boolean nullable,
                       boolean changesDefault, String serverDefault, boolean changesComment, String comment,
                       String newName, String using, SqlType<?> existingType, Boolean existingNullable,
                       String existingServerDefault, String existingComment, boolean existingAutoincrement)
            implements MigrateOp {
        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("alter column " + q(schema, table) + "." + column);
            if (type != null) {
                sb.append(" type ").append(type);
            }
            if (nullable != null) {
                sb.append(nullable ? " null" : " not null");
            }
            if (changesDefault) {
                sb.append(" default ").append(serverDefault);
            }
            if (changesComment) {
                sb.append(" comment");
            }
            if (newName != null) {
                sb.append(" rename to ").append(newName);
            }
            return sb.toString();
        }

        /** Undoes the change; needs the existing type/nullability for the properties that changed. */
        @Override
        public MigrateOp reverse() {
            if ((type != null && existingType == null) || (nullable != null && existingNullable == null)) {
                throw new IrreversibleOpException(this);
            }
            String name = newName != null ? newName : column;
            return new AlterColumn(schema, table, name, type != null ? existingType : null,
                    nullable != null ? existingNullable : null, changesDefault, existingServerDefault, changesComment,
                    existingComment, newName != null ? column : null, null,
                    type != null ? type : existingType, nullable != null ? nullable : existingNullable,
                    changesDefault ? serverDefault : existingServerDefault, changesComment ? comment : existingComment,
                    existingAutoincrement);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    record CreateIndex(IndexDef index) implements MigrateOp {
        public CreateIndex {
            Objects.requireNonNull(index.table(), "index table");
        }

        @Override
        public String describe() {
            return "create " + (index.isUnique() ? "unique " : "") + "index " + index.name() + " on "
                    + q(index.schema(), index.table()) + " " + index.elements();
        }

        @Override
        public MigrateOp reverse() {
            return new DropIndex(index.schema(), index.table(), index.name(), index.isConcurrently(), index);
        }

        @Override
        public String tableName() {
            return index.table();
        }
    }

    /** @param existing the dropped index (for the reverse op), or null */
    record DropIndex(String schema, String table, String name, boolean concurrently, IndexDef existing)
            implements MigrateOp {
        @Override
        public String describe() {
            return "drop index " + name + " on " + q(schema, table);
        }

        @Override
        public MigrateOp reverse() {
            if (existing == null) {
                throw new IrreversibleOpException(this);
            }
            return new CreateIndex(existing);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /**
     * ALTER TABLE ADD CONSTRAINT (unique, check, foreign key, primary key).
     *
     * @param notValid PostgreSQL: add a foreign key or check as NOT VALID (validated later, no long lock)
     */
    record AddConstraint(String schema, String table, ConstraintDef constraint, boolean notValid) implements MigrateOp {
        @Override
        public String describe() {
            return "add " + constraint.kind().name().toLowerCase(java.util.Locale.ROOT) + " constraint "
                    + constraint.name() + " on " + q(schema, table);
        }

        @Override
        public MigrateOp reverse() {
            if (constraint.name() == null && constraint.kind() != ConstraintDef.Kind.PRIMARY) {
                throw new IrreversibleOpException(this);
            }
            return new DropConstraint(schema, table, constraint.name(), constraint.kind(), constraint);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** @param existing the dropped constraint (for the reverse op), or null */
    record DropConstraint(String schema, String table, String name, ConstraintDef.Kind kind, ConstraintDef existing)
            implements MigrateOp {
        @Override
        public String describe() {
            return "drop " + (kind == null ? "" : kind.name().toLowerCase(java.util.Locale.ROOT) + " ")
                    + "constraint " + name + " on " + q(schema, table);
        }

        @Override
        public MigrateOp reverse() {
            if (existing == null) {
                throw new IrreversibleOpException(this);
            }
            return new AddConstraint(schema, table, existing, false);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** Sets ({@code comment} non-null) or drops a table comment. */
    record SetTableComment(String schema, String table, String comment, String existingComment) implements MigrateOp {
        @Override
        public String describe() {
            return (comment == null ? "drop" : "set") + " comment on table " + q(schema, table);
        }

        @Override
        public MigrateOp reverse() {
            return new SetTableComment(schema, table, existingComment, comment);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** Raw SQL ({@code sql}) or a Core statement ({@code statement}); exactly one is non-null. */
    record Execute(String sql, Executable statement) implements MigrateOp {
        @Override
        public String describe() {
            String s = sql != null ? sql : String.valueOf(statement);
            s = s.replaceAll("\\s+", " ").trim();
            return "execute " + (s.length() > 60 ? s.substring(0, 57) + "..." : s);
        }
    }

    /** INSERT of literal rows (Alembic's {@code bulk_insert}); values bound, or rendered as literals offline. */
    record BulkInsert(String schema, String table, List<ColumnDef> columns, List<Map<String, Object>> rows)
            implements MigrateOp {
        public BulkInsert {
            columns = columns == null ? List.of() : List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        @Override
        public String describe() {
            return "bulk insert " + rows.size() + " rows into " + q(schema, table);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /**
     * Several changes to one table applied together (Alembic's {@code batch_alter_table}): on SQLite,
     * when any of them cannot be done with ALTER, the table is rebuilt (create a copy with the new
     * shape, copy the rows, drop the old one, rename), keeping indexes, constraints and data.
     */
    record BatchAlterTable(String schema, String table, List<MigrateOp> ops, Recreate recreate) implements MigrateOp {
        public BatchAlterTable {
            ops = List.copyOf(ops);
        }

        @Override
        public String describe() {
            return "batch alter table " + q(schema, table) + " (" + ops.size() + " ops)";
        }

        @Override
        public MigrateOp reverse() {
            List<MigrateOp> rev = new java.util.ArrayList<>();
            for (int i = ops.size() - 1; i >= 0; i--) {
                rev.add(ops.get(i).reverse());
            }
            return new BatchAlterTable(schema, table, rev, recreate);
        }

        @Override
        public String tableName() {
            return table;
        }
    }

    /** When a batch rebuilds its table: AUTO (only when some op needs it), ALWAYS, NEVER. */
    enum Recreate { AUTO, ALWAYS, NEVER }

    /** PostgreSQL {@code CREATE TYPE ... AS ENUM}. */
    record CreateEnumType(String schema, String name, List<String> values) implements MigrateOp {
        public CreateEnumType {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return "create enum type " + q(schema, name) + " " + values;
        }

        @Override
        public MigrateOp reverse() {
            return new DropEnumType(schema, name, values);
        }
    }

    /** @param existingValues the dropped type's values (for the reverse op), or null */
    record DropEnumType(String schema, String name, List<String> existingValues) implements MigrateOp {
        @Override
        public String describe() {
            return "drop enum type " + q(schema, name);
        }

        @Override
        public MigrateOp reverse() {
            if (existingValues == null) {
                throw new IrreversibleOpException(this);
            }
            return new CreateEnumType(schema, name, existingValues);
        }
    }

    /**
     * PostgreSQL {@code ALTER TYPE ... ADD VALUE} (cannot be undone by PostgreSQL: the reverse
     * raises). On MySQL/MariaDB enum values live in the column type: use an {@link AlterColumn}.
     */
    record AddEnumValue(String schema, String name, String value, String before, String after) implements MigrateOp {
        @Override
        public String describe() {
            return "add value '" + value + "' to enum type " + q(schema, name);
        }
    }
}
