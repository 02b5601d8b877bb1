package org.jalchemy.types;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.DataError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.text;

/**
 * A string holding a lone UTF-16 surrogate has no UTF-8 form; every driver would store it as '?'.
 * jalchemy raises DataError before sending, for typed columns, untyped text() parameters and
 * executemany, and valid surrogate pairs (emoji) still round-trip.
 */
class LoneSurrogateTest {

    private static final class Notes extends Table {
        final Column<Integer> id = column("id", SqlTypes.integer()).primaryKey();
        final Column<String> body = column("body", SqlTypes.string(50));

        Notes(MetaData md) {
            super("ls_notes", md);
        }
    }

    @BackendTest
    void aLoneSurrogateIsADataErrorBeforeSendingAndAPairRoundTrips(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "ls_notes");
        MetaData md = new MetaData();
        Notes notes = new Notes(md);
        md.createAll(e);
        String emoji = "smile \uD83D\uDE00 ok";
        try (Connection c = e.connect()) {
            for (String bad : List.of("cut \uD83D", "\uDE00 low first", "x\uD800y\uDC00")) {
                assertThatThrownBy(() -> c.execute(insert(notes).values(Map.of("id", 1, "body", bad))))
                        .isInstanceOf(DataError.class)
                        .hasMessageContaining("lone UTF-16 surrogate")
                        .hasMessageContaining("INSERT INTO");
            }
            assertThatThrownBy(() -> c.execute(text("INSERT INTO ls_notes (id, body) VALUES (:id, :b)"),
                    Map.of("id", 2, "b", "untyped \uDBFF"))).isInstanceOf(DataError.class);
            assertThatThrownBy(() -> c.execute(insert(notes), List.of(Map.of("id", 3, "body", "fine"),
                    Map.of("id", 4, "body", "bad \uD800")))).isInstanceOf(DataError.class);
            // nothing reached the server, so even PostgreSQL's transaction is still usable
            c.execute(insert(notes).values(Map.of("id", 5, "body", emoji)));
            c.commit();
            assertThat(c.execute(select(notes.body)).scalars().all()).containsExactly(emoji);
        }
    }
}
