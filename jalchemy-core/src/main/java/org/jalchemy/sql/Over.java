package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.List;
import java.util.Set;

/**
 * A window function call: {@code f(...) OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE frame)}.
 * Frame bounds are offsets: null means UNBOUNDED, 0 CURRENT ROW, negative n PRECEDING, positive
 * n FOLLOWING (as SQLAlchemy's {@code rows=(None, 0)}). They are rendered as literals since
 * databases do not accept parameters there; they are part of the cache key.
 */
public final class Over<T> extends ColumnElement<T> {
    private final ColumnElement<T> function;
    private final List<ColumnElement<?>> partitionBy;
    private final List<ColumnElement<?>> orderBy;
    private final Frame frame;

    /** A window frame. */
    public record Frame(boolean range, Integer start, Integer end) {
    }

    Over(ColumnElement<T> function, List<ColumnElement<?>> partitionBy, List<ColumnElement<?>> orderBy, Frame frame) {
        this.function = function;
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    public Over<T> partitionBy(ColumnElement<?>... cols) {
        return new Over<>(function, List.of(cols), orderBy, frame);
    }

    public Over<T> orderBy(ColumnElement<?>... cols) {
        return new Over<>(function, partitionBy, List.of(cols), frame);
    }

    /** {@code ROWS BETWEEN start AND end}; see the class comment for the bounds. */
    public Over<T> rows(Integer start, Integer end) {
        return new Over<>(function, partitionBy, orderBy, new Frame(false, start, end));
    }

    /** {@code RANGE BETWEEN start AND end}. */
    public Over<T> range(Integer start, Integer end) {
        return new Over<>(function, partitionBy, orderBy, new Frame(true, start, end));
    }

    public ColumnElement<T> function() {
        return function;
    }

    public List<ColumnElement<?>> partitionByClauses() {
        return partitionBy;
    }

    public List<ColumnElement<?>> orderByClauses() {
        return orderBy;
    }

    public Frame frame() {
        return frame;
    }

    @Override
    public String name() {
        return function.name();
    }

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitOver(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Over.class).add(function).addAll(partitionBy).addAll(orderBy).add(frame);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        function.collectFroms(out);
    }
}
