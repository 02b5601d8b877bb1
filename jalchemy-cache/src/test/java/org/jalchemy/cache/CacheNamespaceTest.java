package org.jalchemy.cache;

import org.jalchemy.engine.URL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default key prefix: every host of a cluster URL counts, credentials never appear. */
class CacheNamespaceTest {

    @Test
    void twoClustersSharingTheirFirstHostGetDifferentNamespaces() {
        String a = QueryCache.defaultNamespace("mariadb", URL.parse("mariadb://root:secret@db1:3307,db2:3308/shop"));
        String b = QueryCache.defaultNamespace("mariadb", URL.parse("mariadb://root:secret@db1:3307,db9:3308/shop"));
        assertThat(a).isEqualTo("mariadb/db1:3307,db2:3308/shop");
        assertThat(b).isNotEqualTo(a);
        assertThat(a).doesNotContain("secret").doesNotContain("root");
    }

    @Test
    void singleHostAndFileUrls() {
        assertThat(QueryCache.defaultNamespace("postgresql", URL.parse("postgresql://app@127.0.0.1:5432/test")))
                .isEqualTo("postgresql/127.0.0.1:5432/test");
        assertThat(QueryCache.defaultNamespace("postgresql", URL.parse("postgresql://app@dbhost/test")))
                .isEqualTo("postgresql/dbhost/test");
        assertThat(QueryCache.defaultNamespace("sqlite", URL.parse("sqlite:///data/app.db")))
                .isEqualTo("sqlite//data/app.db");
    }
}
