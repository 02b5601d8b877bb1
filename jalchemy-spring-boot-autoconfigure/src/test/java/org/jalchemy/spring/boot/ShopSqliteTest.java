package org.jalchemy.spring.boot;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ShopAcceptanceTests} on sqlite. */
@OnBackend("sqlite")
class ShopSqliteTest extends ShopAcceptanceTests {
    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SpringBackends.datasource("sqlite", registry);
    }
}
