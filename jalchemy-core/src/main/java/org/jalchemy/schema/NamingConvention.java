package org.jalchemy.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Constraint and index naming templates (SQLAlchemy's {@code naming_convention}), keyed by
 * {@code ix}, {@code uq}, {@code ck}, {@code fk}, {@code pk}, with SQLAlchemy's tokens:
 * {@code %(table_name)s}, {@code %(column_0_name)s}, {@code %(column_0_N_name)s} (all columns
 * joined by {@code _}), {@code %(column_0_label)s} ({@code table_column}),
 * {@code %(referred_table_name)s}, {@code %(referred_column_0_name)s}, {@code %(constraint_name)s}.
 * The default has only {@code ix: ix_%(column_0_label)s}.
 *
 * <p>Generated names longer than the dialect's limit are truncated deterministically by
 * {@link #truncate}: a prefix plus 8 hex digits of the MD5 of the full name, so the same
 * input always gives the same, distinct-with-high-probability name. Immutable.
 */
public record NamingConvention(Map<String, String> templates) {
    public static final NamingConvention DEFAULT = new NamingConvention(Map.of("ix", "ix_%(column_0_label)s"));

    public NamingConvention {
        templates = Map.copyOf(templates);
    }

    /** The name for a constraint or index of kind {@code key}, or {@code explicitName} / null when no template applies. */
    String apply(String key, String explicitName, Table table, List<String> columns, ForeignKeyConstraint fk) {
        String template = templates.get(key);
        if (template == null || (explicitName != null && !template.contains("%(constraint_name)s"))) {
            return explicitName;
        }
        if (explicitName == null && template.contains("%(constraint_name)s")) {
            return null;
        }
        String out = template.replace("%(table_name)s", table.name());
        if (explicitName != null) {
            out = out.replace("%(constraint_name)s", explicitName);
        }
        String c0 = columns.isEmpty() ? "" : columns.get(0);
        out = out.replace("%(column_0_N_name)s", String.join("_", columns))
                .replace("%(column_0_name)s", c0)
                .replace("%(column_0_label)s", table.name() + "_" + c0);
        if (fk != null) {
            String rt = fk.referredTableName();
            out = out.replace("%(referred_table_name)s", rt.substring(rt.lastIndexOf('.') + 1))
                    .replace("%(referred_column_0_name)s", fk.referredColumnNames().get(0));
        }
        return out;
    }

    /** {@code name} if it fits in {@code max} characters, else a deterministic shortened form. */
    /**
     * As {@link #truncate(String, int)}, counting length as {@code dialect} does (PostgreSQL: UTF-8
     * bytes), and never cutting a character in two.
     */
    public static String truncate(String name, org.jalchemy.dialect.Dialect dialect) {
        int max = dialect.maxIdentifierLength();
        if (dialect.identifierLength(name) <= max) {
            return name;
        }
        String suffix = "_" + hash(name);
        int end = name.length();
        while (end > 0 && dialect.identifierLength(name.substring(0, end) + suffix) > max) {
            end = name.offsetByCodePoints(end, -1);
        }
        return name.substring(0, end) + suffix;
    }

    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String truncate(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(d, 0, 4);
            return name.substring(0, max - 9) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
