package org.jalchemy.spring.boot;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ShopAcceptanceTests} on mariadb. */
@OnBackend("mariadb")
class ShopMariadbTest extends ShopAcceptanceTests {
    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        SpringBackends.datasource("mariadb", registry);
    }
}
