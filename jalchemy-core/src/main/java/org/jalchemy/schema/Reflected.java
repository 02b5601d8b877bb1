package org.jalchemy.schema;

import org.jalchemy.types.SqlType;

import java.util.List;

/**
 * The records reflection returns (SQLAlchemy's {@code ReflectedColumn}, {@code ReflectedForeignKeyConstraint}
 * dictionaries, as immutable values). Names are as the database reports them; {@code name} of a
 * constraint may be null where the database keeps none (SQLite).
 */
public final class Reflected {
    private Reflected() {
    }

    /**
     * @param type          the jalchemy type the database type maps back to ({@code NullType} when unknown)
     * @param typeName      the database's own type name, for messages and unknown types
     * @param defaultSql    the server default as SQL text, or null
     * @param autoincrement true when the database generates values (SERIAL, IDENTITY, AUTO_INCREMENT)
     */
    public record Column(String name, SqlType<?> type, String typeName, boolean nullable, String defaultSql,
                         boolean autoincrement, String comment) {
    }

    public record PrimaryKey(String name, List<String> columns) {
    }

    public record ForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                             List<String> referredColumns, String onDelete, String onUpdate) {
    }

    /**
     * An index; {@code columns} holds column names and, for functional elements, their SQL text as the
     * database spells it (null where it cannot be recovered).
     */
    public record Index(String name, List<String> columns, boolean unique) {
    }

    public record Unique(String name, List<String> columns) {
    }

    public record Check(String name, String sqltext) {
    }

    /**
     * Everything reflection says about one table, as {@code Inspector.getTables} returns it: the
     * same records the per-table getters return, read in one pass.
     */
    public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                        List<Index> indexes, List<Unique> uniques, List<Check> checks, String comment) {
    }
}
