package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.types.NullType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SQL text of {@code op.execute("...")} well enough for lint: splits it into statements
 * (outside quotes, dollar quotes and comments) and recognises the shapes that matter to the rules —
 * DROP DATABASE/SCHEMA, TRUNCATE, data changes, VALIDATE CONSTRAINT, and DDL that has an {@code Ops}
 * equivalent (CREATE/DROP TABLE, CREATE/DROP INDEX, ALTER TABLE ADD/DROP/RENAME/ALTER COLUMN, ADD
 * CONSTRAINT), which it turns into that {@link MigrateOp}.
 *
 * <p>It is a recogniser, not a parser: what it does not recognise is {@link SqlStatement.Kind#OTHER}
 * and meets no rule (lint never guesses a finding from SQL it cannot read). Column types in raw SQL
 * are not interpreted ({@link NullType}); a raw type change is reported as such without its types.
 * Stateless and thread-safe.
 */
final class RawSql {
    private static final String ID = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final String QID = ID + "(?:\\s*\\.\\s*" + ID + ")?";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final Pattern DROP_DATABASE = Pattern.compile("^DROP\\s+(DATABASE|SCHEMA)\\s+(?:IF\\s+EXISTS\\s+)?(" + ID + ")(.*)$", CI);
    private static final Pattern TRUNCATE = Pattern.compile("^TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + QID + "(?:\\s*,\\s*" + QID + ")*)(.*)$", CI);
    private static final Pattern UPDATE = Pattern.compile("^UPDATE\\s+(?:ONLY\\s+)?(" + QID + ")\\b.*$", CI);
    private static final Pattern DELETE = Pattern.compile("^DELETE\\s+FROM\\s+(?:ONLY\\s+)?(" + QID + ").*$", CI);
    private static final Pattern INSERT_SELECT = Pattern.compile("^INSERT\\s+INTO\\s+(" + QID + ").*\\bSELECT\\b.*$", CI);
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + QID + ").*$", CI);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(" + QID + "(?:\\s*,\\s*" + QID + ")*)(.*)$", CI);
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:(" + QID
            + ")\\s+)?ON\\s+(?:ONLY\\s+)?(" + QID + ")\\s*(?:USING\\s+\\w+\\s*)?\\((.*)\\).*$", CI);
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(" + QID + ")(?:\\s+ON\\s+(" + QID + "))?.*$", CI);
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + QID + ")\\s+(.*)$", CI);

    private static final Pattern RENAME_TABLE = Pattern.compile("^RENAME\\s+TO\\s+(" + QID + ")$", CI);
    private static final Pattern RENAME_COLUMN = Pattern.compile("^RENAME\\s+(?:COLUMN\\s+)?(" + ID + ")\\s+TO\\s+(" + ID + ")$", CI);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(" + ID + ")(?:\\s+(?:CASCADE|RESTRICT))?$", CI);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER\\s+(?:COLUMN\\s+)?(" + ID + ")\\s+SET\\s+NOT\\s+NULL$", CI);
    private static final Pattern ALTER_TYPE = Pattern.compile("^ALTER\\s+(?:COLUMN\\s+)?(" + ID + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.*)$", CI);
    private static final Pattern MODIFY = Pattern.compile("^(?:MODIFY|CHANGE)\\s+(?:COLUMN\\s+)?(" + ID + ")\\s+(.*)$", CI);
    private static final Pattern VALIDATE = Pattern.compile("^VALIDATE\\s+CONSTRAINT\\s+(" + ID + ")$", CI);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("^ADD\\s+(?:CONSTRAINT\\s+(" + ID + ")\\s+)?(FOREIGN\\s+KEY|CHECK|UNIQUE|PRIMARY\\s+KEY)\\b(.*)$", CI);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + ID + ")\\s+(.+)$", CI);
    private static final Pattern FK_BODY = Pattern.compile("^\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+(" + QID + ")\\s*(?:\\(([^)]*)\\))?.*$", CI);
    private static final Pattern PAREN_BODY = Pattern.compile("^\\s*\\((.*)\\)(.*)$", CI);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", CI);
    private static final Pattern USING_INDEX = Pattern.compile("^\\s*USING\\s+INDEX\\b.*$", CI);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", CI);
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\s+(.+?)(?=\\s+(?:NOT\\s+NULL|NULL|CONSTRAINT|REFERENCES|UNIQUE|PRIMARY|CHECK|COLLATE|GENERATED)\\b|$)", CI);
    private static final Pattern REFERENCES = Pattern.compile("\\bREFERENCES\\s+(" + QID + ")", CI);
    private static final Pattern SERIAL = Pattern.compile("^(?:SMALL|BIG)?SERIAL\\b|\\bAUTO_INCREMENT\\b|\\bAS\\s+IDENTITY\\b", CI);
    private static final Pattern NOT_A_COLUMN = Pattern.compile("^(?:CONSTRAINT|INDEX|KEY|FULLTEXT|SPATIAL|PARTITION)\\b", CI);
    private static final Pattern CASCADE = Pattern.compile("\\bCASCADE\\b", CI);
    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("^(?:CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|CHECK|UNIQUE|DEFAULT)\\b", CI);

    private RawSql() {
    }

    /** The statements of {@code sql}, each recognised as far as lint needs. */
    static List<SqlStatement> parse(String sql) {
        List<SqlStatement> out = new ArrayList<>();
        for (String s : split(sql)) {
            out.addAll(recognise(s));
        }
        return out;
    }

    /** Splits at semicolons outside quotes, dollar quotes and comments; drops comments; collapses whitespace. */
    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                cur.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                cur.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end, n - 1);
                cur.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '$') {
                Matcher m = Pattern.compile("\\$[A-Za-z_0-9]*\\$").matcher(sql).region(i, n);
                if (m.lookingAt()) {
                    String tag = m.group();
                    int end = sql.indexOf(tag, m.end());
                    int stop = end < 0 ? n : end + tag.length();
                    cur.append(sql, i, stop);
                    i = stop;
                } else {
                    cur.append(c);
                    i++;
                }
            } else if (c == ';') {
                add(out, cur);
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().replaceAll("\\s+", " ").trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    private static List<SqlStatement> recognise(String s) {
        Matcher m;
        if ((m = DROP_DATABASE.matcher(s)).matches()) {
            return one(SqlStatement.Kind.DROP_DATABASE, List.of(), unquote(m.group(2)), CASCADE.matcher(m.group(3)).find(), null, s);
        }
        if ((m = TRUNCATE.matcher(s)).matches()) {
            return one(SqlStatement.Kind.TRUNCATE, names(m.group(1)), null, CASCADE.matcher(m.group(2)).find(), null, s);
        }
        if ((m = UPDATE.matcher(s)).matches() || (m = DELETE.matcher(s)).matches() || (m = INSERT_SELECT.matcher(s)).matches()) {
            return one(SqlStatement.Kind.DATA_CHANGE, List.of(unquote(m.group(1))), null, false, null, s);
        }
        if ((m = CREATE_TABLE.matcher(s)).matches()) {
            String[] st = schemaTable(m.group(1));
            return ddl(new MigrateOp.CreateTable(new TableDef(st[0], st[1], List.of(), null)), s);
        }
        if ((m = DROP_TABLE.matcher(s)).matches()) {
            List<SqlStatement> out = new ArrayList<>();
            for (String t : splitTopLevel(m.group(1))) {
                String[] st = schemaTable(t);
                out.add(ddl(new MigrateOp.DropTable(st[0], st[1], null), s).get(0));
            }
            return out;
        }
        if ((m = CREATE_INDEX.matcher(s)).matches()) {
            String[] st = schemaTable(m.group(4));
            List<String> elements = new ArrayList<>();
            for (String e : splitTopLevel(m.group(5))) {
                elements.add(e.matches(ID) ? unquote(e) : IndexDef.EXPR + e);
            }
            String name = m.group(3) == null ? null : schemaTable(m.group(3))[1];
            return ddl(new MigrateOp.CreateIndex(new IndexDef(name, st[0], st[1], elements, m.group(1) != null, m.group(2) != null)), s);
        }
        if ((m = DROP_INDEX.matcher(s)).matches()) {
            String[] ix = schemaTable(m.group(2));
            String[] st = m.group(3) == null ? new String[]{ix[0], null} : schemaTable(m.group(3));
            return ddl(new MigrateOp.DropIndex(st[0], st[1], ix[1], m.group(1) != null, null), s);
        }
        if ((m = ALTER_TABLE.matcher(s)).matches()) {
            String[] st = schemaTable(m.group(1));
            List<SqlStatement> out = new ArrayList<>();
            for (String action : splitTopLevel(m.group(2))) {
                out.add(alterAction(st[0], st[1], action, s));
            }
            return out;
        }
        return one(SqlStatement.Kind.OTHER, List.of(), null, false, null, s);
    }

    private static SqlStatement alterAction(String schema, String table, String action, String text) {
        Matcher m;
        List<String> tables = List.of(table);
        if ((m = RENAME_TABLE.matcher(action)).matches()) {
            return ddl1(new MigrateOp.RenameTable(schema, table, schemaTable(m.group(1))[1]), text);
        }
        if ((m = RENAME_COLUMN.matcher(action)).matches() && !m.group(1).equalsIgnoreCase("CONSTRAINT")) {
            return ddl1(alter(schema, table, unquote(m.group(1)), null, null, unquote(m.group(2))), text);
        }
        if ((m = VALIDATE.matcher(action)).matches()) {
            return new SqlStatement(SqlStatement.Kind.VALIDATE_CONSTRAINT, tables, unquote(m.group(1)), false, null, text);
        }
        if ((m = SET_NOT_NULL.matcher(action)).matches()) {
            return ddl1(alter(schema, table, unquote(m.group(1)), null, false, null), text);
        }
        if ((m = ALTER_TYPE.matcher(action)).matches() || (m = MODIFY.matcher(action)).matches()) {
            return ddl1(alter(schema, table, unquote(m.group(1)), NullType.INSTANCE, null, null), text);
        }
        if ((m = ADD_CONSTRAINT.matcher(action)).matches()) {
            MigrateOp op = addConstraint(schema, table, m.group(1) == null ? null : unquote(m.group(1)),
                    m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "), m.group(3));
            return op == null ? new SqlStatement(SqlStatement.Kind.OTHER, tables, null, false, null, text) : ddl1(op, text);
        }
        if ((m = ADD_COLUMN.matcher(action)).matches() && !NOT_A_COLUMN.matcher(m.group(1)).matches()
                && !NAMED_CONSTRAINT.matcher(m.group(1)).matches()) {
            return ddl1(new MigrateOp.AddColumn(schema, table, column(unquote(m.group(1)), m.group(2))), text);
        }
        if ((m = DROP_COLUMN.matcher(action)).matches() && !NAMED_CONSTRAINT.matcher(m.group(1)).matches()) {
            return ddl1(new MigrateOp.DropColumn(schema, table, unquote(m.group(1)), null), text);
        }
        return new SqlStatement(SqlStatement.Kind.OTHER, tables, null, false, null, text);
    }

    private static MigrateOp addConstraint(String schema, String table, String name, String kind, String rest) {
        boolean notValid = NOT_VALID.matcher(rest).find();
        switch (kind) {
            case "FOREIGN KEY" -> {
                Matcher fk = FK_BODY.matcher(rest);
                if (!fk.matches()) {
                    return null;
                }
                String[] rt = schemaTable(fk.group(2));
                List<String> refCols = fk.group(3) == null ? List.of() : idList(fk.group(3));
                return new MigrateOp.AddConstraint(schema, table,
                        new ConstraintDef.ForeignKey(name, idList(fk.group(1)), rt[0], rt[1], refCols, null, null), notValid);
            }
            case "CHECK" -> {
                Matcher p = PAREN_BODY.matcher(rest);
                String body = p.matches() ? p.group(1) : rest;
                if (p.matches()) {
                    body = NOT_VALID.matcher(body).replaceAll("").trim();
                }
                return new MigrateOp.AddConstraint(schema, table, new ConstraintDef.Check(name, body.trim()), notValid);
            }
            default -> {
                if (USING_INDEX.matcher(rest).matches()) {
                    return null;            // UNIQUE / PRIMARY KEY USING INDEX: the safe route, nothing to build
                }
                Matcher p = PAREN_BODY.matcher(rest);
                List<String> cols = p.matches() ? idList(p.group(1)) : List.of();
                ConstraintDef c = kind.equals("UNIQUE") ? new ConstraintDef.Unique(name, cols) : new ConstraintDef.PrimaryKey(name, cols);
                return new MigrateOp.AddConstraint(schema, table, c, notValid);
            }
        }
    }

    private static ColumnDef column(String name, String spec) {
        ColumnDef c = ColumnDef.of(name, NullType.INSTANCE).nullable(!NOT_NULL.matcher(spec).find());
        Matcher d = DEFAULT.matcher(spec);
        if (d.find()) {
            c = c.serverDefault(d.group(1).trim());
        }
        if (SERIAL.matcher(spec).find()) {
            c = c.autoincrement(true);
        }
        if (Pattern.compile("\\bPRIMARY\\s+KEY\\b", CI).matcher(spec).find()) {
            c = c.primaryKey();
        }
        if (Pattern.compile("\\bUNIQUE\\b", CI).matcher(spec).find()) {
            c = c.unique();
        }
        Matcher r = REFERENCES.matcher(spec);
        if (r.find()) {
            c = c.foreignKey(String.join(".", schemaTable(r.group(1))).replaceFirst("^null\\.", ""));
        }
        return c;
    }

    private static MigrateOp.AlterColumn alter(String schema, String table, String column, org.jalchemy.types.SqlType<?> type,
                                               Boolean nullable, String newName) {
        return new MigrateOp.AlterColumn(schema, table, column, type, nullable, false, null, false, null, newName, null,
                null, null, null, null, false);
    }

    private static List<SqlStatement> one(SqlStatement.Kind kind, List<String> tables, String name, boolean cascade,
                                          MigrateOp op, String text) {
        return List.of(new SqlStatement(kind, tables, name, cascade, op, text));
    }

    private static List<SqlStatement> ddl(MigrateOp op, String text) {
        return List.of(ddl1(op, text));
    }

    private static SqlStatement ddl1(MigrateOp op, String text) {
        String t = op.tableName();
        return new SqlStatement(SqlStatement.Kind.DDL, t == null ? List.of() : List.of(t), null, false, op, text);
    }

    /** Splits at commas outside parentheses and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = s.substring(start).trim();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    private static List<String> idList(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).map(RawSql::unquote).toList();
    }

    private static List<String> names(String list) {
        return splitTopLevel(list).stream().map(x -> schemaTable(x)[1]).toList();
    }

    /** {@code "s"."t"} → {s, t}; {@code t} → {null, t}; unquoted, unquoted parts lower-cased as the database folds them. */
    static String[] schemaTable(String qid) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile(ID).matcher(qid);
        while (m.find()) {
            parts.add(unquote(m.group()));
        }
        return parts.size() >= 2 ? new String[]{parts.get(parts.size() - 2), parts.get(parts.size() - 1)}
                : new String[]{null, parts.isEmpty() ? qid.trim() : parts.get(0)};
    }

    static String unquote(String id) {
        String s = id.trim();
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("`") && s.endsWith("`"))
                || (s.startsWith("[") && s.endsWith("]")))) {
            return s.substring(1, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
