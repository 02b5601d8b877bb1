package org.jalchemy.examples.reference;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the code of docs/sql.md on every backend. */
class SqlReferenceTest {

    @BackendTest
    void sqlPageCodeRuns(Backend backend) {
        Db.dropTables(backend.engine(), "order_lines", "orders", "tags", "posts", "users");
        assertThat(SqlReference.run(backend.engine()))
                .isEqualTo("2 1 [UserView[id=2, name=alba], UserView[id=1, name=ana]] 3");
    }
}
