package org.jalchemy.spring.boot;

import org.jalchemy.exc.ArgumentError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTest {
    @Test
    void serverUrlsTakeTheDialectSchemeAndTheCredentials() {
        assertThat(JdbcUrls.toJalchemy("jdbc:postgresql://db.example:5433/shop?sslmode=require", "app", "p@ss/word"))
                .isEqualTo("postgresql://app:p%40ss%2Fword@db.example:5433/shop?sslmode=require");
        assertThat(JdbcUrls.toJalchemy("jdbc:mariadb://127.0.0.1/shop", "root", null)).isEqualTo("mariadb://root@127.0.0.1/shop");
        assertThat(JdbcUrls.toJalchemy("jdbc:mysql://h:3306/shop", null, null)).isEqualTo("mysql://h:3306/shop");
        assertThat(JdbcUrls.toJalchemy("jdbc:postgresql://u:pw@h/db", "other", "x")).isEqualTo("postgresql://u:pw@h/db");
    }

    @Test
    void sqliteUrlsKeepRelativeAndAbsolutePaths() {
        assertThat(JdbcUrls.toJalchemy("jdbc:sqlite:app.db", null, null)).isEqualTo("sqlite:///app.db");
        assertThat(JdbcUrls.toJalchemy("jdbc:sqlite:/var/data/app.db", null, null)).isEqualTo("sqlite:////var/data/app.db");
        assertThat(JdbcUrls.toJalchemy("jdbc:sqlite::memory:", null, null)).isEqualTo("sqlite:///:memory:");
    }

    @Test
    void unknownJdbcUrlNamesTheUrlWithoutPasswordAndTheFix() {
        assertThatThrownBy(() -> JdbcUrls.toJalchemy("jdbc:h2:mem:x;password=secret", null, null))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("jdbc:h2:mem:x").hasMessageContaining("jalchemy.url")
                .hasMessageNotContaining("secret");
    }
}
