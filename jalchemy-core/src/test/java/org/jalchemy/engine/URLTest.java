package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class URLTest {

    @Test
    void parsesSqliteForms() {
        assertThat(URL.parse("sqlite:///relative.db").database()).isEqualTo("relative.db");
        assertThat(URL.parse("sqlite:////abs/path.db").database()).isEqualTo("/abs/path.db");
        assertThat(URL.parse("sqlite:///:memory:").database()).isEqualTo(":memory:");
        assertThat(URL.parse("sqlite://").database()).isNull();
        assertThat(URL.parse("sqlite:///sub/dir/x.db").backend()).isEqualTo("sqlite");
    }

    @Test
    void parsesServerUrls() {
        URL u = URL.parse("postgresql+pgjdbc://scott:tiger@db.example.com:5433/shop?sslmode=disable&ApplicationName=x");
        assertThat(u.backend()).isEqualTo("postgresql");
        assertThat(u.driver()).isEqualTo("pgjdbc");
        assertThat(u.username()).isEqualTo("scott");
        assertThat(u.password()).isEqualTo("tiger");
        assertThat(u.host()).isEqualTo("db.example.com");
        assertThat(u.port()).isEqualTo(5433);
        assertThat(u.database()).isEqualTo("shop");
        assertThat(u.query()).containsEntry("sslmode", "disable").containsEntry("ApplicationName", "x");

        URL m = URL.parse("mysql://root@localhost/test");
        assertThat(m.password()).isNull();
        assertThat(m.port()).isNull();

        URL v6 = URL.parse("postgresql://u:p@[::1]:5432/db");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(5432);
    }

    @Test
    void decodesPercentEscapesInCredentials() {
        URL u = URL.parse("postgresql://us%40er:p%40ss%3Aw%2Ford+x@host/db");
        assertThat(u.username()).isEqualTo("us@er");
        assertThat(u.password()).isEqualTo("p@ss:w/ord+x");
        assertThat(URL.parse(u.render(false)).password()).isEqualTo("p@ss:w/ord+x");
    }

    @Test
    void toStringMasksPassword() {
        URL u = URL.parse("postgresql://scott:tiger@localhost/db");
        assertThat(u.toString()).isEqualTo("postgresql://scott:***@localhost/db").doesNotContain("tiger");
        assertThat(u.render(false)).contains("tiger");
    }

    @Test
    void malformedUrlsRaiseArgumentErrorWithMaskedPassword() {
        assertThatThrownBy(() -> URL.parse("not a url")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Could not parse database URL 'not a url'");
        assertThatThrownBy(() -> URL.parse("postgresql://scott:tiger@host:notaport/db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("port 'notaport'")
                .hasMessageContaining("scott:***@")
                .hasMessageNotContaining("tiger");
        assertThatThrownBy(() -> URL.parse("postgresql://h:70000/db")).hasMessageContaining("outside 1..65535");
        assertThatThrownBy(() -> URL.parse("")).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> URL.parse("post gres://h/db")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("scheme");
        assertThatThrownBy(() -> URL.parse("postgresql://u:p%ZZ@h/db")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("percent-escape").hasMessageNotContaining("ZZ");
    }
}
