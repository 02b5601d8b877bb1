package org.jalchemy.spring.boot;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ShopAcceptanceTests} on postgresql. */
@OnBackend("postgresql")
class ShopPostgresqlTest extends ShopAcceptanceTests {
    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SpringBackends.datasource("postgresql", registry);
    }
}
