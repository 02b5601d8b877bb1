package org.jalchemy.sql;

import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;

/**
 * A result column referred to by its name in ORDER BY ({@code orderBy("city")},
 * {@code orderBy(desc("n"))}, SQLAlchemy's string ordering): renders the quoted name, the way the
 * label was rendered in the columns clause. {@link Select#orderBy} and {@link CompoundSelect#orderBy}
 * check the name against the statement's result columns when it is added and raise
 * {@code ArgumentError} listing them when there is no such column.
 */
public final class LabelReference extends ColumnElement<Object> {
    private final String name;

    LabelReference(String name) {
        this.name = FromClause.required(name, "ORDER BY name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SqlType<Object> type() {
        return NullType.INSTANCE;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitLabelReference(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(LabelReference.class).add(name);
    }

    /** Raises unless every name referred to in {@code items} is one of {@code columns}' result names. */
    static void check(java.util.List<? extends ColumnElement<?>> items, java.util.List<ColumnElement<?>> columns) {
        java.util.List<String> names = null;
        for (ColumnElement<?> item : items) {
            ColumnElement<?> e = item instanceof Ordering<?> o ? o.element() : item;
            if (e instanceof LabelReference ref) {
                if (names == null) {
                    names = SelectBase.exportedNames(columns);
                }
                if (!names.contains(ref.name)) {
                    throw new org.jalchemy.exc.ArgumentError("ORDER BY \"" + ref.name + "\": the statement has no result "
                            + "column of that name; its columns are " + names);
                }
            }
        }
    }
}
