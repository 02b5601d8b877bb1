/**
 * Declarative mapping annotations: {@link org.jalchemy.orm.annotations.Entity @Entity} on a plain
 * class, {@link org.jalchemy.orm.annotations.Id @Id}, {@link org.jalchemy.orm.annotations.Column @Column},
 * {@link org.jalchemy.orm.annotations.ForeignKey @ForeignKey}, {@link org.jalchemy.orm.annotations.Version @Version}
 * on fields, and table-level {@code @Index}, {@code @UniqueConstraint}, {@code @CheckConstraint}.
 * {@code @Relationship} declares relationships.
 */
package org.jalchemy.orm.annotations;
