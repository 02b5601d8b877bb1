package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKeyConstraint;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Class-level (composite) foreign keys: DDL, flush order and errors. */
class CompositeForeignKeyTest {

    @Entity(table = "shelves")
    static class Shelf {
        @Id
        Integer building;
        @Id
        Integer number;

        Shelf() {
        }

        Shelf(int building, int number) {
            this.building = building;
            this.number = number;
        }
    }

    // tag::composite-fk[]
    @Entity(table = "shelved_books")
    @ForeignKeyConstraint(columns = {"building", "shelf"}, references = "shelves",
            referencedColumns = {"building", "number"}, onDelete = "CASCADE")
    static class ShelvedBook {
        @Id
        Integer id;
        Integer building;
        Integer shelf;
        // end::composite-fk[]

        ShelvedBook() {
        }

        ShelvedBook(int building, int shelf) {
            this.building = building;
            this.shelf = shelf;
        }
    }

    @Entity(table = "bad_refs")
    @ForeignKeyConstraint(columns = {"a"}, references = "shelves", referencedColumns = {"building", "number"})
    static class CountMismatch {
        @Id
        Integer id;
        Integer a;
    }

    @Entity(table = "bad_refs2")
    @ForeignKeyConstraint(columns = {"a"}, references = "nowhere", referencedColumns = {"x"})
    static class UnknownTable {
        @Id
        Integer id;
        Integer a;
    }

    @BackendTest
    void compositeForeignKeysOrderTheFlushAndAreEnforced(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(ShelvedBook.class, Shelf.class));
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            session.add(new ShelvedBook(1, 7)); // added before its shelf: the flush inserts shelves first
            session.add(new Shelf(1, 7));
            session.commit();
        }
        assertThat(Db.count(engine, "shelved_books")).isEqualTo(1);
        try (Session session = factory.open()) {
            session.add(new ShelvedBook(2, 9));
            assertThatThrownBy(session::commit).isInstanceOf(IntegrityError.class).hasMessageContaining("ShelvedBook");
        }
        Db.exec(engine, "DELETE FROM shelves");
        assertThat(Db.count(engine, "shelved_books")).as("ON DELETE CASCADE").isZero();
    }

    @Test
    void mismatchedColumnsAndUnknownTablesAreMappingErrors() {
        assertThatThrownBy(() -> Registry.of(Shelf.class, CountMismatch.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("CountMismatch")
                .hasMessageContaining("1 columns but 2 referenced columns");
        assertThatThrownBy(() -> Registry.of(Shelf.class, UnknownTable.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("references table 'nowhere'");
    }
}
