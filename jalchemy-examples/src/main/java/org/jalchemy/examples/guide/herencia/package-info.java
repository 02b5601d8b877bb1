/**
 * SQLAlchemy's inheritance example — a company's employees, some of them managers or engineers —
 * mapped with joined-table inheritance, for {@link org.jalchemy.examples.guide.Herencia}.
 */
package org.jalchemy.examples.guide.herencia;
