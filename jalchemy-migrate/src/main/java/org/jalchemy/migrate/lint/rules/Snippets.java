package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DateType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.FloatType;
import org.jalchemy.types.InstantType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.IntervalType;
import org.jalchemy.types.JsonType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NullType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;
import org.jalchemy.types.UuidType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Java source fragments for lint recipes, written as a revision script writes them
 * ({@code op.addColumn("users", column("email", string(120)))}, with {@code Ddl.*} and
 * {@code SqlTypes.*} imported statically). Types it cannot name become a placeholder comment.
 * Stateless.
 */
public final class Snippets {
    private Snippets() {
    }

    /** A Java string literal. */
    public static String str(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** {@code "schema.table"} or {@code "table"} as a string literal. */
    public static String table(String schema, String table) {
        return str(schema == null ? String.valueOf(table) : schema + "." + table);
    }

    /** The {@code SqlTypes} call that makes {@code type} ({@code string(120)}). */
    public static String type(SqlType<?> type) {
        return switch (type) {
            case null -> "/* its type */ text()";
            case IntegerType t -> "integer()";
            case BigIntegerType t -> "bigInteger()";
            case SmallIntegerType t -> "smallInteger()";
            case BooleanType t -> "booleanType()";
            case StringType t -> t.length() == null ? "string()" : "string(" + t.length() + ")";
            case TextType t -> "text()";
            case FloatType t -> "floatType()";
            case DoubleType t -> "doubleType()";
            case NumericType t -> t.precision() == null ? "numeric()" : "numeric(" + t.precision() + ", " + (t.scale() == null ? 0 : t.scale()) + ")";
            case DateType t -> "date()";
            case TimeType t -> "time()";
            case DateTimeType t -> "dateTime()";
            case OffsetDateTimeType t -> "dateTimeTz()";
            case InstantType t -> "instant()";
            case IntervalType t -> "interval()";
            case LargeBinaryType t -> "largeBinary()";
            case UuidType t -> "uuid()";
            case EnumType<?> t -> "enumOf(" + t.javaType().getSimpleName() + ".class)";
            case JsonType<?> t -> "json(" + t.javaType().getSimpleName() + ".class)";
            case NullType t -> "/* its type */ text()";
            default -> "/* " + type + " */ text()";
        };
    }

    /** {@code column("c", type)} with the column's settings. */
    public static String column(ColumnDef c) {
        StringBuilder sb = new StringBuilder("column(" + str(c.name()) + ", " + type(c.type()) + ")");
        if (c.isPrimaryKey()) {
            sb.append(".primaryKey()");
        }
        if (c.autoincrement() != null) {
            sb.append(".autoincrement(").append(c.autoincrement()).append(')');
        }
        if (c.nullableSetting() != null && !c.isPrimaryKey()) {
            sb.append(".nullable(").append(c.isNullable()).append(')');
        }
        if (c.serverDefault() != null) {
            sb.append(".serverDefault(").append(str(c.serverDefault())).append(')');
        }
        if (c.isUnique()) {
            sb.append(".unique()");
        }
        if (c.isIndexed()) {
            sb.append(".index()");
        }
        if (c.foreignKey() != null) {
            sb.append(".foreignKey(").append(str(c.foreignKey())).append(')');
        }
        return sb.toString();
    }

    /** A nullable copy of {@code c} without default, unique, index or foreign key: the cheap column to add first. */
    public static String plainColumn(ColumnDef c) {
        return "column(" + str(c.name()) + ", " + type(c.type()) + ")";
    }

    /** The constraint as {@code Ddl} builds it ({@code foreignKey("a").references("t", "id").named("fk")}). */
    public static String constraint(ConstraintDef c, String fallbackName) {
        String name = c.name() != null ? c.name() : fallbackName;
        String body = switch (c) {
            case ConstraintDef.ForeignKey fk -> "foreignKey(" + strs(fk.columns()) + ").references("
                    + table(fk.referredSchema(), fk.referredTable())
                    + (fk.referredColumns().isEmpty() ? "" : ", " + strs(fk.referredColumns())) + ")";
            case ConstraintDef.Check ck -> "check(" + str(ck.sqltext()) + ")";
            case ConstraintDef.Unique u -> "unique(" + strs(u.columns()) + ")";
            case ConstraintDef.PrimaryKey pk -> "primaryKey(" + strs(pk.columns()) + ")";
        };
        return body + ".named(" + str(name) + ")";
    }

    /** Comma-separated string literals. */
    public static String strs(List<String> names) {
        return names.stream().map(Snippets::str).collect(Collectors.joining(", "));
    }

    /** A conventional name for a new object: {@code prefix_table_col1_col2}. */
    public static String name(String prefix, String table, List<String> columns) {
        String cols = columns.stream().map(x -> x.startsWith(IndexDef.EXPR) ? "expr" : x).collect(Collectors.joining("_"));
        return prefix + "_" + table + (cols.isEmpty() ? "" : "_" + cols);
    }

    /** The {@code op.} call (without {@code op.}) that records {@code op}, as far as it can be written back. */
    public static String call(MigrateOp op) {
        return switch (op) {
            case MigrateOp.CreateTable ct -> "createTable(" + table(ct.table().schema(), ct.table().name()) + ", ...)";
            case MigrateOp.DropTable dt -> "dropTable(" + table(dt.schema(), dt.name()) + ")";
            case MigrateOp.RenameTable rt -> "renameTable(" + table(rt.schema(), rt.name()) + ", " + str(rt.newName()) + ")";
            case MigrateOp.AddColumn ac -> "addColumn(" + table(ac.schema(), ac.table()) + ", " + column(ac.column()) + ")";
            case MigrateOp.DropColumn dc -> "dropColumn(" + table(dc.schema(), dc.table()) + ", " + str(dc.column()) + ")";
            case MigrateOp.AlterColumn ac -> "alterColumn(" + table(ac.schema(), ac.table()) + ", " + str(ac.column()) + ", " + alterSpec(ac) + ")";
            case MigrateOp.CreateIndex ci -> "createIndex(" + str(ci.index().name()) + ", " + table(ci.index().schema(), ci.index().table())
                    + ", " + strs(ci.index().elements()) + ")";
            case MigrateOp.DropIndex di -> (di.concurrently() ? "dropIndexConcurrently(" : "dropIndex(") + str(di.name()) + ", "
                    + table(di.schema(), di.table()) + ")";
            case MigrateOp.AddConstraint ac -> (ac.notValid() ? "addConstraintNotValid(" : "addConstraint(")
                    + table(ac.schema(), ac.table()) + ", " + constraint(ac.constraint(), ac.constraint().name()) + ")";
            case MigrateOp.DropConstraint dc -> "dropConstraint(" + str(dc.name()) + ", " + table(dc.schema(), dc.table()) + ", "
                    + (dc.kind() == null ? "null" : "ConstraintDef.Kind." + dc.kind()) + ")";
            case MigrateOp.Execute ex -> "execute(" + (ex.sql() != null ? str(abbreviate(ex.sql())) : "...") + ")";
            case MigrateOp.BatchAlterTable b -> "batchAlterTable(" + table(b.schema(), b.table()) + ", batch -> ...)";
            default -> op.getClass().getSimpleName().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + op.getClass().getSimpleName().substring(1) + "(...)";
        };
    }

    /** The {@code c -> c.type(...)...} lambda that makes {@code ac}. */
    public static String alterSpec(MigrateOp.AlterColumn ac) {
        StringBuilder sb = new StringBuilder("c -> c");
        if (ac.type() != null) {
            sb.append(".type(").append(type(ac.type())).append(')');
        }
        if (ac.nullable() != null) {
            sb.append(".nullable(").append(ac.nullable()).append(')');
        }
        if (ac.changesDefault()) {
            sb.append(".serverDefault(").append(str(ac.serverDefault())).append(')');
        }
        if (ac.changesComment()) {
            sb.append(".comment(").append(str(ac.comment())).append(')');
        }
        if (ac.newName() != null) {
            sb.append(".newName(").append(str(ac.newName())).append(')');
        }
        if (ac.using() != null) {
            sb.append(".using(").append(str(ac.using())).append(')');
        }
        if (ac.existingType() != null) {
            sb.append(".existingType(").append(type(ac.existingType())).append(')');
        }
        if (ac.existingNullable() != null) {
            sb.append(".existingNullable(").append(ac.existingNullable()).append(')');
        }
        return sb.length() == "c -> c".length() ? "c -> { }" : sb.toString();
    }

    /** A literal default that suits {@code type}, for recipes ({@code "0"}, {@code "''"}, {@code "false"}). */
    public static String sampleDefault(SqlType<?> type) {
        return switch (type) {
            case IntegerType t -> "0";
            case BigIntegerType t -> "0";
            case SmallIntegerType t -> "0";
            case NumericType t -> "0";
            case FloatType t -> "0";
            case DoubleType t -> "0";
            case BooleanType t -> "false";
            case null, default -> "''";
        };
    }

    /** How to waive {@code ruleId} for {@code op} (the op as the script called it) or everywhere. */
    public static String silence(String ruleId, MigrateOp op) {
        return "op.ignoring(" + str(ruleId) + ")." + call(op) + ", or lint_ignore = [" + str(ruleId)
                + "] in the migration config";
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
