package org.jalchemy.compliance;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.CompileError;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.compliance.ComplianceTables.*;
import static org.jalchemy.sql.Sql.*;

/**
 * Behaviours of SQLAlchemy's {@code suite/test_insert.py}, {@code test_update_delete.py} and
 * {@code test_rowcount.py}: last inserted ids, empty inserts, INSERT FROM SELECT, RETURNING,
 * insertmanyvalues, and row counts of single and executemany UPDATE/DELETE.
 */
class ComplianceDmlTest {

    @BackendTest
    void autoincrementOnInsertAndLastInsertedId(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Result r = c.execute(insert(autoinc).values(Map.of("data", "a")));
            Row pk = r.insertedPrimaryKey();
            assertThat(pk).isNotNull();
            Result r2 = c.execute(insert(autoinc).values(Map.of("data", "b")));
            assertThat(r2.insertedPrimaryKey().get(aId)).isGreaterThan(pk.get(aId));
            assertThat(c.execute(select(aData).where(aId.eq(r2.insertedPrimaryKey().get(aId)))).scalarOne()).isEqualTo("b");
        }
    }

    @BackendTest
    void noResultsForNonReturningInsert(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Result r = c.execute(insert(some).values(Map.of("id", 10, "x", 1)));
            assertThat(r.returnsRows()).isFalse();
            assertThatThrownBy(r::all).isInstanceOf(ResourceClosedError.class);
        }
    }

    @BackendTest
    void emptyInsertUsesDefaults(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            c.execute(insert(autoinc));
            c.execute(insert(autoinc));
            assertThat(c.execute(select(func.count()).selectFrom(autoinc).where(aData.isNull())).scalarOne()).isEqualTo(2L);
        }
    }

    @BackendTest
    void insertFromSelectWithAndWithoutRows(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            c.execute(insert(autoinc).fromSelect(List.of(aData), select(sQ).where(sId.le(2))));
            assertThat(c.execute(select(aData).orderBy(aData)).scalars().all()).containsExactly("q1", "q2");
            Result none = c.execute(insert(autoinc).fromSelect(List.of(aData), select(sQ).where(sId.gt(100))));
            assertThat(none.rowcount()).isZero();
            c.execute(insert(some).fromSelect(List.of(sId, sX, sQ), select(sId.add(100), sX, sQ.concat("!"))));
            assertThat(c.execute(select(sQ).where(sId.eq(101))).scalarOne()).isEqualTo("q1!");
        }
    }

    @BackendTest
    void explicitReturningOfThePrimaryKey(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            if (!Capabilities.of(backend).insertReturning()) {
                assertThatThrownBy(() -> c.execute(insert(autoinc).values(Map.of("data", "r")).returning(aId)))
                        .isInstanceOf(CompileError.class);
                return;
            }
            Integer id = c.execute(insert(autoinc).values(Map.of("data", "r")).returning(aId)).scalars(aId).one();
            c.commit();
            assertThat(c.execute(select(aData).where(aId.eq(id))).scalarOne()).isEqualTo("r");
        }
    }

    @BackendTest
    void insertManyValuesReturningKeepsOrder(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            List<Map<String, Object>> params = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                params.add(Map.of("data", "d" + i));
            }
            if (!Capabilities.of(backend).insertReturning()) {
                assertThat(c.execute(insert(autoinc), params).rowcount()).isEqualTo(1200);
                return;
            }
            List<Row> rows = c.execute(insert(autoinc).returning(aId, aData), params).all();
            assertThat(rows).hasSize(1200);
            assertThat(rows.get(0).get(aData)).isEqualTo("d0");
            assertThat(rows.get(1199).get(aData)).isEqualTo("d1199");
            assertThat(rows).extracting(r -> r.get(aId)).doesNotHaveDuplicates();
        }
    }

    @BackendTest
    void simpleUpdateAndDelete(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            c.execute(update(some).set(sQ, "updated").where(sId.eq(2)));
            assertThat(c.execute(select(sQ).orderBy(sId)).scalars().all()).containsExactly("q1", "updated", "q3", "q4");
            c.execute(delete(some).where(sId.eq(2)));
            assertThat(c.execute(select(sId).orderBy(sId)).scalars().all()).containsExactly(1, 3, 4);
        }
    }

    @BackendTest
    void updateAndDeleteReturning(Backend backend) {
        setup(backend);
        Capabilities caps = Capabilities.of(backend);
        try (Connection c = backend.engine().connect()) {
            if (caps.updateReturning()) {
                List<Row> r = c.execute(update(some).set(sQ, "u").where(sId.ge(3)).returning(sId, sQ)).all();
                assertThat(r).extracting(row -> row.get(sQ)).containsOnly("u");
                assertThat(r).extracting(row -> row.get(sId)).containsExactlyInAnyOrder(3, 4);
            } else {
                assertThatThrownBy(() -> c.execute(update(some).set(sQ, "u").returning(sId)))
                        .isInstanceOf(CompileError.class);
            }
            if (caps.deleteReturning()) {
                assertThat(c.execute(delete(some).where(sId.eq(1)).returning(sQ)).scalars().all()).containsExactly("q1");
            }
        }
    }

    @BackendTest
    void rowcounts(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            assertThat(c.execute(update(some).set(sP, "z").where(sX.ge(2))).rowcount()).as("update rowcount 1").isEqualTo(3);
            assertThat(c.execute(update(some).set(sP, "zz").where(sX.eq(99))).rowcount()).as("no match").isZero();
            assertThat(c.execute(text("UPDATE cmp_some_table SET p = 'w' WHERE x <= 2")).rowcount()).as("text").isEqualTo(2);
            assertThat(c.execute(delete(some).where(sId.eq(4))).rowcount()).isEqualTo(1);
            var multi = update(some).where(sId.eq(bindparam("oid", org.jalchemy.types.IntegerType.INSTANCE)))
                    .values(Map.of("q", bindparam("newq", new org.jalchemy.types.StringType(50))));
            assertThat(c.execute(multi, List.of(Map.of("oid", 1, "newq", "a"), Map.of("oid", 2, "newq", "b"),
                    Map.of("oid", 99, "newq", "c"))).rowcount()).as("multi update").isEqualTo(2);
            var multiDelete = delete(some).where(sId.eq(bindparam("oid", org.jalchemy.types.IntegerType.INSTANCE)));
            assertThat(c.execute(multiDelete, List.of(Map.of("oid", 1), Map.of("oid", 2))).rowcount())
                    .as("multi delete").isEqualTo(2);
            assertThat(c.execute(select(sId)).rowcount()).as("queries report -1").isEqualTo(-1);
        }
    }
}
