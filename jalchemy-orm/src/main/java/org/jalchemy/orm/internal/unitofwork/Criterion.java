package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.orm.mapping.ColumnProperty;

/**
 * {@code property = value} (or {@code IS NULL} when {@code value} is null): the condition
 * {@code filterBy} and primary-key lookups need. Part of the interim statement layer.
 */
public record Criterion(ColumnProperty property, Object value) {
}
