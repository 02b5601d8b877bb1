package org.jalchemy.sql;

/**
 * The row shape of an untyped statement (a SELECT of tables, of a list built at run time, or of
 * more than eight columns): values are {@code Object}s, read by index ({@link #get(int)},
 * {@code valueN()}), and on an engine {@code Row} also by name or column. Every result row
 * implements it, so a {@code Select<Tuple>} is the one untyped path for dynamic queries.
 */
public interface Tuple extends Row8<Object, Object, Object, Object, Object, Object, Object, Object> {
}
