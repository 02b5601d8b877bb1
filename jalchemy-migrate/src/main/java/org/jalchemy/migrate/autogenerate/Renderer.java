package org.jalchemy.migrate.autogenerate;

import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.IrreversibleOpException;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.TableElement;
import org.jalchemy.types.ArrayType;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DateType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.EnumValues;
import org.jalchemy.types.FloatType;
import org.jalchemy.types.InstantType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.IntervalType;
import org.jalchemy.types.JsonType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;
import org.jalchemy.types.UuidType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.jalchemy.migrate.script.ScriptWriter.lit;

/**
 * Renders ops as the Java statements of a revision script's {@code upgrade}/{@code downgrade}
 * bodies, calling the {@code Ops} API ({@code op.addColumn("users", column("email", string(120)))})
 * with the static imports a generated script has ({@code Ddl.*}, {@code SqlTypes.*}). The output
 * compiles as written: every name is a string literal, every type a {@code SqlTypes} factory.
 *
 * <p>Types are rendered by their SQL meaning, never by the model's Java classes (an entity's enum
 * becomes {@code enumType("mood", "sad", "happy")}), so a script keeps compiling after the models
 * move on. A type with no factory is rendered as a comment and a {@code text()} placeholder.
 */
public final class Renderer {
    private Renderer() {
    }

    /** The statements, one per line, indented by {@code indent}; a comment when there are none. */
    public static String render(List<MigrateOp> ops, String indent) {
        return render(new Autogenerate.Diff(ops, List.of(), List.of()), indent);
    }

    /** The upgrade body of {@code diff}, with possible renames written as commented-out alternatives. */
    public static String render(Autogenerate.Diff diff, String indent) {
        if (diff.upgradeOps().isEmpty()) {
            return indent + "// no changes in schema detected\n";
        }
        StringBuilder sb = new StringBuilder();
        for (MigrateOp op : diff.upgradeOps()) {
            renameComment(op, diff.renames(), indent, sb);
            sb.append(indent).append(statement(op, indent)).append('\n');
        }
        return sb.toString();
    }

    /** The downgrade body: inverses last first; an op that cannot be undone leaves a comment. */
    public static String renderDowngrade(Autogenerate.Diff diff, String indent) {
        if (diff.upgradeOps().isEmpty()) {
            return indent + "// no changes in schema detected\n";
        }
        StringBuilder sb = new StringBuilder();
        List<MigrateOp> up = diff.upgradeOps();
        for (int i = up.size() - 1; i >= 0; i--) {
            MigrateOp reverse;
            try {
                reverse = up.get(i).reverse();
            } catch (IrreversibleOpException e) {
                sb.append(indent).append("// cannot be undone automatically: ").append(up.get(i).describe()).append('\n');
                continue;
            }
            sb.append(indent).append(statement(reverse, indent)).append('\n');
        }
        return sb.toString();
    }

    private static void renameComment(MigrateOp op, List<Autogenerate.RenameHint> hints, String indent, StringBuilder sb) {
        for (Autogenerate.RenameHint h : hints) {
            if (h.table() != null && op instanceof MigrateOp.DropColumn d && d.table().equals(h.table())
                    && d.column().equals(h.oldName())) {
                sb.append(indent).append("// Autogenerate cannot tell a rename from a drop and an add: if ").append(h.table())
                        .append('.').append(h.oldName()).append(" was renamed to ").append(h.newName()).append(",\n")
                        .append(indent).append("// delete the addColumn of ").append(h.newName())
                        .append(" and this dropColumn (and their downgrade lines) and write instead:\n")
                        .append(indent).append("// op.alterColumn(").append(lit(h.table())).append(", ").append(lit(h.oldName()))
                        .append(", c -> c.newName(").append(lit(h.newName())).append("));\n");
            } else if (h.table() == null && op instanceof MigrateOp.DropTable d && d.name().equals(h.oldName())) {
                sb.append(indent).append("// Autogenerate cannot tell a rename from a drop and a create: if table ")
                        .append(h.oldName()).append(" was renamed to ").append(h.newName()).append(",\n")
                        .append(indent).append("// delete the createTable of ").append(h.newName())
                        .append(" and this dropTable (and their downgrade lines) and write instead:\n")
                        .append(indent).append("// op.renameTable(").append(lit(h.oldName())).append(", ")
                        .append(lit(h.newName())).append(");\n");
            }
        }
    }

    private static String table(String schema, String name) {
        return lit(schema == null ? name : schema + "." + name);
    }

    /** One op as a Java statement (may span lines, continuation lines indented under {@code indent}). */
    public static String statement(MigrateOp op, String indent) {
        String more = indent + "        ";
        return switch (op) {
            case MigrateOp.CreateTable ct -> {
                StringBuilder sb = new StringBuilder();
                List<String> elements = new ArrayList<>();
                for (TableElement e : ct.table().elements()) {
                    elements.add(element(e));
                }
                if (ct.table().comment() != null) {
                    sb.append("op.createTable(table(").append(table(ct.table().schema(), ct.table().name()));
                    for (String e : elements) {
                        sb.append(",\n").append(more).append(e);
                    }
                    sb.append(").comment(").append(lit(ct.table().comment())).append("));");
                } else {
                    sb.append("op.createTable(").append(table(ct.table().schema(), ct.table().name()));
                    for (String e : elements) {
                        sb.append(",\n").append(more).append(e);
                    }
                    sb.append(");");
                }
                yield sb.toString();
            }
            case MigrateOp.DropTable dt -> "op.dropTable(" + table(dt.schema(), dt.name()) + ");";
            case MigrateOp.RenameTable rt -> "op.renameTable(" + table(rt.schema(), rt.name()) + ", " + lit(rt.newName()) + ");";
            case MigrateOp.AddColumn ac -> "op.addColumn(" + table(ac.schema(), ac.table()) + ", " + column(ac.column()) + ");";
            case MigrateOp.DropColumn dc -> "op.dropColumn(" + table(dc.schema(), dc.table()) + ", " + lit(dc.column()) + ");";
            case MigrateOp.AlterColumn a -> "op.alterColumn(" + table(a.schema(), a.table()) + ", " + lit(a.column())
                    + ", c -> c" + alterSpec(a) + ");";
            case MigrateOp.CreateIndex ci -> "op.createIndex(" + index(ci.index()) + ".on("
                    + table(ci.index().schema(), ci.index().table()) + ")" + (ci.index().isConcurrently() ? ".concurrently()" : "") + ");";
            case MigrateOp.DropIndex di -> (di.concurrently() ? "op.dropIndexConcurrently(" : "op.dropIndex(")
                    + lit(di.name()) + ", " + table(di.schema(), di.table()) + ");";
            case MigrateOp.AddConstraint ac -> (ac.notValid() ? "op.addConstraintNotValid(" : "op.addConstraint(")
                    + table(ac.schema(), ac.table()) + ", " + constraint(ac.constraint()) + ");";
            case MigrateOp.DropConstraint dc -> "op.dropConstraint(" + lit(dc.name()) + ", " + table(dc.schema(), dc.table())
                    + ", " + (dc.kind() == null ? "null" : "ConstraintDef.Kind." + dc.kind().name()) + ");";
            case MigrateOp.SetTableComment c -> c.comment() == null
                    ? "op.dropTableComment(" + table(c.schema(), c.table()) + ");"
                    : "op.createTableComment(" + table(c.schema(), c.table()) + ", " + lit(c.comment()) + ");";
            case MigrateOp.Execute e -> e.sql() != null ? "op.execute(" + lit(e.sql()) + ");"
                    : "// op.execute(...): a Core statement (" + e.describe() + ") cannot be rendered";
            case MigrateOp.BulkInsert bi -> "// op.bulkInsert(" + table(bi.schema(), bi.table()) + ", ...): "
                    + bi.rows().size() + " rows are not rendered";
            case MigrateOp.BatchAlterTable b -> {
                StringBuilder sb = new StringBuilder("op.batchAlterTable(").append(table(b.schema(), b.table()));
                if (b.recreate() != MigrateOp.Recreate.AUTO) {
                    sb.append(", MigrateOp.Recreate.").append(b.recreate().name());
                }
                sb.append(", batch -> {\n");
                for (MigrateOp inner : b.ops()) {
                    sb.append(more).append(batchStatement(inner)).append('\n');
                }
                yield sb.append(indent).append("});").toString();
            }
            case MigrateOp.CreateEnumType ce -> "op.createEnumType(" + table(ce.schema(), ce.name())
                    + ce.values().stream().map(v -> ", " + lit(v)).collect(Collectors.joining()) + ");";
            case MigrateOp.DropEnumType de -> "op.dropEnumType(" + table(de.schema(), de.name()) + ");";
            case MigrateOp.AddEnumValue av -> av.before() == null && av.after() == null
                    ? "op.addEnumValue(" + table(av.schema(), av.name()) + ", " + lit(av.value()) + ");"
                    : "op.addEnumValue(" + table(av.schema(), av.name()) + ", " + lit(av.value()) + ", "
                    + (av.before() == null ? "null" : lit(av.before())) + ", " + (av.after() == null ? "null" : lit(av.after())) + ");";
        };
    }

    private static String batchStatement(MigrateOp op) {
        return switch (op) {
            case MigrateOp.AddColumn ac -> "batch.addColumn(" + column(ac.column()) + ");";
            case MigrateOp.DropColumn dc -> "batch.dropColumn(" + lit(dc.column()) + ");";
            case MigrateOp.AlterColumn a -> "batch.alterColumn(" + lit(a.column()) + ", c -> c" + alterSpec(a) + ");";
            case MigrateOp.CreateIndex ci -> "batch.createIndex(" + index(ci.index()) + ");";
            case MigrateOp.DropIndex di -> "batch.dropIndex(" + lit(di.name()) + ");";
            case MigrateOp.AddConstraint ac -> "batch.addConstraint(" + constraint(ac.constraint()) + ");";
            case MigrateOp.DropConstraint dc -> "batch.dropConstraint(" + lit(dc.name()) + ", "
                    + (dc.kind() == null ? "null" : "ConstraintDef.Kind." + dc.kind().name()) + ");";
            case MigrateOp.SetTableComment c -> "batch.createTableComment(" + (c.comment() == null ? "null" : lit(c.comment())) + ");";
            default -> "// not expressible inside a batch: " + op.describe();
        };
    }

    private static String alterSpec(MigrateOp.AlterColumn a) {
        StringBuilder sb = new StringBuilder();
        if (a.type() != null) {
            sb.append(".type(").append(type(a.type())).append(')');
        }
        if (a.nullable() != null) {
            sb.append(".nullable(").append(a.nullable()).append(')');
        }
        if (a.changesDefault()) {
            sb.append(".serverDefault(").append(a.serverDefault() == null ? "null" : lit(a.serverDefault())).append(')');
        }
        if (a.changesComment()) {
            sb.append(".comment(").append(a.comment() == null ? "null" : lit(a.comment())).append(')');
        }
        if (a.newName() != null) {
            sb.append(".newName(").append(lit(a.newName())).append(')');
        }
        if (a.using() != null) {
            sb.append(".using(").append(lit(a.using())).append(')');
        }
        if (a.existingType() != null) {
            sb.append("\n                .existingType(").append(type(a.existingType())).append(')');
        }
        if (a.existingNullable() != null) {
            sb.append(".existingNullable(").append(a.existingNullable()).append(')');
        }
        if (a.existingServerDefault() != null) {
            sb.append(".existingServerDefault(").append(lit(a.existingServerDefault())).append(')');
        }
        if (a.existingComment() != null) {
            sb.append(".existingComment(").append(lit(a.existingComment())).append(')');
        }
        if (a.existingAutoincrement()) {
            sb.append(".existingAutoincrement(true)");
        }
        return sb.toString();
    }

    private static String element(TableElement e) {
        return switch (e) {
            case ColumnDef c -> column(c);
            case ConstraintDef c -> constraint(c);
            case IndexDef i -> index(i);
            default -> "/* " + e + " */";
        };
    }

    /** {@code column("email", string(120)).nullable(false)...}. */
    public static String column(ColumnDef c) {
        StringBuilder sb = new StringBuilder("column(").append(lit(c.name())).append(", ").append(type(c.type())).append(')');
        if (c.isPrimaryKey()) {
            sb.append(".primaryKey()");
        }
        if (c.nullableSetting() != null && c.nullableSetting() == c.isPrimaryKey()) {
            sb.append(".nullable(").append(c.nullableSetting()).append(')');
        }
        if (c.autoincrement() != null) {
            sb.append(".autoincrement(").append(c.autoincrement()).append(')');
        }
        if (c.serverDefault() != null) {
            sb.append(".serverDefault(").append(lit(c.serverDefault())).append(')');
        }
        if (c.comment() != null) {
            sb.append(".comment(").append(lit(c.comment())).append(')');
        }
        if (c.isUnique()) {
            sb.append(".unique()");
        }
        if (c.isIndexed()) {
            sb.append(".index()");
        }
        if (c.foreignKey() != null) {
            sb.append(".foreignKey(").append(lit(c.foreignKey()));
            if (c.onDelete() != null) {
                sb.append(", ").append(lit(c.onDelete()));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String strings(List<String> values) {
        return values.stream().map(v -> lit(v)).collect(Collectors.joining(", "));
    }

    static String constraint(ConstraintDef c) {
        String base = switch (c) {
            case ConstraintDef.PrimaryKey pk -> "primaryKey(" + strings(pk.columns()) + ")";
            case ConstraintDef.Unique u -> "unique(" + strings(u.columns()) + ")";
            case ConstraintDef.Check ck -> "check(" + lit(ck.sqltext()) + ")";
            case ConstraintDef.ForeignKey fk -> {
                String ref = fk.referredSchema() == null ? fk.referredTable() : fk.referredSchema() + "." + fk.referredTable();
                StringBuilder sb = new StringBuilder("foreignKey(").append(strings(fk.columns())).append(").references(")
                        .append(lit(ref));
                for (String rc : fk.referredColumns()) {
                    sb.append(", ").append(lit(rc));
                }
                sb.append(')');
                if (fk.onDelete() != null) {
                    sb.append(".onDelete(").append(lit(fk.onDelete())).append(')');
                }
                if (fk.onUpdate() != null) {
                    sb.append(".onUpdate(").append(lit(fk.onUpdate())).append(')');
                }
                yield sb.toString();
            }
        };
        return c.name() == null ? base : base + ".named(" + lit(c.name()) + ")";
    }

    static String index(IndexDef ix) {
        StringBuilder sb = new StringBuilder("index(").append(lit(ix.name()));
        for (String e : ix.elements()) {
            sb.append(", ");
            if (e.startsWith(IndexDef.EXPR)) {
                sb.append("expr(").append(lit(e.substring(IndexDef.EXPR.length()))).append(')');
            } else {
                sb.append(lit(e));
            }
        }
        sb.append(')');
        if (ix.isUnique()) {
            sb.append(".unique()");
        }
        return sb.toString();
    }

    /** A {@code SqlTypes} factory call for {@code type}. */
    public static String type(SqlType<?> type) {
        SqlType<?> t = Equivalence.unwrap(type);
        return switch (t) {
            case IntegerType x -> "integer()";
            case BigIntegerType x -> "bigInteger()";
            case SmallIntegerType x -> "smallInteger()";
            case BooleanType x -> "booleanType()";
            case StringType s -> s.length() == null ? "string()" : "string(" + s.length() + ")";
            case TextType x -> "text()";
            case FloatType x -> "floatType()";
            case DoubleType x -> "doubleType()";
            case NumericType n -> n.precision() == null ? "numeric()"
                    : "numeric(" + n.precision() + ", " + (n.scale() == null ? 0 : n.scale()) + ")";
            case DateType x -> "date()";
            case TimeType x -> "time()";
            case DateTimeType x -> "dateTime()";
            case OffsetDateTimeType x -> "dateTimeTz()";
            case InstantType x -> "instant()";
            case IntervalType x -> "interval()";
            case LargeBinaryType x -> "largeBinary()";
            case UuidType x -> "uuid()";
            case JsonType<?> x -> "json(Object.class)";
            case ArrayType<?> a -> "array(" + type(a.elementType()) + ")";
            default -> {
                if (t instanceof EnumValues e) {
                    yield "enumType(" + lit(e.name()) + (e.values().isEmpty() ? "" : ", " + strings(e.values())) + ")";
                }
                yield "text() /* no factory for " + t + " */";
            }
        };
    }
}
