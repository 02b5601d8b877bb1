package org.jalchemy.examples.reference;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the code of docs/reliability.md on every backend. */
class ReliabilityReferenceTest {

    @BackendTest
    void reliabilityPageCodeRuns(Backend backend) {
        Db.dropTables(backend.engine(), "rel_accounts", "rel_payments");
        assertThat(ReliabilityReference.run(backend.url())).isEqualTo("true false true false 30 1");
    }
}
