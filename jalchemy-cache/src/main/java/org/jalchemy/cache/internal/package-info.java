/**
 * Internals of the query-result cache: the compact binary codec of cached rows and key values.
 * Not API: used by {@link org.jalchemy.cache.QueryCache} only.
 */
package org.jalchemy.cache.internal;
