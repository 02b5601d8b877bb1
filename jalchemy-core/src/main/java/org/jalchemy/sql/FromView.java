package org.jalchemy.sql;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A FROM clause that renders as another ({@link #element()}: a table, a join, an aliased subquery)
 * but exports a chosen list of columns, in a chosen order — columns of the tables inside the
 * element. It is how a layer above Core selects "these columns of that join" as one item: the
 * ORM's inheritance mapping loads an entity spread over {@code employees JOIN managers} with
 * {@code select(Manager.class)}, whose item is a view of that join exporting the entity's columns.
 *
 * <p>In a SELECT it is one FROM entry, and it stands for the tables inside its element, and for
 * the tables it {@linkplain #covered() covers}: a column of one of them used in WHERE does not
 * add that table again. A view of a subquery aliased under a table's name covers that table, so
 * criteria written against the table's columns apply to the subquery's rows (how the ORM queries
 * a concrete-table hierarchy through a UNION). Joins infer ON clauses through the element's
 * tables. Immutable.
 */
public class FromView extends FromClause {
    private final FromClause element;
    private final List<ColumnClause<?>> columns;
    private final List<FromClause> covered;

    /**
     * A view of {@code element} exporting {@code columns} (which should belong to tables inside it,
     * or to the tables in {@code covered}); {@code covered} lists FROM clauses this view stands
     * for besides the element's own parts (none, usually).
     */
    public FromView(FromClause element, List<? extends ColumnClause<?>> columns, List<? extends FromClause> covered) {
        this.element = Objects.requireNonNull(element, "element");
        this.columns = List.copyOf(columns);
        this.covered = List.copyOf(covered);
    }

    /** The FROM clause this view renders as. */
    public FromClause element() {
        return element;
    }

    /** FROM clauses this view stands for besides the parts of its element. */
    public List<FromClause> covered() {
        return covered;
    }

    @Override
    public List<? extends ColumnClause<?>> columns() {
        return columns;
    }

    @Override
    protected ColumnElement<Boolean> foreignKeyCondition(FromClause other) {
        return element.foreignKeyCondition(other);
    }

    @Override
    void collectSelfAndParts(Set<FromClause> out) {
        out.add(this);
        element.collectSelfAndParts(out);
        for (FromClause c : covered) {
            c.collectSelfAndParts(out);
        }
    }

    @Override
    String describe() {
        return "view of " + element.describe();
    }

    @Override
    void compileTo(SqlCompiler c) {
        element.compileTo(c);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(FromView.class).add(element);
    }

    @Override
    public String toString() {
        return describe();
    }
}
