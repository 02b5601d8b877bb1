package org.jalchemy.compliance;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.sql.CTE;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.TableClause;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.compliance.ComplianceTables.*;
import static org.jalchemy.sql.Sql.*;

/**
 * Behaviours of SQLAlchemy's {@code suite/test_results.py} (row access, server-side cursors,
 * percent-sign names), {@code test_cte.py} (CTE round trips incl. recursive and in DML) and
 * {@code test_dialect.py} (integrity errors, non-ASCII messages, escaping, difficult parameter names).
 */
class ComplianceResultsCteDialectTest {

    @BackendTest
    void rowAccessByNameIndexAndColumnObject(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Row r = c.execute(select(sId, sQ).where(sId.eq(1))).one();
            assertThat(r.get("q")).isEqualTo("q1");
            assertThat(r.get(1)).isEqualTo("q1");
            assertThat(r.get(sQ)).isEqualTo("q1");
        }
    }

    @BackendTest
    void serverSideCursorRoundTripFetchAllAndFetchMany(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            List<Map<String, Object>> p = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                p.add(Map.of("data", "v" + i));
            }
            c.execute(insert(autoinc), p);
            try (Result r = c.execute(select(aData).orderBy(aId).yieldPer(25))) {
                assertThat(r.fetchMany(10)).hasSize(10);
                assertThat(r.fetchMany(1000)).hasSize(290);
                assertThat(r.fetchMany(5)).isEmpty();
            }
            assertThat(c.execute(select(aData).yieldPer(7)).all()).hasSize(300);
        }
    }

    @BackendTest
    void percentSignNamesRoundTrip(Backend backend) {
        var e = backend.engine();
        String tname = "cmp_percent%table";
        Db.exec(e, "DROP TABLE IF EXISTS " + e.dialect().quote(tname));
        Db.exec(e, "CREATE TABLE " + e.dialect().quote(tname) + " (" + e.dialect().quote("percent%") + " INTEGER, "
                + e.dialect().quote("spaces % more spaces") + " INTEGER)");
        ColumnClause<Integer> pc = column("percent%", IntegerType.INSTANCE);
        ColumnClause<Integer> sp = column("spaces % more spaces", IntegerType.INSTANCE);
        TableClause t = table(tname, pc, sp);
        try (Connection c = e.connect()) {
            c.execute(insert(t).values(Map.of("percent%", 5, "spaces % more spaces", 12)));
            c.execute(insert(t), List.of(Map.of("percent%", 7, "spaces % more spaces", 11),
                    Map.of("percent%", 9, "spaces % more spaces", 10)));
            assertThat(c.execute(select(t.c(pc)).where(t.c(sp).gt(10)).orderBy(t.c(pc))).scalars().all()).containsExactly(5, 7);
            c.execute(update(t).set(t.c(sp), 15).where(t.c(pc).eq(9)));
            Row r = c.execute(select(t).where(t.c(pc).eq(9))).one();
            assertThat(r.get("spaces % more spaces")).isEqualTo(15);
        } finally {
            Db.exec(e, "DROP TABLE IF EXISTS " + e.dialect().quote(tname));
        }
    }

    @BackendTest
    void cteNonRecursiveAndRecursiveRoundTrip(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            CTE cte = select(tId, tData, tParent).where(tData.in(List.of("d2", "d3", "d4"))).cte("some_cte");
            assertThat(c.execute(select(cte.c(tData)).where(cte.c(tData).in(List.of("d4", "d5")))).scalars().all())
                    .containsExactly("d4");
            CTE rec = select(tId, tData, tParent).where(tData.eq("d3")).cte("some_cte", true);
            CTE alias = rec;
            rec = rec.unionAll(select(tree.c(tId), tree.c(tData), tree.c(tParent)).where(tParent.eq(alias.c(tId))));
            assertThat(c.execute(select(rec.c(tData)).orderBy(rec.c(tData))).scalars().all())
                    .containsExactly("d3", "d4", "d5");
        }
    }

    @BackendTest
    void cteInInsertUpdateDelete(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            CTE cte = select(tId, tData).where(tData.in(List.of("d2", "d4"))).cte("some_cte");
            c.execute(insert(autoinc).fromSelect(List.of(aData), select(cte.c(tData))));
            assertThat(c.execute(select(aData).orderBy(aData)).scalars().all()).containsExactly("d2", "d4");
            c.execute(update(tree).set(tData, "upd").where(tId.in(select(cte.c(tId)))));
            assertThat(c.execute(select(tId).where(tData.eq("upd")).orderBy(tId)).scalars().all()).containsExactly(2, 4);
            CTE del = select(tId).where(tId.gt(4)).cte("del_cte");
            c.execute(delete(tree).where(tId.in(select(del.c(tId)))));
            assertThat(c.execute(select(func.count()).selectFrom(tree)).scalarOne()).isEqualTo(4L);
            c.execute(delete(tree).where(tId.eq(select(func.max(sId)).where(sId.lt(4)).scalarSubquery())));
            assertThat(c.execute(select(tId).orderBy(tId)).scalars().all()).containsExactly(1, 2, 4);
        }
    }

    @BackendTest
    void integrityErrorAndNonAsciiMessages(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            assertThatThrownBy(() -> c.execute(insert(some).values(Map.of("id", 1, "q", "dupé"))))
                    .isInstanceOf(IntegrityError.class).hasMessageContaining("cmp_some_table");
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("SELECT * FROM cmp_nonexistent_ñandú")))
                    .hasMessageContaining("ñandú");
        }
    }

    @BackendTest
    void percentSignRoundTripAsValue(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            c.execute(insert(some).values(Map.of("id", 50, "q", "some % value", "p", "%%%")));
            assertThat(c.execute(select(sId).where(sQ.eq("some % value"), sP.eq("%%%"))).scalarOne()).isEqualTo(50);
        }
    }

    @BackendTest
    void difficultParameterNames(Backend backend) {
        var e = backend.engine();
        List<String> names = List.of("per cent", "per % cent", "%percent", "par(ens)", "percent%(ens)yah", "col:ons",
                "_starts_with_underscore", "dot.s", "more :: %colons%", "[BracketsAndCase]", "42numbers", "has spaces",
                "/slashes/", "q?marks", "1col:on");
        for (String n : names) {
            Db.exec(e, "DROP TABLE IF EXISTS cmp_difficult");
            Db.exec(e, "CREATE TABLE cmp_difficult (id INTEGER PRIMARY KEY, " + e.dialect().quote(n) + " VARCHAR(30))");
            ColumnClause<String> col = column(n, new StringType(30));
            TableClause t = table("cmp_difficult", column("id", IntegerType.INSTANCE), col);
            try (Connection c = e.connect()) {
                c.execute(insert(t).values(Map.of("id", 1, n, "v:" + n)));
                c.execute(insert(t), List.of(Map.of("id", 2, n, "w")));
                assertThat(c.execute(select(t.c(col)).where(t.c(col).eq("v:" + n))).scalarOne()).as(n).isEqualTo("v:" + n);
                assertThat(c.execute(select(t.c(col).label(n)).where(t.c(col).in(List.of("w")))).one().get(n)).isEqualTo("w");
                c.commit();
            }
        }
        Db.exec(e, "DROP TABLE IF EXISTS cmp_difficult");
    }
}
