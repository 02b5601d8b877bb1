/**
 * jalchemy in Spring Boot: the auto-configuration ({@link org.jalchemy.spring.boot.JalchemyAutoConfiguration}) of an
 * Engine, a Registry and a SessionFactory from {@code jalchemy.*} and {@code spring.datasource.*}; the transaction
 * manager ({@link org.jalchemy.spring.boot.JalchemyTransactionManager}) that gives each Spring transaction one Session
 * and one connection, shared with JdbcTemplate; the injectable {@link org.jalchemy.spring.boot.TransactionalSession};
 * migrations at start-up; Micrometer meters and an Actuator health contributor. Nothing in jalchemy's core, ORM or
 * migrate modules depends on this package or on Spring.
 */
package org.jalchemy.spring.boot;
