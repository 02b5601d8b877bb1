package org.jalchemy.examples.reference;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the code of docs/schema.md on every backend that has functional indexes. */
class SchemaReferenceTest {

    @BackendTest
    void schemaPageCodeRuns(Backend backend) {
        Assumptions.assumeFalse(backend.isMariadb(), "the page's functional index (lower(email)) is PostgreSQL/SQLite only");
        Db.dropTables(backend.engine(), "order_lines", "orders", "tags", "posts", "users");
        String out = SchemaReference.run(backend.engine());
        assertThat(out).contains("id label").contains("reflected id true").contains("Money")
                .contains("CONSTRAINT pk_users PRIMARY KEY");
    }
}
