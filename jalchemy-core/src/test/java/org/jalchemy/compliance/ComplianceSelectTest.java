package org.jalchemy.compliance;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.CompileError;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Label;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.compliance.ComplianceTables.*;
import static org.jalchemy.sql.Sql.*;

/**
 * Behaviours of SQLAlchemy's {@code suite/test_select.py}: ORDER BY labels, LIMIT/OFFSET, joins,
 * compound selects, expanding/empty IN, LIKE helpers, EXISTS, DISTINCT ON, IS DISTINCT FROM,
 * window functions, collation.
 */
class ComplianceSelectTest {

    private static List<List<Object>> rows(Connection c, Select<?> s) {
        return c.execute(s).all().stream().map(r -> java.util.Arrays.asList(r.toArray())).toList();
    }

    private static List<Object> col(Connection c, org.jalchemy.sql.SelectBase s) {
        return c.execute(s).scalars().all();
    }

    @BackendTest
    void collateOrderBy(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            assertThat(col(c, select(sQ).orderBy(sQ.collate(Capabilities.of(backend).binaryCollation()))))
                    .containsExactly("q1", "q2", "q3", "q4");
        }
    }

    @BackendTest
    void orderByLabelPlainComposedAndDesc(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Label<Integer> lx = sX.label("lx");
            assertThat(col(c, select(lx).orderBy(lx))).containsExactly(1, 2, 3, 4);
            assertThat(col(c, select(lx).orderBy(lx.desc()))).containsExactly(4, 3, 2, 1);
            Label<Integer> sum = sX.add(sY).label("lx");
            assertThat(col(c, select(sum).orderBy(sum))).containsExactly(3, 5, 7, 9);
            assertThat(col(c, select(sum).orderBy(sum.desc()))).containsExactly(9, 7, 5, 3);
            Label<String> ly = func.lower(sQ).concat(sP).label("ly");
            assertThat(rows(c, select(sum, ly).orderBy(sum, ly.desc())))
                    .containsExactly(List.of(3, "q1p3"), List.of(5, "q2p2"), List.of(7, "q3p1"), List.of(9, "q4p0"));
        }
    }

    @BackendTest
    void groupByComposedExpression(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Label<Integer> k = sX.add(sY).label("k");
            Label<Long> n = func.count(sId).label("n");
            List<List<Object>> r = rows(c, select(k, n).groupBy(k).orderBy(k));
            assertThat(r).containsExactly(List.of(3, 1L), List.of(5, 1L), List.of(7, 1L), List.of(9, 1L));
        }
    }

    @BackendTest
    void limitOffsetVariants(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Select<?> s = select(sId).orderBy(sId);
            assertThat(col(c, s.limit(2))).containsExactly(1, 2);
            assertThat(col(c, s.offset(2))).containsExactly(3, 4);
            assertThat(col(c, s.limit(2).offset(1))).containsExactly(2, 3);
            assertThat(col(c, s.offset(0))).containsExactly(1, 2, 3, 4);
            assertThat(col(c, s.limit(0))).isEmpty();
            Select<?> limited = s.limit(1);
            assertThat(col(c, union(limited.where(sId.eq(1)), limited.where(sId.eq(2)).offset(0))))
                    .as("limit rendered multiple times").containsExactlyInAnyOrder(1, 2);
            assertThat(col(c, select(sId).limit(4))).hasSize(4);
        }
    }

    @BackendTest
    void joins(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Alias other = tree.alias("t2");
            ColumnElement<Integer> oId = other.c(tId);
            assertThat(col(c, select(sId).join(other, oId.eq(sId)).orderBy(sId))).containsExactly(1, 2, 3, 4);
            assertThat(col(c, select(sId).join(other, true_()).where(oId.eq(1)).orderBy(sId))).containsExactly(1, 2, 3, 4);
            assertThat(col(c, select(sId).join(other, false_()))).isEmpty();
            assertThat(rows(c, select(sId, oId).outerjoin(other, false_()).orderBy(sId)))
                    .extracting(r -> r.get(1)).containsOnlyNulls();
            if (Capabilities.of(backend).fullOuterJoin()) {
                assertThat(rows(c, select(sId, oId).fullJoin(other, oId.eq(sId.add(3))))).hasSize(7);
            } else {
                assertThatThrownBy(() -> c.execute(select(sId, oId).fullJoin(other, oId.eq(sId))))
                        .isInstanceOf(CompileError.class);
            }
        }
    }

    @BackendTest
    void compoundSelects(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Select<?> s1 = select(sId).where(sId.eq(2));
            Select<?> s2 = select(sId).where(sId.eq(3));
            assertThat(col(c, union(s1, s2).orderBy(sId))).containsExactly(2, 3);
            Alias u = union(s1, s2).subquery("u");
            assertThat(col(c, select(u.c(sId)).orderBy(u.c(sId)))).as("select from union").containsExactly(2, 3);
            assertThat(col(c, union(select(sId).orderBy(sId).limit(1), select(sId).orderBy(sId.desc()).limit(1))
                    .orderBy(sId))).as("limit/offset in unions").containsExactly(1, 4);
            assertThat(col(c, union(select(sX).distinct(), select(sX).distinct()).orderBy(sX))).containsExactly(1, 2, 3, 4);
            Alias lim = select(sId).orderBy(sId).limit(2).subquery("lim");
            assertThat(col(c, union(select(lim.c(sId)), s2).orderBy(sId))).containsExactly(1, 2, 3);
        }
    }

    @BackendTest
    void expandingAndEmptyIn(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Select<?> s = select(sId).orderBy(sId);
            assertThat(col(c, s.where(sX.in(List.of()), sY.in(List.of())))).isEmpty();
            assertThat(col(c, s.where(sX.in(List.of(2, 3)), sY.notIn(List.of())))).containsExactly(2, 3);
            assertThat(col(c, s.where(sX.in(List.of()), sY.notIn(List.of(2, 3))))).isEmpty();
            assertThat(col(c, s.where(sQ.in(List.of("q1", "q3"))))).containsExactly(1, 3);
            assertThat(col(c, s.where(sX.notIn(List.of())))).containsExactly(1, 2, 3, 4);
            assertThat(col(c, s.where(sQ.in(List.of())))).isEmpty();
            assertThat(col(c, s.where(sQ.notIn(List.of())))).containsExactly(1, 2, 3, 4);
            assertThat(col(c, select(literal(1).label("one")).where(null_().in(List.of())))).as("NULL IN () is false").isEmpty();
            assertThat(col(c, s.where(sX.in(bindparamList())))).containsExactly(2, 4);
        }
    }

    private static List<Integer> bindparamList() {
        return List.of(2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
    }

    @BackendTest
    void likeHelpersEscapeWildcards(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            c.execute(update(some).set(sQ, "ab%c").where(sId.eq(1)));
            c.execute(update(some).set(sQ, "ab_c/d").where(sId.eq(2)));
            c.execute(update(some).set(sQ, "abxc").where(sId.eq(3)));
            Select<?> s = select(sId).orderBy(sId);
            assertThat(col(c, s.where(sQ.startsWith("ab%")))).containsExactly(1);
            assertThat(col(c, s.where(sQ.startsWith("ab_")))).containsExactly(2);
            assertThat(col(c, s.where(sQ.like("ab%")))).as("unescaped").containsExactly(1, 2, 3);
            assertThat(col(c, s.where(sQ.endsWith("c/d")))).containsExactly(2);
            assertThat(col(c, s.where(sQ.contains("%c")))).containsExactly(1);
            assertThat(col(c, s.where(sQ.contains("_c/")))).containsExactly(2);
            assertThat(col(c, s.where(sQ.like("ab#%%", '#')))).as("explicit escape").containsExactly(1);
            c.rollback();
        }
    }

    @BackendTest
    void existsTrueAndFalse(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            assertThat(col(c, select(literal(1).label("one")).where(exists(select(sId).where(sQ.eq("q1")))))).hasSize(1);
            assertThat(col(c, select(literal(1).label("one")).where(exists(select(sId).where(sQ.eq("nope")))))).isEmpty();
        }
    }

    @BackendTest
    void distinctOn(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Select<?> s = select(tId, tParent).distinctOn(tParent).orderBy(tParent, tId.desc());
            if (Capabilities.of(backend).distinctOn()) {
                assertThat(col(c, s)).containsExactly(3, 5, 1);
            } else {
                assertThatThrownBy(() -> c.execute(s)).isInstanceOf(CompileError.class).hasMessageContaining("DISTINCT ON");
            }
        }
    }

    @BackendTest
    void isAndIsNotDistinctFrom(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            c.execute(update(some).values(java.util.Map.of("y", null_())).where(sId.eq(1)));
            Select<?> s = select(sId).orderBy(sId);
            assertThat(col(c, s.where(sY.isDistinctFrom(3)))).containsExactly(1, 3, 4);
            assertThat(col(c, s.where(sY.isNotDistinctFrom(3)))).containsExactly(2);
            assertThat(col(c, s.where(sY.isNotDistinctFrom(null_().cast(org.jalchemy.types.IntegerType.INSTANCE)))))
                    .containsExactly(1);
            c.rollback();
        }
    }

    @BackendTest
    void windowFunctionsRowsAndRange(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            assertThat(col(c, select(func.sum(sX).over().orderBy(sId).rows(-1, 0).label("s")).orderBy(sId)))
                    .extracting(v -> ((Number) v).intValue()).containsExactly(1, 3, 5, 7);
            assertThat(col(c, select(func.sum(sX).over().orderBy(sX).range(-1, 1).label("s")).orderBy(sId)))
                    .extracting(v -> ((Number) v).intValue()).containsExactly(3, 6, 9, 7);
            Select<?> cached = select(func.count(sId).over().rows(null, null).label("n")).orderBy(sId);
            assertThat(col(c, cached)).extracting(v -> ((Number) v).intValue()).containsOnly(4);
            assertThat(col(c, cached)).as("second run from the compiled cache").hasSize(4);
        }
    }

    @BackendTest
    void rowsFromScalarSubqueryAndDuplicateNames(Backend backend) {
        setup(backend);
        try (Connection c = backend.engine().connect()) {
            Alias t2 = tree.alias("t2");
            Row r = c.execute(select(sId, t2.c(tId), select(func.max(sX)).correlate().scalarSubquery().label("mx"))
                    .join(t2, t2.c(tId).eq(sId)).where(sId.eq(2))).one();
            assertThat(r.get(sId)).isEqualTo(2);
            assertThat(r.get(t2.c(tId))).isEqualTo(2);
            assertThat(r.get(2)).isEqualTo(4);
            assertThat(r.get("mx")).isEqualTo(4);
        }
    }
}
