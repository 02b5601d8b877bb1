package org.jalchemy.examples.reference;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every construct of docs/sql.md ("Every construct") on every backend and checks the results. */
class SqlConstructsReferenceTest {

    @BackendTest
    void everyConstructRuns(Backend backend) {
        Db.dropTables(backend.engine(), "sr_projects", "sr_employees");
        assertThat(SqlConstructsReference.run(backend.engine())).containsExactly(
                "scalar [Ana=2, Bruno=0, Carla=1, Dani_2=0, eva=0]",
                "exists [Ana, Carla] [Bruno, Dani_2, eva]",
                "cte [eng]",
                "recursive [Dani_2, eva]",
                "sets [Ana, Bruno, Ops] [3] [2, 4, 5]",
                "window [Ana#1, Bruno#2, Carla#1, Dani_2#2]",
                "case [Ana:high:5000, Bruno:high:4000, Carla:mid:3500, Dani_2:mid:3000, eva:low:2500]",
                "self [Bruno<Ana, Carla<Ana, Dani_2<Carla, eva<Carla] [Ana, Carla]",
                "like [Dani_2] [Dani_2] [eva]",
                "filters [2, 3, 4] [5] [2, 4] [1, 3] []",
                "upsert Ops v2",
                "returning 4 Docs",
                "text [Ana, Bruno] Bruno",
                "row 2 Bruno 4000 [id, who, salary] Bruno",
                "reflected [Ana, Bruno]",
                "compiled SELECT sr_employees.name FROM sr_employees WHERE sr_employees.salary > ? AND sr_employees.dept = ?",
                "literal SELECT sr_employees.name FROM sr_employees WHERE sr_employees.salary > 3000 AND sr_employees.dept = 'ops'");
    }
}
