package org.jalchemy.examples.reference;

import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.CTE;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.CompoundSelect;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Row2;
import org.jalchemy.sql.Row3;
import org.jalchemy.sql.Select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.*;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.numeric;
import static org.jalchemy.types.SqlTypes.string;

/**
 * The examples of docs/sql.md's "Every construct" section: one tagged region per construct, each
 * run by {@code SqlConstructsReferenceTest} on SQLite, PostgreSQL and MariaDB, which checks what
 * {@link #run} returns (one line per region).
 */
public final class SqlConstructsReference {
    private SqlConstructsReference() {
    }

    // tag::tables[]
    static final class Employees extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> name = column("name", string(40)).nullable(false);
        final Column<String> dept = column("dept", string(20));
        final Column<BigDecimal> salary = column("salary", numeric(10, 2));
        final Column<Integer> managerId = column("manager_id", integer()).foreignKey("sr_employees.id");
        Employees(MetaData md) { super("sr_employees", md); }
    }

    static final class Projects extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<Integer> employeeId = column("employee_id", integer()).foreignKey("sr_employees.id");
        final Column<String> title = column("title", string(60));
        Projects(MetaData md) { super("sr_projects", md); }
    }
    // end::tables[]

    /** Creates and fills the tables, runs every region, drops the tables; one line per region. */
    public static List<String> run(Engine engine) {
        MetaData metadata = new MetaData();
        Employees emp = new Employees(metadata);
        Projects proj = new Projects(metadata);
        metadata.createAll(engine);
        List<String> out = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            conn.execute(insert(emp).values(Map.of("id", 1, "name", "Ana", "dept", "eng", "salary", new BigDecimal("5000"))));
            conn.execute(insert(emp), List.of(
                    Map.of("id", 2, "name", "Bruno", "dept", "eng", "salary", new BigDecimal("4000"), "manager_id", 1),
                    Map.of("id", 3, "name", "Carla", "dept", "ops", "salary", new BigDecimal("3500"), "manager_id", 1),
                    Map.of("id", 4, "name", "Dani_2", "dept", "ops", "salary", new BigDecimal("3000"), "manager_id", 3)));
            conn.execute(insert(emp).values(Map.of("id", 5, "name", "eva", "salary", new BigDecimal("2500"),
                    "manager_id", 3)));
            conn.execute(insert(proj), List.of(Map.of("id", 1, "employee_id", 1, "title", "Compiler"),
                    Map.of("id", 2, "employee_id", 1, "title", "Pool"), Map.of("id", 3, "employee_id", 3, "title", "Ops")));
            conn.commit();

            // tag::scalar-subquery[]
            // correlated: counts each employee's projects (sr_employees is taken from the outer query)
            ColumnElement<Long> projects = select(func.count(proj.id)).where(proj.employeeId.eq(emp.id))
                    .<Long>scalarSubquery().label("projects");
            List<Row2<String, Long>> perEmployee = conn.rows(select(emp.name, projects).orderBy(emp.id)).all();
            // [Ana, 2], [Bruno, 0], ...
            // end::scalar-subquery[]
            out.add("scalar " + perEmployee.stream().map(r -> r.value1() + "=" + r.value2()).toList());

            // tag::exists[]
            List<String> withProjects = conn.scalars(select(emp.name)
                    .where(exists().where(proj.employeeId.eq(emp.id)))       // SQLAlchemy's exists().where()
                    .orderBy(emp.id)).all();
            List<String> without = conn.scalars(select(emp.name)
                    .where(not(exists(select(proj.id).where(proj.employeeId.eq(emp.id)))))
                    .orderBy(emp.id)).all();
            // end::exists[]
            out.add("exists " + withProjects + " " + without);

            // tag::cte[]
            CTE byDept = select(emp.dept, func.sum(emp.salary).label("total"))
                    .where(emp.dept.isNotNull()).groupBy(emp.dept).cte("by_dept");
            List<String> bigDepts = conn.scalars(select(byDept.c("dept", String.class))
                    .where(byDept.c("total").gt(7000)).orderBy(byDept.c("dept"))).all();
            // end::cte[]
            out.add("cte " + bigDepts);

            // tag::recursive-cte[]
            // everyone under Carla (id 3), at any depth
            CTE chain = select(emp.id, emp.name).where(emp.managerId.eq(3)).cte("chain", true);
            Alias e2 = emp.alias("e2");
            chain = chain.unionAll(select(e2.c(emp.id), e2.c(emp.name))
                    .join(chain, e2.c(emp.managerId).eq(chain.c("id"))));
            List<String> reports = conn.scalars(select(chain.c("name", String.class)).orderBy(chain.c("name"))).all();
            // end::recursive-cte[]
            out.add("recursive " + reports);

            // tag::set-operations[]
            CompoundSelect names = union(
                    select(emp.name).where(emp.dept.eq("eng")),
                    select(proj.title).where(proj.employeeId.eq(3)))
                    .orderBy(proj.title);                      // a column of the 2nd SELECT: ordered by the result column
            List<String> unioned = conn.execute(names).scalars(String.class).all();
            List<Object> both = conn.execute(intersect(select(emp.id).where(emp.dept.eq("ops")),
                    select(proj.employeeId))).scalars().all();
            List<Object> notManagers = conn.execute(except(select(emp.id), select(emp.managerId)
                    .where(emp.managerId.isNotNull())).orderBy(emp.id)).scalars().all();
            // end::set-operations[]
            out.add("sets " + unioned + " " + both + " " + notManagers);

            // tag::window[]
            ColumnElement<Long> rank = func.rank().over().partitionBy(emp.dept).orderBy(emp.salary.desc()).label("r");
            List<Row3<String, String, Long>> ranked = conn.rows(select(emp.dept, emp.name, rank)
                    .where(emp.dept.isNotNull()).orderBy(emp.dept, rank)).all();
            // end::window[]
            out.add("window " + ranked.stream().map(r -> r.value2() + "#" + r.value3()).toList());

            // tag::case-cast[]
            ColumnElement<String> band = case_(emp.salary.ge(4000), literal("high", string(10)))
                    .when(emp.salary.ge(3000), literal("mid", string(10)))
                    .else_("low").label("band");
            ColumnElement<Integer> whole = cast(emp.salary, integer()).label("whole");
            List<Row3<String, String, Integer>> banded = conn.rows(select(emp.name, band, whole).orderBy(emp.id)).all();
            // end::case-cast[]
            out.add("case " + banded.stream().map(r -> r.value1() + ":" + r.value2() + ":" + r.value3()).toList());

            // tag::self-join[]
            Alias boss = emp.alias("boss");
            List<Row2<String, String>> managed = conn.rows(select(emp.name, boss.c(emp.name))
                    .join(boss, emp.managerId.eq(boss.c(emp.id))).orderBy(emp.id)).all();
            // or with the ON clause inferred from the self-referencing key: boss.manager_id = sr_employees.id
            List<String> managers = conn.scalars(select(emp.name).distinct().joinFrom(emp, boss).orderBy(emp.name)).all();
            // end::self-join[]
            out.add("self " + managed.stream().map(r -> r.value1() + "<" + r.value2()).toList() + " " + managers);

            // tag::like[]
            List<String> literalUnderscore = conn.scalars(select(emp.name)
                    .where(emp.name.like("%/_2", '/'))).all();            // '/' escapes the wildcard
            List<String> startsWith = conn.scalars(select(emp.name)
                    .where(emp.name.startsWith("Dani_"))).all();          // wildcards escaped for you
            List<String> caseless = conn.scalars(select(emp.name)
                    .where(emp.name.ilike("E%")).orderBy(emp.id)).all(); // lower() LIKE lower() where no ILIKE
            // end::like[]
            out.add("like " + literalUnderscore + " " + startsWith + " " + caseless);

            // tag::between-null-in[]
            List<Integer> mid = conn.scalars(select(emp.id).where(emp.salary.between(3000, 4000)).orderBy(emp.id)).all();
            List<Integer> noDept = conn.scalars(select(emp.id).where(emp.dept.isNull())).all();
            List<Integer> listed = conn.scalars(select(emp.id).where(emp.id.in(List.of(2, 4, 99))).orderBy(emp.id)).all();
            List<Integer> bySubquery = conn.scalars(select(emp.id)
                    .where(emp.id.in(select(proj.employeeId))).orderBy(emp.id)).all();
            List<Integer> none = conn.scalars(select(emp.id).where(emp.id.in(List.<Integer>of()))).all(); // always false
            // end::between-null-in[]
            out.add("filters " + mid + " " + noDept + " " + listed + " " + bySubquery + " " + none);

            // tag::upsert[]
            Insert row = insert(proj).values(Map.of("id", 3, "employee_id", 3, "title", "Ops v2"));
            Insert upsert = switch (engine.dialect().name()) {
                case "postgresql", "sqlite" -> row.onConflictDoUpdate(List.of(proj.id), Map.of(proj.title, excluded(proj.title)));
                default -> row.onDuplicateKeyUpdate(Map.of(proj.title, excluded(proj.title)));   // MySQL, MariaDB
            };
            conn.execute(upsert);
            String title = conn.scalar(select(proj.title).where(proj.id.eq(3)));
            // end::upsert[]
            out.add("upsert " + title);

            // tag::returning[]
            Row created = conn.execute(insert(proj).values(Map.of("id", 4, "employee_id", 2, "title", "Docs"))
                    .returning(proj.id, proj.title)).one();      // INSERT ... RETURNING (MariaDB 10.5+, not MySQL)
            // end::returning[]
            out.add("returning " + created.get(proj.id) + " " + created.get(proj.title));

            // tag::text[]
            List<String> rich = conn.execute(text("SELECT name FROM sr_employees WHERE salary > :min ORDER BY id"),
                    Map.of("min", 3500)).scalars(String.class).all();
            Object one = conn.execute(text("SELECT name FROM sr_employees WHERE id = :id").bind("id", 2)).scalarOne();
            // end::text[]
            out.add("text " + rich + " " + one);

            // tag::rows[]
            Row r = conn.execute(select(emp.id, emp.name.label("who"), emp.salary).where(emp.id.eq(2))).one();
            Integer byColumn = r.get(emp.id);           // typed by the column
            Object byLabel = r.get("who");              // by label or column name
            Object byIndex = r.get(2);                  // by position
            Map<String, Object> asMap = r.asMap();      // {id=2, who=Bruno, salary=4000.00}
            Row2<Integer, String> typed = conn.rows(select(emp.id, emp.name).where(emp.id.eq(2))).one();
            String name = typed.value2();               // the statement's row type
            // end::rows[]
            out.add("row " + byColumn + " " + byLabel + " " + ((BigDecimal) byIndex).intValue() + " "
                    + asMap.keySet() + " " + name);
        }

        // tag::reflected[]
        MetaData reflected = new MetaData();
        reflected.reflect(engine, null, List.of("sr_employees"));
        Table employees = reflected.table("sr_employees");
        ColumnClause<String> nameColumn = employees.c("name");
        try (Connection conn = engine.connect()) {
            List<String> fromReflected = conn.scalars(select(nameColumn).where(employees.c("id").le(2))
                    .orderBy(employees.c("id"))).all();
            out.add("reflected " + fromReflected);
        }
        // end::reflected[]

        // tag::compiled[]
        Select<?> stmt = select(emp.name).where(emp.salary.gt(3000), emp.dept.eq("ops"));
        String pg = stmt.compile(Dialects.get("postgresql")).sql();
        // SELECT sr_employees.name FROM sr_employees WHERE sr_employees.salary > ? AND sr_employees.dept = ?
        String inline = stmt.literalSql(Dialects.get("sqlite"));   // values inlined: for scripts and logs
        // end::compiled[]
        out.add("compiled " + pg);
        out.add("literal " + inline);
        metadata.dropAll(engine);
        return out;
    }
}
