package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A FROM clause under another name: an aliased table ({@code users AS u}) or a subquery
 * ({@code (SELECT ...) AS anon_1}), optionally LATERAL. Its columns are new column objects
 * bound to the alias, one per column of the element, in order.
 *
 * <p>An alias without a name is anonymous: the compiler names it ({@code anon_1}, ...) in order of
 * appearance, so its SQL depends on which other anonymous aliases the statement holds; its cache
 * key records its identity for that reason.
 */
public class Alias extends FromClause {
    private final ClauseElement element;
    private final String name;
    private final boolean lateral;
    private final List<ColumnClause<?>> columns;
    private final List<ColumnElement<?>> sources;

    Alias(ClauseElement element, String name, boolean lateral) {
        this.element = Objects.requireNonNull(element, "element");
        this.name = name;
        this.lateral = lateral;
        List<ColumnClause<?>> cols = new ArrayList<>();
        List<ColumnElement<?>> src = new ArrayList<>();
        if (element instanceof FromClause f) {
            for (ColumnClause<?> c : f.columns()) {
                cols.add(c.withTable(this));
                src.add(c);
            }
        } else if (element instanceof SelectBase s) {
            List<ColumnElement<?>> sel = s.selectedColumns();
            List<String> names = SelectBase.exportedNames(sel);
            for (int i = 0; i < sel.size(); i++) {
                cols.add(derived(names.get(i), sel.get(i)));
                src.add(sel.get(i));
            }
        }
        this.columns = Collections.unmodifiableList(cols);
        this.sources = List.copyOf(src);
    }

    private <T> ColumnClause<T> derived(String n, ColumnElement<T> from) {
        return new ColumnClause<>(n, from.type(), this);
    }

    /** The aliased table or SELECT. */
    public ClauseElement element() {
        return element;
    }

    /** The alias name, or null when anonymous. */
    public String name() {
        return name;
    }

    public boolean isLateral() {
        return lateral;
    }

    @Override
    public List<? extends ColumnClause<?>> columns() {
        return columns;
    }

    @Override
    ColumnClause<?> corresponding(ColumnElement<?> column) {
        ColumnClause<?> own = super.corresponding(column);
        if (own != null) {
            return own;
        }
        for (int i = 0; i < sources.size(); i++) {
            ColumnElement<?> s = sources.get(i);
            if (s == column || (s instanceof Label<?> l && l.element() == column)) {
                return columns.get(i);
            }
        }
        if (element instanceof FromClause f) {
            ColumnClause<?> inner = f.corresponding(column);
            if (inner != null) {
                int idx = f.columns().indexOf(inner);
                return idx >= 0 ? columns.get(idx) : null;
            }
        }
        return null;
    }

    @Override
    String describe() {
        return (element instanceof SelectBase ? "subquery " : "alias ") + (name == null ? "(anonymous)" : "'" + name + "'");
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitAlias(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        if (k.identity(this)) {
            k.add(getClass()).add(name).add(lateral).add(element);
        }
    }

    @Override
    public String toString() {
        return name == null ? "anon" : name;
    }
}
