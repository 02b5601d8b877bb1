package org.jalchemy.sql;

/** Binding strength of SQL operators, lowest first; the compiler parenthesizes looser children. */
public final class Precedence {
    public static final int SELECT = 0;
    public static final int OR = 2;
    public static final int AND = 3;
    public static final int NOT = 4;
    public static final int COMPARISON = 5;
    public static final int CONCAT = 6;
    public static final int ADDITIVE = 7;
    public static final int MULTIPLICATIVE = 8;
    public static final int UNARY = 9;
    public static final int ATOM = 100;

    private Precedence() {
    }
}
