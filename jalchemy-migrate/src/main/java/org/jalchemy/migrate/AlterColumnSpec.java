package org.jalchemy.migrate;

import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.types.SqlType;

/**
 * What {@code op.alterColumn(table, column, c -> c.type(...).nullable(false))} changes (Alembic's
 * {@code alter_column} keyword arguments). Properties not set stay as they are. The
 * {@code existing*} setters describe the column before the change: MySQL/MariaDB need
 * {@link #existingType} for any change but a rename or a default (they restate the whole column),
 * and autogenerate fills them so the downgrade can restore the old state.
 *
 * <p>A mutable builder used only inside the lambda; the op recorded is immutable.
 */
public final class AlterColumnSpec {
    private SqlType<?> type;
    private Boolean nullable;
    private boolean changesDefault;
    private String serverDefault;
    private boolean changesComment;
    private String comment;
    private String newName;
    private String using;
    private SqlType<?> existingType;
    private Boolean existingNullable;
    private String existingServerDefault;
    private String existingComment;
    private boolean existingAutoincrement;

    AlterColumnSpec() {
    }

    public AlterColumnSpec type(SqlType<?> value) {
        this.type = value;
        return this;
    }

    public AlterColumnSpec nullable(boolean value) {
        this.nullable = value;
        return this;
    }

    /** Sets the server default (SQL text, e.g. {@code "0"} or {@code "'x'"}); null drops it. */
    public AlterColumnSpec serverDefault(String sql) {
        this.changesDefault = true;
        this.serverDefault = sql;
        return this;
    }

    /** Sets the column comment; null drops it. */
    public AlterColumnSpec comment(String text) {
        this.changesComment = true;
        this.comment = text;
        return this;
    }

    public AlterColumnSpec newName(String value) {
        this.newName = value;
        return this;
    }

    /** PostgreSQL: the {@code USING} expression converting old values for a type change. */
    public AlterColumnSpec using(String sql) {
        this.using = sql;
        return this;
    }

    public AlterColumnSpec existingType(SqlType<?> value) {
        this.existingType = value;
        return this;
    }

    public AlterColumnSpec existingNullable(boolean value) {
        this.existingNullable = value;
        return this;
    }

    public AlterColumnSpec existingServerDefault(String sql) {
        this.existingServerDefault = sql;
        return this;
    }

    public AlterColumnSpec existingComment(String text) {
        this.existingComment = text;
        return this;
    }

    public AlterColumnSpec existingAutoincrement(boolean value) {
        this.existingAutoincrement = value;
        return this;
    }

    MigrateOp.AlterColumn toOp(String schema, String table, String column) {
        return new MigrateOp.AlterColumn(schema, table, column, type, nullable, changesDefault, serverDefault,
                changesComment, comment, newName, using, existingType, existingNullable, existingServerDefault,
                existingComment, existingAutoincrement);
    }
}
