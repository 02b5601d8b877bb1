/**
 * The built-in lint rules, one class per rule, registered in {@link org.jalchemy.migrate.lint.rules.BuiltinRules},
 * and what they know about each database: the cost of type changes ({@code TypeChanges}), the
 * volatility of defaults ({@code Defaults}), what SQLite's ALTER TABLE cannot do ({@code SqliteOps});
 * {@link org.jalchemy.migrate.lint.rules.Snippets} writes the recipes' Java.
 */
package org.jalchemy.migrate.lint.rules;
