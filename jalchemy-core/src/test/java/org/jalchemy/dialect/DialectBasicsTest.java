package org.jalchemy.dialect;

import org.jalchemy.exc.ErrorKind;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Dialect SPI basics that need no database: lookup, quoting, feature flags, error classes. */
class DialectBasicsTest {

    @Test
    void dialectsAreFoundByUrlName() {
        assertThat(Dialects.names()).contains("sqlite", "postgresql", "postgres", "mysql", "mariadb");
        assertThat(Dialects.get("POSTGRESQL").name()).isEqualTo("postgresql");
        assertThat(Dialects.get("mariadb").name()).isEqualTo("mariadb");
    }

    @Test
    void quotingFollowsEachDatabase() {
        Dialect pg = Dialects.get("postgresql");
        Dialect my = Dialects.get("mysql");
        Dialect lite = Dialects.get("sqlite");
        assertThat(pg.quoteIdentifier("users")).isEqualTo("users");
        assertThat(pg.quoteIdentifier("user")).isEqualTo("\"user\"");
        assertThat(pg.quoteIdentifier("UserName")).isEqualTo("\"UserName\"");
        assertThat(pg.quoteIdentifier("my table")).isEqualTo("\"my table\"");
        assertThat(pg.quoteIdentifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(my.quoteIdentifier("order")).isEqualTo("`order`");
        assertThat(my.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(lite.quoteIdentifier("select")).isEqualTo("\"select\"");
        assertThat(lite.quoteIdentifier("plain_name1")).isEqualTo("plain_name1");
        assertThat(pg.maxIdentifierLength()).isEqualTo(63);
        assertThat(my.maxIdentifierLength()).isEqualTo(64);
    }

    @Test
    void featureFlagsDifferPerDatabase() {
        assertThat(Dialects.get("postgresql").supportsReturning()).isTrue();
        assertThat(Dialects.get("postgresql").transactionalDdl()).isTrue();
        assertThat(Dialects.get("sqlite").supportsReturning()).isTrue();
        assertThat(Dialects.get("mysql").supportsReturning()).isFalse();
        assertThat(Dialects.get("mysql").supportsFullOuterJoin()).isFalse();
        assertThat(Dialects.get("mysql").transactionalDdl()).isFalse();
        assertThat(Dialects.get("mariadb").supportsReturning()).isTrue(); // newest known version until connected
    }

    @Test
    void sqlStateClassesMapOntoDbApiClasses() {
        Dialect pg = Dialects.get("postgresql");
        assertThat(pg.classify(new SQLException("dup", "23505"))).isEqualTo(ErrorKind.INTEGRITY);
        assertThat(pg.classify(new SQLException("too long", "22001"))).isEqualTo(ErrorKind.DATA);
        assertThat(pg.classify(new SQLException("syntax", "42601"))).isEqualTo(ErrorKind.PROGRAMMING);
        assertThat(pg.classify(new SQLException("deadlock", "40P01"))).isEqualTo(ErrorKind.OPERATIONAL);
        assertThat(pg.classify(new SQLException("feature", "0A000"))).isEqualTo(ErrorKind.NOT_SUPPORTED);
        assertThat(pg.isDisconnect(new SQLException("gone", "08006"))).isTrue();
        assertThat(pg.isDisconnect(new SQLException("dup", "23505"))).isFalse();
        Dialect my = Dialects.get("mysql");
        assertThat(my.classify(new SQLException("Duplicate entry", "23000", 1062))).isEqualTo(ErrorKind.INTEGRITY);
        assertThat(my.classify(new SQLException("Lock wait timeout", "HY000", 1205))).isEqualTo(ErrorKind.OPERATIONAL);
        assertThat(my.isDisconnect(new SQLException("server has gone away", "HY000", 2006))).isTrue();
        Dialect lite = Dialects.get("sqlite");
        assertThat(lite.classify(new SQLException("[SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed", null, 2067)))
                .isEqualTo(ErrorKind.INTEGRITY);
        assertThat(lite.classify(new SQLException("[SQLITE_ERROR] SQL error (no such table: x)", null, 1)))
                .isEqualTo(ErrorKind.PROGRAMMING);
        assertThat(lite.classify(new SQLException("[SQLITE_BUSY] database is locked", null, 5)))
                .isEqualTo(ErrorKind.OPERATIONAL);
    }
}
