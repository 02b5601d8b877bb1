package org.jalchemy.spring.boot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The acceptance application: a Spring Boot app that adds only the starter, a JDBC driver,
 * {@code spring.datasource.*} and its revision scripts. Accounts are jalchemy entities, the audit
 * log is written with {@code JdbcTemplate}, both in the same Spring transactions.
 */
// tag::application[]
@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
// end::application[]
