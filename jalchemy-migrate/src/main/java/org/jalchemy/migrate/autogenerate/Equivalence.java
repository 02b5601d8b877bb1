package org.jalchemy.migrate.autogenerate;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Reflected;
import org.jalchemy.types.EnumValues;
import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.TypeDecorator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a model's column and the reflected one count as the same, per dialect: types compare by the
 * DDL each compiles to on the connection's dialect (so {@code Boolean} and MariaDB's
 * {@code TINYINT(1)} agree when jalchemy writes one as the other), server defaults by normalised SQL
 * text (casts, outer parentheses, case outside string literals and the spellings of
 * {@code CURRENT_TIMESTAMP} removed). Both sides are normalised the same way, so a default that
 * round-trips through the database compares equal to what the model declared.
 *
 * <p>Hazard: a type the reflector cannot map ({@link NullType}) is never reported as changed;
 * a default written as an arbitrary expression may normalise differently from the database's
 * rewritten form, which shows as a change on every run; turn default comparison off for it
 * ({@code compareServerDefault(false)}) or filter the column.
 */
final class Equivalence {
    private static final Pattern PG_CAST = Pattern.compile("::[a-z_ ]+(\\(\\d+(,\\d+)?\\))?(\\[\\])?");

    private Equivalence() {
    }

    /** True when the types differ (null comparator result: the dialect's own comparison). */
    static boolean typesDiffer(Reflected.Column inspected, Column<?> model, Dialect dialect, AutogenerateOptions options) {
        if (options.typeComparator() != null) {
            Boolean custom = options.typeComparator().differ(inspected, model, dialect);
            if (custom != null) {
                return custom;
            }
        }
        SqlType<?> reflected = inspected.type();
        if (reflected == null || reflected instanceof NullType) {
            return false;
        }
        SqlType<?> declared = unwrap(model.type());
        if (dialect.name().equals("sqlite") && isFloating(declared) && isFloating(reflected)) {
            return false;   // SQLite stores every FLOAT, REAL and DOUBLE as an 8-byte REAL
        }
        if (declared instanceof EnumValues me && reflected instanceof EnumValues re && dialect.supportsNativeEnum()) {
            return !me.values().equals(re.values()) && !"postgresql".equals(dialect.name());
        }
        return !ddl(declared, dialect).equals(ddl(reflected, dialect));
    }

    private static boolean isFloating(SqlType<?> t) {
        return t instanceof org.jalchemy.types.FloatType || t instanceof org.jalchemy.types.DoubleType;
    }

    /** The type's DDL on {@code dialect}, upper-cased, blanks removed; the type's class name when it has none. */
    static String ddl(SqlType<?> type, Dialect dialect) {
        try {
            return dialect.typeCompiler().process(unwrap(type)).toUpperCase(Locale.ROOT).replace(" ", "");
        } catch (CompileError e) {
            return type.getClass().getSimpleName();
        }
    }

    static SqlType<?> unwrap(SqlType<?> type) {
        SqlType<?> t = type;
        while (t instanceof TypeDecorator<?, ?> d) {
            t = d.impl();
        }
        return t;
    }

    /** True when the server defaults differ after normalisation (null and {@code NULL} mean none). */
    static boolean defaultsDiffer(String reflected, String model) {
        return !java.util.Objects.equals(normalizeDefault(reflected), normalizeDefault(model));
    }

    /** The comparable form of a server default, or null for none. */
    static String normalizeDefault(String sql) {
        if (sql == null) {
            return null;
        }
        String s = sql.trim();
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        s = lowerOutsideQuotes(s);
        s = PG_CAST.matcher(s).replaceAll("");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        s = s.replace(" ", "");
        if (s.isEmpty() || s.equals("null")) {
            return null;
        }
        switch (s) {
            case "current_timestamp()", "now()", "localtimestamp", "localtimestamp()", "current_timestamp(6)" -> {
                return "current_timestamp";
            }
            case "true", "'1'", "'t'", "'true'" -> {
                return "1";
            }
            case "false", "'0'", "'f'", "'false'" -> {
                return "0";
            }
            default -> {
            }
        }
        // '5' and 5 mean the same default for a numeric column
        if (s.matches("'-?\\d+(\\.\\d+)?'")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.matches("-?\\d+\\.\\d+")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static String lowerOutsideQuotes(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(quoted ? c : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** Foreign-key actions that mean "none": null, NO ACTION, RESTRICT (MariaDB reports RESTRICT when none was given). */
    static String action(String a) {
        if (a == null) {
            return null;
        }
        String up = a.trim().toUpperCase(Locale.ROOT);
        return up.isEmpty() || up.equals("NO ACTION") || up.equals("RESTRICT") ? null : up;
    }
}
