package org.jalchemy.sql;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.CoreStatementsTest.aUid;
import static org.jalchemy.sql.CoreStatementsTest.addresses;
import static org.jalchemy.sql.CoreStatementsTest.uAge;
import static org.jalchemy.sql.CoreStatementsTest.uId;
import static org.jalchemy.sql.CoreStatementsTest.uName;
import static org.jalchemy.sql.CoreStatementsTest.users;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.select;

/**
 * Typed statements on a Core connection: {@code select(a, b)} of typed columns is a
 * {@code Select<Row2<A, B>>} whose rows read as {@code (A, B)}, {@code scalar(select(func.count()))}
 * is a Long, {@code scalars} of a String column a list of Strings; the untyped path stays. The
 * assignments below are the test: they compile only because the types flow.
 */
class TypedSelectTest {

    @BackendTest
    void scalarOfCountIsLong(Backend backend) {
        Engine e = CoreStatementsTest.setup(backend);
        try (Connection c = e.connect()) {
            Long n = c.scalar(select(func.count()).selectFrom(users));
            assertThat(n).isEqualTo(4L);
            Integer oldest = c.scalar(select(func.max(uAge)));
            assertThat(oldest).isEqualTo(41);
            BigDecimal avg = c.scalar(select(func.avg(uAge)));
            assertThat(avg.intValue()).isEqualTo(30);
        }
    }

    @BackendTest
    void scalarsOfTypedColumn(Backend backend) {
        Engine e = CoreStatementsTest.setup(backend);
        try (Connection c = e.connect()) {
            List<String> names = c.scalars(select(uName).where(uAge.lt(35)).orderBy(uId)).all();
            assertThat(names).containsExactly("ann", "bob", "Dee_%");
            List<Object> untyped = c.scalars(select(List.of(uName)).orderBy(uId)).all();
            assertThat(untyped).hasSize(4);
        }
    }

    @BackendTest
    void rowsOfTwoTypedColumns(Backend backend) {
        Engine e = CoreStatementsTest.setup(backend);
        try (Connection c = e.connect()) {
            Select<Row2<String, Long>> stmt = select(uName, func.count(addresses.c("id")).label("n"))
                    .join(addresses, aUid.eq(uId)).groupBy(uName).orderBy(uName);
            List<String> seen = new ArrayList<>();
            for (Row2<String, Long> row : c.rows(stmt)) {
                String name = row.value1();
                Long n = row.value2();
                seen.add(name + "=" + n);
            }
            assertThat(seen).containsExactly("ann=2", "bob=1");
            Object first = c.rows(stmt).first().orElseThrow();
            assertThat(first).isInstanceOf(Row.class); // the engine's Row, also readable by name
            assertThat(((Row) first).get("n")).isEqualTo(2L);
        }
    }

    @BackendTest
    void threeColumnsAndTheUntypedPath(Backend backend) {
        Engine e = CoreStatementsTest.setup(backend);
        try (Connection c = e.connect()) {
            Row3<Integer, String, Integer> r = c.rows(select(uId, uName, uAge).where(uId.eq(3))).one();
            int id = r.value1();
            String name = r.value2();
            int age = r.value3();
            assertThat(id + " " + name + " " + age).isEqualTo("3 cy 41");
            // select(table) and lists are untyped: Tuple rows, Object values; execute() gives engine Rows
            Tuple t = c.rows(select(users).where(uId.eq(3))).one();
            assertThat(t.size()).isEqualTo(3);
            assertThat(t.value2()).isEqualTo("cy");
            Row row = c.execute(select(uId, uName).where(uId.eq(3))).one();
            assertThat(row.get(uName)).isEqualTo("cy");
        }
    }
}
