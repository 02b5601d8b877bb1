package com.example.shop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShopTest {
    @Test
    void runsOnSqlite(@TempDir Path dir) {
        assertEquals("pen 2", Shop.inventory("sqlite:///" + dir.resolve("shop.db")));
    }
}
