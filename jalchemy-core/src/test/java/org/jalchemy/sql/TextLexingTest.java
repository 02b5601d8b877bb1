package org.jalchemy.sql;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * text() finds its :name parameters where the database sees code, lexing strings, identifiers and
 * comments as that database does; nothing it leaves in the SQL can be bound to NULL silently.
 */
class TextLexingTest {

    private static Object one(Connection c, String sql, Map<String, ?> params) {
        return c.execute(text(sql), params).scalarOne();
    }

    private static int asInt(Object o) {
        return ((Number) o).intValue();
    }

    @BackendTest
    void parametersAfterAnApostropheInACommentAreBound(Backend backend) {
        try (Connection c = backend.engine().connect()) {
            assertThat(asInt(one(c, "SELECT /* it's */ :x", Map.of("x", 5)))).isEqualTo(5);
            assertThat(asInt(one(c, "SELECT -- don't\n :x", Map.of("x", 6)))).isEqualTo(6);
            assertThat(asInt(one(c, "SELECT /* \"q */ :x + 0", Map.of("x", 7)))).isEqualTo(7);
            String concat = backend.isMariadb() ? "SELECT CONCAT(':x is text' /* ' */, :y)" // || is OR there
                    : "SELECT ':x is text' /* ' */ || :y";
            assertThat(one(c, concat, Map.of("y", "!"))).isEqualTo(":x is text!");
        }
    }

    @BackendTest
    void aMissingValueRaisesInsteadOfBindingNull(Backend backend) {
        try (Connection c = backend.engine().connect()) {
            assertThatThrownBy(() -> c.execute(text("SELECT /* it's */ :x"))).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("bind parameter 'x'");
        }
    }

    @BackendTest
    void postgresqlDollarQuotesAndEscapeStrings(Backend backend) {
        Assumptions.assumeTrue(backend.isPostgresql(), "dollar quotes and E'' strings are PostgreSQL's");
        try (Connection c = backend.engine().connect()) {
            assertThat(one(c, "SELECT $$it's :y$$ || :x", Map.of("x", "!"))).isEqualTo("it's :y!");
            assertThat(one(c, "SELECT $fn$ :a ' $fn$ || :x", Map.of("x", "?"))).isEqualTo(" :a ' ?");
            assertThat(one(c, "SELECT E'it\\'s :y' || :x", Map.of("x", "!"))).isEqualTo("it's :y!");
            assertThat(one(c, "SELECT 'back\\' || :x", Map.of("x", "!"))).as("standard strings: \\ is a character")
                    .isEqualTo("back\\!");
            assertThat(asInt(one(c, "SELECT /* outer /* it's */ still */ :x", Map.of("x", 3)))).isEqualTo(3);
            assertThat(one(c, "SELECT '{\"a\": 1}'::jsonb ? 'a' AND :t", Map.of("t", true)))
                    .as("a literal ? (a JSON operator) reaches PostgreSQL").isEqualTo(true);
        }
    }

    @BackendTest
    void mysqlBackslashEscapesHashCommentsAndDashDash(Backend backend) {
        Assumptions.assumeTrue(backend.isMariadb(), "backslash escapes and # comments are MySQL's");
        try (Connection c = backend.engine().connect()) {
            assertThat(one(c, "SELECT CONCAT('it\\'s :y', :x)", Map.of("x", "!"))).isEqualTo("it's :y!");
            assertThat(one(c, "SELECT CONCAT(\"say \\\"hi\\\" :y\", :x)", Map.of("x", "!"))).isEqualTo("say \"hi\" :y!");
            assertThat(asInt(one(c, "SELECT 1 # it's\n + :x", Map.of("x", 2)))).isEqualTo(3);
            assertThat(asInt(one(c, "SELECT 3--:x", Map.of("x", 1)))).as("MySQL: -- needs a space to start a comment")
                    .isEqualTo(4);
            assertThatThrownBy(() -> c.execute(text("SELECT ?"))).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("write parameters as :name");
        }
    }

    @BackendTest
    void sqliteRefusesWhatItWouldBindToNull(Backend backend) {
        Assumptions.assumeTrue(backend.isSqlite(), "SQLite binds :name, @name, $name and ? itself");
        try (Connection c = backend.engine().connect()) {
            assertThatThrownBy(() -> c.execute(text("SELECT \\:x"))).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("binds to NULL");
            assertThatThrownBy(() -> c.execute(text("SELECT @x"))).isInstanceOf(ArgumentError.class);
            assertThatThrownBy(() -> c.execute(text("SELECT $x"))).isInstanceOf(ArgumentError.class);
            assertThatThrownBy(() -> c.execute(text("SELECT ?"))).isInstanceOf(ArgumentError.class);
            assertThat(asInt(one(c, "SELECT [x] FROM (SELECT 4 AS [x]) WHERE :y = 1", Map.of("y", 1)))).isEqualTo(4);
            assertThat(one(c, "SELECT 'a:b' || ' ' || '$c' || :x", Map.of("x", "@"))).isEqualTo("a:b $c@");
        }
    }

    @BackendTest
    void aBoundNameTheDatabaseReadsAsStringContentIsRefused(Backend backend) {
        Assumptions.assumeTrue(backend.isMariadb(), "needs MySQL's backslash escapes");
        // standard SQL reads 'a\' as a string, then :x as code; MySQL reads 'a\' :x ...' as one string
        TextClause t = text("SELECT 'a\\' :x '").bind("x", 1);
        assertThat(t.parameterNames()).containsExactly("x");
        try (Connection c = backend.engine().connect()) {
            assertThatThrownBy(() -> c.execute(t)).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("reads it as part of a string literal or comment");
        }
    }

    @Test
    void parameterNamesAreReadAsStandardSql() {
        assertThat(text("SELECT :a, ':b', \"c:d\", /* :e */ :f::int -- :g\n, \\:h").parameterNames())
                .isEqualTo(List.of("a", "f"));
    }
}
