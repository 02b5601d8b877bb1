/**
 * The object-relational mapper: declarative mapping of plain Java classes, the {@code Session}
 * with its identity map and unit of work, relationships and loader strategies. Built on
 * jalchemy-core; core never depends on this package.
 */
package org.jalchemy.orm;
