package org.jalchemy.dialect;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.URL;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.sql.Sql;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * URLs listing several hosts (a Galera cluster, a PostgreSQL primary with standbys) turned into
 * the drivers' multi-host JDBC URLs, as strings; passwords never shown. The failover itself is
 * tested on a real cluster in {@code org.jalchemy.cluster.GaleraClusterTest}.
 */
class MultiHostUrlTest {

    private static Dialect.ConnectSpec spec(String url) {
        URL u = URL.parse(url);
        return Dialects.get(u.backend()).connectSpec(u);
    }

    @Test
    void aUrlKeepsEveryHostInOrderAndRendersThemBack() {
        URL u = URL.parse("mariadb://root:s3cret@127.0.0.1:3307,127.0.0.1:3308,[::1]:3309,db4/test_cluster?a=b");
        assertThat(u.hosts()).containsExactly(new URL.Host("127.0.0.1", 3307), new URL.Host("127.0.0.1", 3308),
                new URL.Host("::1", 3309), new URL.Host("db4", null));
        assertThat(u.host()).isEqualTo("127.0.0.1");
        assertThat(u.port()).isEqualTo(3307);
        assertThat(u.toString())
                .isEqualTo("mariadb://root:***@127.0.0.1:3307,127.0.0.1:3308,[::1]:3309,db4/test_cluster?a=b");
        assertThat(URL.parse(u.render(false))).isEqualTo(u);
        assertThat(u.withHost("proxy", 1234).hosts()).containsExactly(new URL.Host("proxy", 1234));
        assertThat(URL.parse("sqlite:///x.db").hosts()).isEmpty();
    }

    @Test
    void aBadHostListIsRejectedWithTheUrlMasked() {
        assertThatThrownBy(() -> URL.parse("mariadb://root:s3cret@h1:3307,,h3:3309/db"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("empty entry")
                .hasMessageContaining("root:***@").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> URL.parse("mariadb://root:s3cret@h1:3307,h2:x/db"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("port 'x'").hasMessageNotContaining("s3cret");
    }

    @Test
    void mariadbSeveralHostsBecomeTheSequentialFailoverForm() {
        Dialect.ConnectSpec s = spec("mariadb://root:s3cret@127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309/test_cluster");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:mariadb:sequential://127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309/test_cluster");
        assertThat(s.jdbcUrl()).doesNotContain("s3cret");
        assertThat(s.properties().getProperty("password")).isEqualTo("s3cret");
        assertThat(spec("mysql://u@a,b:3310/db").jdbcUrl()).isEqualTo("jdbc:mariadb:sequential://a:3306,b:3310/db");
        assertThat(spec("mariadb://u@a:3306/db").jdbcUrl()).isEqualTo("jdbc:mariadb://a:3306/db");
    }

    @Test
    void mariadbHaModeChoosesTheDriversModeAndIsNotPassedAsAProperty() {
        Dialect.ConnectSpec lb = spec("mariadb://u@a:3307,b:3308/db?haMode=load-balance&connectTimeout=500");
        assertThat(lb.jdbcUrl()).isEqualTo("jdbc:mariadb:loadbalance://a:3307,b:3308/db");
        assertThat(lb.properties()).doesNotContainKey("haMode").containsEntry("connectTimeout", "500");
        assertThat(spec("mariadb://u@a:3307/db?haMode=sequential").jdbcUrl()).isEqualTo("jdbc:mariadb:sequential://a:3307/db");
        assertThat(spec("mariadb://u@a,b/db?haMode=replication").jdbcUrl()).isEqualTo("jdbc:mariadb:replication://a:3306,b:3306/db");
        assertThatThrownBy(() -> spec("mariadb://u:s3cret@a,b/db?haMode=aurora"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("Unknown haMode 'aurora'")
                .hasMessageContaining("sequential, loadbalance").hasMessageNotContaining("s3cret");
    }

    @Test
    void postgresqlSeveralHostsBecomePgjdbcsMultiHostFormWithTargetServerTypePassedThrough() {
        Dialect.ConnectSpec s = spec("postgresql://app:s3cret@pg1:5433,pg2,[fe80::1]:5435/shop?targetServerType=primary&loadBalanceHosts=true");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://pg1:5433,pg2:5432,[fe80::1]:5435/shop");
        assertThat(s.properties()).containsEntry("targetServerType", "primary").containsEntry("loadBalanceHosts", "true")
                .containsEntry("password", "s3cret");
        assertThat(spec("postgresql://u@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void dialectsWhoseDriverTakesOneHostRejectAHostList() {
        assertThatThrownBy(() -> spec("mssql://sa:s3cret@a:1433,b:1433/db"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("lists 2 hosts")
                .hasMessageContaining("sa:***@").hasMessageNotContaining("s3cret");
    }

    @Test
    void theDriversFailoverStateIsALostConnection() {
        Dialect my = Dialects.get("mariadb");
        SQLException failover = new SQLTransientConnectionException("Driver has reconnect connection after a"
                + " communications link failure with address=(host=127.0.0.1)(port=3307). In progress transaction was lost",
                "25S03");
        assertThat(my.isDisconnect(failover)).isTrue();
        assertThat(my.classify(failover)).isEqualTo(ErrorKind.OPERATIONAL);
        assertThat(my.isDisconnect(new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047)))
                .isTrue();
        assertThat(my.isRetryable(new SQLException("Deadlock found when trying to get lock", "40001", 1213))).isTrue();
    }

    @Test
    void connectErrorsOfAClusterUrlNameEveryHostAndHideThePassword() {
        // ports 9 (discard) are closed on 127.0.0.1: every host refuses at once
        try (var engine = Jalchemy.createEngine("mariadb://root:s3cret@127.0.0.1:9,127.0.0.1:10/db",
                o -> o.connectTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> engine.connect().execute(Sql.text("SELECT 1")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("mariadb://root:***@127.0.0.1:9,127.0.0.1:10/db")
                    .hasMessageNotContaining("s3cret");
        }
    }
}
