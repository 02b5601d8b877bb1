package org.jalchemy.sql;

/**
 * A binary SQL operator: its standard spelling and precedence. Dialect compilers special-case
 * some ({@code ILIKE}, {@code ||}, {@code IS DISTINCT FROM}) in {@link SqlCompiler#visitBinary}.
 *
 * @param sql        the operator as written between operands, with surrounding spaces
 * @param precedence binding strength, see {@link ClauseElement.Precedence}
 * @param name       a stable identifier for the cache key and for dialect switches
 */
public record Operator(String name, String sql, int precedence) {
    public static final Operator EQ = new Operator("eq", " = ", Precedence.COMPARISON);
    public static final Operator NE = new Operator("ne", " != ", Precedence.COMPARISON);
    public static final Operator LT = new Operator("lt", " < ", Precedence.COMPARISON);
    public static final Operator LE = new Operator("le", " <= ", Precedence.COMPARISON);
    public static final Operator GT = new Operator("gt", " > ", Precedence.COMPARISON);
    public static final Operator GE = new Operator("ge", " >= ", Precedence.COMPARISON);
    public static final Operator LIKE = new Operator("like", " LIKE ", Precedence.COMPARISON);
    public static final Operator NOT_LIKE = new Operator("notlike", " NOT LIKE ", Precedence.COMPARISON);
    public static final Operator ILIKE = new Operator("ilike", " ILIKE ", Precedence.COMPARISON);
    public static final Operator NOT_ILIKE = new Operator("notilike", " NOT ILIKE ", Precedence.COMPARISON);
    public static final Operator IS_DISTINCT_FROM = new Operator("isdistinct", " IS DISTINCT FROM ",
            Precedence.COMPARISON);
    public static final Operator IS_NOT_DISTINCT_FROM = new Operator("isnotdistinct", " IS NOT DISTINCT FROM ",
            Precedence.COMPARISON);
    public static final Operator CONCAT = new Operator("concat", " || ", Precedence.CONCAT);
    public static final Operator ADD = new Operator("add", " + ", Precedence.ADDITIVE);
    public static final Operator SUB = new Operator("sub", " - ", Precedence.ADDITIVE);
    public static final Operator MUL = new Operator("mul", " * ", Precedence.MULTIPLICATIVE);
    public static final Operator DIV = new Operator("div", " / ", Precedence.MULTIPLICATIVE);
    public static final Operator MOD = new Operator("mod", " % ", Precedence.MULTIPLICATIVE);

    static Operator custom(String op) {
        return new Operator("custom:" + op, " " + op + " ", Precedence.COMPARISON);
    }

    /** True for operators whose right operand needs parentheses at equal precedence ({@code a - (b - c)}). */
    boolean nonAssociative() {
        return this == SUB || this == DIV || this == MOD || name.equals("sub") || name.equals("div") || name.equals("mod");
    }
}
