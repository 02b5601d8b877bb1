package org.jalchemy.sql;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.*;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.doubleType;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.numeric;
import static org.jalchemy.types.SqlTypes.string;

/**
 * The friction points of issue 15, each run on every backend: Java int literals against Long,
 * BigDecimal and Double expressions; {@code cte.c("name")}/{@code subquery.c("name")} in comparisons;
 * typed common functions and {@code func.call}; ORDER BY a label's name; {@code joinFrom} and ON
 * inference through an alias (self-join); UNION ... ORDER BY a column of the second SELECT;
 * {@code exists().where(...)}.
 */
class CoreErgonomicsTest {

    static final class Products extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> name = column("name", string(40));
        final Column<BigDecimal> price = column("price", numeric(10, 2));
        final Column<Double> weight = column("weight", doubleType());
        final Column<Long> stock = column("stock", bigInteger());
        Products(MetaData md) { super("ce_products", md); }
    }

    static final class Employees extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> name = column("name", string(40));
        final Column<Integer> managerId = column("manager_id", integer()).foreignKey("ce_employees.id");
        Employees(MetaData md) { super("ce_employees", md); }
    }

    private static final MetaData MD = new MetaData();
    private static final Products p = new Products(MD);
    private static final Employees emp = new Employees(MD);

    private static Engine setup(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "ce_employees", "ce_products");
        MD.createAll(e);
        try (Connection c = e.connect()) {
            c.execute(insert(p), List.of(
                    Map.of("id", 1, "name", "Pen", "price", new BigDecimal("1.50"), "weight", 0.02, "stock", 120L),
                    Map.of("id", 2, "name", " Book ", "price", new BigDecimal("12.00"), "weight", 0.5, "stock", 7L),
                    Map.of("id", 3, "name", "Lamp", "price", new BigDecimal("25.99"), "weight", 1.25, "stock", 0L),
                    Map.of("id", 4, "name", "Desk", "price", new BigDecimal("150.00"), "weight", 30.0, "stock", 3L)));
            c.execute(insert(emp).values(Map.of("id", 1, "name", "Ana")));
            c.execute(insert(emp), List.of(
                    Map.of("id", 2, "name", "Bruno", "manager_id", 1), Map.of("id", 3, "name", "Carla", "manager_id", 1),
                    Map.of("id", 4, "name", "Dani", "manager_id", 2)));
            c.commit();
        }
        return e;
    }

    @BackendTest
    void intLiteralsAgainstLongDecimalAndDouble(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            List<Integer> ids = c.scalars(select(p.id).where(p.price.between(5, 30), p.stock.gt(1), p.weight.lt(2))
                    .orderBy(p.id)).all();
            assertThat(ids).containsExactly(2);
            Long expensive = c.scalar(select(func.count()).selectFrom(p).where(p.price.ge(10)));
            assertThat(expensive).isEqualTo(3L);
            List<String> grouped = c.scalars(select(p.name).groupBy(p.name).having(func.count().ge(1))
                    .where(p.stock.eq(0)).orderBy(p.name)).all();
            assertThat(grouped).containsExactly("Lamp");
            BigDecimal avgK = c.scalar(select(func.avg(p.price).div(1000.0)));
            assertThat(avgK.doubleValue()).isBetween(0.047, 0.048);
            // an aggregate has no column affinity on SQLite: the decimal is bound as a number there
            List<String> heavy = c.scalars(select(p.name).groupBy(p.name).having(func.sum(p.price).gt(100))).all();
            assertThat(heavy).containsExactly("Desk");
            Long doubled = c.scalar(select(p.stock.mul(2)).where(p.id.eq(1)));
            assertThat(doubled).isEqualTo(240L);
        }
        assertThatThrownBy(() -> p.name.gt(5)).isInstanceOf(ArgumentError.class).hasMessageContaining("String(40)");
        assertThatThrownBy(() -> p.id.eq(5.5)).isInstanceOf(ArgumentError.class).hasMessageContaining("whole number");
    }

    @BackendTest
    void cteAndSubqueryColumnsByNameInComparisons(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            CTE totals = select(emp.managerId, func.count().label("n")).where(emp.managerId.isNotNull())
                    .groupBy(emp.managerId).cte("totals");
            List<String> busy = c.scalars(select(emp.name).join(totals, emp.id.eq(totals.c("manager_id")))
                    .where(totals.c("n").gt(1))).all();
            assertThat(busy).containsExactly("Ana");
            Alias sq = select(p.id, p.name).where(p.stock.gt(0)).subquery("instock");
            List<String> names = c.scalars(select(sq.c("name", String.class)).where(sq.c("name").ne("Pen"))
                    .orderBy(sq.c("id"))).all();
            assertThat(names).containsExactly(" Book ", "Desk");
        }
        assertThatThrownBy(() -> p.alias("x").c("name", Long.class)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("name").hasMessageContaining("java.lang.String");
    }

    @BackendTest
    void typedCommonFunctionsAndCall(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            BigDecimal rounded = c.scalar(select(func.round(p.price, 1)).where(p.id.eq(3)));
            assertThat(rounded).isEqualByComparingTo("26.0");
            Integer manager = c.scalar(select(func.coalesce(emp.managerId, 0)).where(emp.id.eq(1)));
            assertThat(manager).isZero();
            String lower = c.scalar(select(func.lower(func.trim(p.name))).where(p.id.eq(2)));
            assertThat(lower).isEqualTo("book");
            String upper = c.scalar(select(func.upper(func.substr(p.name, 1, 2))).where(p.id.eq(1)));
            assertThat(upper).isEqualTo("PE");
            String replaced = c.scalar(select(func.replace(p.name, "Lamp", "Light")).where(p.id.eq(3)));
            assertThat(replaced).isEqualTo("Light");
            Long nulled = c.scalar(select(func.nullif(p.stock, 0)).where(p.id.eq(3)));
            assertThat(nulled).isNull();
            Integer abs = c.scalar(select(func.call("abs", integer(), literal(-4, integer()))));
            assertThat(abs).isEqualTo(4);
        }
    }

    @BackendTest
    void orderByLabelName(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            List<Row2<Integer, Long>> rows = c.rows(select(emp.managerId, func.count().label("n"))
                    .where(emp.managerId.isNotNull()).groupBy(emp.managerId).orderBy(desc("n"))).all();
            assertThat(rows).extracting(r -> r.value1() + ":" + r.value2()).containsExactly("1:2", "2:1");
            List<String> cities = c.scalars(select(p.name.label("City")).orderBy("City")).all();
            assertThat(cities).containsExactly(" Book ", "Desk", "Lamp", "Pen");
        }
        assertThatThrownBy(() -> select(p.name.label("City")).orderBy("city")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("[City]");
    }

    @BackendTest
    void joinFromAndSelfJoinThroughAlias(Backend backend) {
        Engine e = setup(backend);
        Alias reports = emp.alias("reports");
        try (Connection c = e.connect()) {
            // ON inferred through the alias: reports.manager_id = ce_employees.id
            List<Row2<String, String>> pairs = c.rows(select(emp.name, reports.c(emp.name))
                    .joinFrom(emp, reports).orderBy(reports.c(emp.id))).all();
            assertThat(pairs).extracting(r -> r.value1() + ">" + r.value2())
                    .containsExactly("Ana>Bruno", "Ana>Carla", "Bruno>Dani");
            List<String> withProducts = c.scalars(select(emp.name).joinFrom(emp, p, p.id.eq(emp.id))
                    .where(p.stock.gt(5)).orderBy(emp.id)).all();
            assertThat(withProducts).containsExactly("Ana", "Bruno");
        }
        String sql = select(emp.name).joinFrom(emp, reports).compile(backend.engine().dialect()).sql();
        assertThat(sql).contains("reports.manager_id = ce_employees.id");
    }

    @BackendTest
    void unionOrderedByAColumnOfTheSecondSelect(Backend backend) {
        Engine e = setup(backend);
        try (Connection c = e.connect()) {
            CompoundSelect u = union(select(emp.name).where(emp.id.le(2)), select(p.name).where(p.id.ge(3)))
                    .orderBy(p.name);
            assertThat(c.execute(u).scalars(String.class).all()).containsExactly("Ana", "Bruno", "Desk", "Lamp");
            CompoundSelect byName = union(select(emp.name.label("who")), select(p.name)).orderBy(desc("who")).limit(2);
            assertThat(c.execute(byName).scalars(String.class).all()).containsExactly("Pen", "Lamp");
        }
    }

    @BackendTest
    void existsWhere(Backend backend) {
        Engine e = setup(backend);
        Alias reports = emp.alias("r");
        try (Connection c = e.connect()) {
            List<String> managers = c.scalars(select(emp.name)
                    .where(exists().where(reports.c(emp.managerId).eq(emp.id))).orderBy(emp.id)).all();
            assertThat(managers).containsExactly("Ana", "Bruno");
            List<String> leaves = c.scalars(select(emp.name)
                    .where(not(exists().where(reports.c(emp.managerId).eq(emp.id)))).orderBy(emp.id)).all();
            assertThat(leaves).containsExactly("Carla", "Dani");
        }
    }
}
