package org.jalchemy.schema;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.CompileError;
import org.jalchemy.sql.Sql;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.types.SqlTypes.integer;

/**
 * Identifiers as the database counts and matches them: PostgreSQL's limit is 63 bytes (of UTF-8),
 * MySQL/MariaDB's 64 characters, and names longer than that are refused rather than silently
 * truncated; reflection matches names literally, so backslashes and LIKE wildcards in a name
 * neither hide the table nor find another one.
 */
class IdentifierTest {

    private static Table table(MetaData md, String name) {
        Table t = new Table(name, md);
        t.column("id", integer()).primaryKey();
        return t;
    }

    private static void dropIfPresent(Engine e, String... names) {
        try (Connection c = e.connect()) {
            for (String n : names) {
                c.execDriverSql("DROP TABLE IF EXISTS " + e.dialect().quote(n));
            }
            c.commit();
        }
    }

    @BackendTest
    void identifierLengthIsCountedAsTheDatabaseCountsIt(Backend backend) {
        Engine e = backend.engine();
        String cyrillic33 = "ж".repeat(33); // 33 characters, 66 bytes
        String sameStart = "ж".repeat(32) + "щ"; // collides with it once cut to 63 bytes
        assertThat(cyrillic33.getBytes(StandardCharsets.UTF_8)).hasSize(66);
        dropIfPresent(e, cyrillic33, sameStart);
        MetaData md = new MetaData();
        Table t = table(md, cyrillic33);
        if (backend.isPostgresql()) {
            assertThatThrownBy(() -> md.createAll(e)).isInstanceOf(CompileError.class)
                    .hasMessageContaining(cyrillic33).hasMessageContaining("66 bytes")
                    .hasMessageContaining("63 bytes");
            assertThatThrownBy(() -> table(new MetaData(), sameStart).create(e)).isInstanceOf(CompileError.class);
            assertThatThrownBy(() -> Sql.select(t.column("id")).compile(e.dialect())).isInstanceOf(CompileError.class)
                    .hasMessageContaining("63 bytes");
            assertThat(new Inspector(e).getTableNames(null)).noneMatch(n -> n.startsWith("жжж"));
        } else {
            md.createAll(e);
            assertThat(new Inspector(e).hasTable(cyrillic33)).isTrue();
            md.dropAll(e);
            assertThat(new Inspector(e).hasTable(cyrillic33)).isFalse();
        }
        if (backend.isMariadb()) {
            String cyrillic65 = "ж".repeat(65);
            assertThatThrownBy(() -> table(new MetaData(), cyrillic65).create(e)).isInstanceOf(CompileError.class)
                    .hasMessageContaining("64 characters");
            String cyrillic64 = "ж".repeat(64);
            dropIfPresent(e, cyrillic64);
            Table ok = table(new MetaData(), cyrillic64);
            ok.create(e);
            assertThat(new Inspector(e).hasTable(cyrillic64)).isTrue();
            ok.drop(e);
        }
    }

    @BackendTest
    void reflectionMatchesNamesWithBackslashesQuotesAndWildcardsLiterally(Backend backend) {
        Engine e = backend.engine();
        // a name without _ or % is compared with = by the MariaDB driver, so escaping it for LIKE breaks it
        List<String> names = List.of("back\\slash", "two\\\\back", "trail\\", "idunder_score", "id100%",
                "it's", "bs\\_x", "bs\\%y", "q\\'z");
        dropIfPresent(e, names.toArray(String[]::new));
        dropIfPresent(e, "idunderXscore", "id100x");
        MetaData decoys = new MetaData();
        table(decoys, "idunderXscore");
        table(decoys, "id100x");
        decoys.createAll(e);
        try {
            Inspector inspector = new Inspector(e);
            for (String n : names) {
                assertThat(inspector.hasTable(n)).as("%s before create (a LIKE wildcard must not match a decoy)", n)
                        .isFalse();
            }
            MetaData md = new MetaData();
            names.forEach(n -> table(md, n));
            md.createAll(e);
            for (String n : names) {
                assertThat(inspector.hasTable(n)).as(n).isTrue();
                assertThat(inspector.getColumns(n)).extracting(Reflected.Column::name).containsExactly("id");
            }
            md.createAll(e); // checks first: nothing to do, no "already exists"
            md.dropAll(e);
            for (String n : names) {
                assertThat(inspector.hasTable(n)).as(n + " after drop").isFalse();
            }
            assertThat(inspector.hasTable("idunderXscore")).isTrue();
        } finally {
            decoys.dropAll(e);
        }
    }
}
