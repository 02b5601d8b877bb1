package org.jalchemy.migrate.lint.rules;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.EnumValues;
import org.jalchemy.types.InstantType;
import org.jalchemy.types.NullType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TypeDecorator;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What changing a column's type costs on each database, for {@code changing-column-type}. The
 * claims are checked against live servers by {@code TypeChangeCostTest} (PostgreSQL: does
 * {@code pg_class.relfilenode} change; MariaDB: does {@code ALGORITHM=INPLACE, LOCK=NONE} succeed).
 *
 * <ul>
 *   <li>PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock unless the new type is binary
 *       coercible from the old one: VARCHAR(n) to VARCHAR(m &ge; n), to unbounded VARCHAR or to TEXT;
 *       TEXT to unbounded VARCHAR; NUMERIC(p,s) to NUMERIC(q &ge; p, s) or to unconstrained NUMERIC.
 *       TIMESTAMP to and from TIMESTAMPTZ is free only when the session time zone is UTC. A
 *       {@code USING} expression other than a plain cast of the column forces a rewrite.</li>
 *   <li>MySQL and MariaDB copy the table (blocking writes) for a type change, except a VARCHAR that
 *       grows without needing a longer length prefix (MySQL: the byte length stays on the same side
 *       of 255; MariaDB also when the old byte length is at most 127), and an ENUM that only gains
 *       values at its end. Character sets are not known to lint, so growth counts as cheap only when
 *       it is for 1- to 4-byte characters alike.</li>
 *   <li>SQLite cannot change a type in place at all: the table is rebuilt (batch mode).</li>
 * </ul>
 * Stateless; the per-dialect type compilers are cached.
 */
final class TypeChanges {
    private static final Map<String, Dialect> DIALECTS = new ConcurrentHashMap<>();

    private TypeChanges() {
    }

    enum Cost {
        /** The same type in this database: nothing happens. */
        NONE,
        /** A catalog change only (no rewrite, no copy). */
        METADATA,
        /** Free only under a condition lint cannot check (PostgreSQL: the session time zone is UTC). */
        CONDITIONAL,
        /** The table is rewritten or copied. */
        REWRITE,
        /** Lint cannot tell (the old type was not given). */
        UNKNOWN
    }

    record Verdict(Cost cost, String reason) {
    }

    static Verdict classify(LintTarget target, SqlType<?> from, SqlType<?> to, String using, String column) {
        if (to == null || to instanceof NullType || from == null || from instanceof NullType) {
            return new Verdict(Cost.UNKNOWN, from == null || from instanceof NullType
                    ? "the old type is not known (give existingType(...) so lint can tell)"
                    : "the new type is not known");
        }
        SqlType<?> a = unwrap(from);
        SqlType<?> b = unwrap(to);
        String ca = compiled(target, a);
        String cb = compiled(target, b);
        boolean sameSql = ca != null && ca.equals(cb);
        if ((a.equals(b) || sameSql) && (using == null || isPlainCast(using, column))) {
            return new Verdict(Cost.NONE, "the type does not change");
        }
        return switch (target.family()) {
            case POSTGRESQL -> postgresql(a, b, using, column, name(ca, a), name(cb, b));
            case MYSQL, MARIADB -> mysql(target, a, b, name(ca, a), name(cb, b));
            default -> new Verdict(Cost.REWRITE, target.isSqlite()
                    ? "SQLite rebuilds the table to change a column type" : "the database may rewrite the table");
        };
    }

    private static String name(String compiled, SqlType<?> type) {
        return compiled != null ? compiled : type.toString();
    }

    private static Verdict postgresql(SqlType<?> a, SqlType<?> b, String using, String column, String fromName, String toName) {
        if (using != null && !isPlainCast(using, column)) {
            return new Verdict(Cost.REWRITE, "a USING expression is computed for every row");
        }
        if (a instanceof StringType sa && b instanceof StringType sb) {
            if (sb.length() == null || (sa.length() != null && sb.length() >= sa.length())) {
                return new Verdict(Cost.METADATA, "VARCHAR grows: no rewrite");
            }
            return new Verdict(Cost.REWRITE, sa.length() == null ? "adding a length limit checks and rewrites every row"
                    : "shrinking VARCHAR(" + sa.length() + ") to VARCHAR(" + sb.length() + ") checks and rewrites every row");
        }
        if (a instanceof StringType && b instanceof TextType) {
            return new Verdict(Cost.METADATA, "VARCHAR to TEXT: no rewrite");
        }
        if (a instanceof TextType && b instanceof StringType sb) {
            return sb.length() == null ? new Verdict(Cost.METADATA, "TEXT to unbounded VARCHAR: no rewrite")
                    : new Verdict(Cost.REWRITE, "TEXT to VARCHAR(" + sb.length() + ") checks and rewrites every row");
        }
        if (a instanceof NumericType na && b instanceof NumericType nb) {
            if (nb.precision() == null && nb.scale() == null) {
                return new Verdict(Cost.METADATA, "NUMERIC loses its limits: no rewrite");
            }
            if (na.precision() != null && nb.precision() != null && nb.precision() >= na.precision()
                    && Objects.equals(na.scale(), nb.scale())) {
                return new Verdict(Cost.METADATA, "NUMERIC precision grows at the same scale: no rewrite");
            }
            return new Verdict(Cost.REWRITE, "changing NUMERIC scale or shrinking precision rewrites every row");
        }
        boolean aTz = a instanceof OffsetDateTimeType || a instanceof InstantType;
        boolean bTz = b instanceof OffsetDateTimeType || b instanceof InstantType;
        if ((a instanceof DateTimeType && bTz) || (aTz && b instanceof DateTimeType)) {
            return new Verdict(Cost.CONDITIONAL, "TIMESTAMP to/from TIMESTAMPTZ rewrites the table unless the session"
                    + " time zone of the migration is UTC");
        }
        return new Verdict(Cost.REWRITE, fromName + " to " + toName + " is not binary coercible: every row is rewritten");
    }

    private static Verdict mysql(LintTarget target, SqlType<?> a, SqlType<?> b, String fromName, String toName) {
        if (a instanceof StringType sa && b instanceof StringType sb && sa.length() != null && sb.length() != null
                && sb.length() >= sa.length()) {
            boolean mariadb = target.isMariadb();
            for (int bytesPerChar = 1; bytesPerChar <= 4; bytesPerChar++) {
                if (!varcharGrowthInPlace(sa.length() * bytesPerChar, sb.length() * bytesPerChar, mariadb)) {
                    return new Verdict(Cost.REWRITE, "VARCHAR(" + sa.length() + ") to VARCHAR(" + sb.length()
                            + ") needs a longer length prefix for some character sets: the table is copied");
                }
            }
            return new Verdict(Cost.METADATA, "VARCHAR grows within its length prefix: done in place");
        }
        if (a instanceof EnumValues ea && b instanceof EnumValues eb && eb.values().size() >= ea.values().size()
                && eb.values().subList(0, ea.values().size()).equals(ea.values()) && eb.values().size() <= 255) {
            return new Verdict(Cost.METADATA, "ENUM values appended at the end: done in place");
        }
        return new Verdict(Cost.REWRITE, fromName + " to " + toName + ": MODIFY copies the table, blocking writes");
    }

    /** True when growing a VARCHAR from {@code oldBytes} to {@code newBytes} needs no table copy. */
    static boolean varcharGrowthInPlace(int oldBytes, int newBytes, boolean mariadb) {
        if ((oldBytes <= 255) == (newBytes <= 255)) {
            return true;
        }
        return mariadb && oldBytes <= 127;
    }

    private static SqlType<?> unwrap(SqlType<?> t) {
        SqlType<?> x = t;
        while (x instanceof TypeDecorator<?, ?> d) {
            x = d.impl();
        }
        return x;
    }

    private static String compiled(LintTarget target, SqlType<?> type) {
        if (target.family() == LintTarget.Family.OTHER) {
            return null;
        }
        try {
            Dialect d = DIALECTS.computeIfAbsent(target.dialectName(), Dialects::get);
            return d.typeCompiler().process(type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code col::type} or {@code CAST(col AS type)}: a conversion PostgreSQL can still do as a relabel. */
    static boolean isPlainCast(String using, String column) {
        String c = Pattern.quote(column);
        String u = using.trim();
        return u.matches("(?i)\"?" + c + "\"?\\s*::\\s*[\\w\\s]+(\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?")
                || u.matches("(?i)CAST\\s*\\(\\s*\"?" + c + "\"?\\s+AS\\s+[\\w\\s]+(\\(\\s*\\d+(\\s*,\\s*\\d+)?\\s*\\))?\\s*\\)");
    }
}
