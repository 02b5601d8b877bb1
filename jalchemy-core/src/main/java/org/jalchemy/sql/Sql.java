package org.jalchemy.sql;

/**
 * Static entry points of the SQL expression language; {@code import static org.jalchemy.sql.Sql.*}.
 * (The expression builders are added with the expression language.)
 */
public final class Sql {
    private Sql() {
    }

    /** Literal SQL with {@code :name} bind parameters; see {@link TextClause}. */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }
}
