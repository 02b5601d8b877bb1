package org.jalchemy.orm.unitofwork;

import org.jalchemy.orm.mapping.ColumnProperty;

/** ORDER BY one property, ascending or descending. Part of the interim statement layer. */
public record Ordering(ColumnProperty property, boolean descending) {
}
