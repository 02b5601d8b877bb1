package org.jalchemy.schema;

import org.jalchemy.types.SqlType;

/**
 * What an ALTER COLUMN changes (Alembic's {@code alter_column} arguments), compiled by
 * {@link DdlCompiler#alterColumn}. A null {@code type}/{@code nullable}/{@code newName} leaves that
 * property alone; {@code changesDefault}/{@code changesComment} say whether the server default or
 * comment change (to the given value; null drops it).
 *
 * <p>The {@code existing*} values describe the column as it is. Databases that restate the whole
 * column to change one property (MySQL/MariaDB {@code MODIFY}) need them: without
 * {@code existingType} such a change raises {@link org.jalchemy.exc.CompileError}, and an omitted
 * {@code existingNullable}, default or comment would be reset by the restatement.
 *
 * @param using PostgreSQL's {@code USING} expression for a type change (null: none)
 */
public record ColumnAlteration(SqlType<?> type, Boolean nullable, boolean changesDefault, String serverDefault,
                               boolean changesComment, String comment, String newName, String using,
                               SqlType<?> existingType, Boolean existingNullable, String existingServerDefault,
                               String existingComment, boolean existingAutoincrement) {

    /** True when nothing but the name changes. */
    public boolean onlyRename() {
        return type == null && nullable == null && !changesDefault && !changesComment;
    }
}
