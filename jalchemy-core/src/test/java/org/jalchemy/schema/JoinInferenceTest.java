package org.jalchemy.schema;

import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.Connection;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** join() without an ON clause infers it from the schema's foreign keys. */
class JoinInferenceTest {

    static final class Authors extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> name = column("name", string(40));
        Authors(MetaData md) { super("ji_authors", md); }
    }

    static final class Books extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> title = column("title", string(40));
        final Column<Integer> authorId = column("author_id", integer()).foreignKey("ji_authors.id");
        Books(MetaData md) { super("ji_books", md); }
    }

    @Test
    void onClauseComesFromTheForeignKeyInEitherDirection() {
        MetaData md = new MetaData();
        Authors a = new Authors(md);
        Books b = new Books(md);
        String sql = select(a.name, b.title).selectFrom(a.join(b)).compile(Dialects.get("postgresql")).sql();
        assertThat(sql).contains("FROM ji_authors JOIN ji_books ON ji_books.author_id = ji_authors.id");
        String reverse = select(b.title).selectFrom(b.outerjoin(a)).compile(Dialects.get("sqlite")).sql();
        assertThat(reverse).contains("ji_books LEFT OUTER JOIN ji_authors ON ji_books.author_id = ji_authors.id");
    }

    @Test
    void ambiguousOrMissingForeignKeysAskForAnExplicitOnClause() {
        MetaData md = new MetaData();
        Table people = new Table("ji_people", md);
        people.column("id", integer()).primaryKey();
        Table msgs = new Table("ji_msgs", md);
        msgs.column("id", integer()).primaryKey();
        msgs.column("sender_id", integer()).foreignKey("ji_people.id");
        msgs.column("receiver_id", integer()).foreignKey("ji_people.id");
        assertThatThrownBy(() -> people.join(msgs)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("ji_msgs").hasMessageContaining("2 foreign keys");
        Table lone = new Table("ji_lone", md);
        lone.column("id", integer()).primaryKey();
        assertThatThrownBy(() -> people.join(lone)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Can't find any foreign key");
    }

    @BackendTest
    void inferredJoinRuns(Backend backend) {
        Db.dropTables(backend.engine(), "ji_books", "ji_authors");
        MetaData md = new MetaData();
        Authors a = new Authors(md);
        Books b = new Books(md);
        md.createAll(backend.engine());
        try (Connection c = backend.engine().connect()) {
            c.execute(insert(a), List.of(Map.of("id", 1, "name", "Borges"), Map.of("id", 2, "name", "Cortázar")));
            c.execute(insert(b), List.of(Map.of("id", 1, "title", "Ficciones", "author_id", 1),
                    Map.of("id", 2, "title", "Rayuela", "author_id", 2), Map.of("id", 3, "title", "El Aleph", "author_id", 1)));
            Select<?> q = select(a.name, b.title).selectFrom(a.join(b)).orderBy(b.id);
            var rows = c.execute(q).all();
            assertThat(rows).extracting(r -> r.get(a.name) + ":" + r.get(b.title))
                    .containsExactly("Borges:Ficciones", "Cortázar:Rayuela", "Borges:El Aleph");
            c.rollback();
        }
        md.dropAll(backend.engine());
    }
}
