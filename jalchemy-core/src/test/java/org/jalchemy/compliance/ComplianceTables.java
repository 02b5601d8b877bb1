package org.jalchemy.compliance;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.TableClause;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.Db;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;

import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.table;

/** The suite's tables ({@code some_table} and friends of SQLAlchemy's suite), created per test. */
final class ComplianceTables {
    private ComplianceTables() {
    }

    static final ColumnClause<Integer> ID = column("id", IntegerType.INSTANCE);
    static final ColumnClause<Integer> X = column("x", IntegerType.INSTANCE);
    static final ColumnClause<Integer> Y = column("y", IntegerType.INSTANCE);
    static final ColumnClause<String> Q = column("q", new StringType(50));
    static final ColumnClause<String> P = column("p", new StringType(50));
    static final ColumnClause<String> DATA = column("data", new StringType(50));
    static final ColumnClause<Integer> PARENT_ID = column("parent_id", IntegerType.INSTANCE);

    static final TableClause some = table("cmp_some_table", ID, X, Y, Q, P).withPrimaryKey("id");
    static final ColumnClause<Integer> sId = some.c(ID);
    static final ColumnClause<Integer> sX = some.c(X);
    static final ColumnClause<Integer> sY = some.c(Y);
    static final ColumnClause<String> sQ = some.c(Q);
    static final ColumnClause<String> sP = some.c(P);

    /** Auto-increment primary key table for insert tests. */
    static final TableClause autoinc = table("cmp_autoinc", ID, DATA).withPrimaryKey("id");
    static final ColumnClause<Integer> aId = autoinc.c(ID);
    static final ColumnClause<String> aData = autoinc.c(DATA);

    /** A self-referential tree for CTE tests. */
    static final TableClause tree = table("cmp_tree", ID, DATA, PARENT_ID).withPrimaryKey("id");
    static final ColumnClause<Integer> tId = tree.c(ID);
    static final ColumnClause<String> tData = tree.c(DATA);
    static final ColumnClause<Integer> tParent = tree.c(PARENT_ID);

    static Engine setup(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "cmp_some_table", "cmp_autoinc", "cmp_tree");
        String auto = backend.isPostgresql() ? "SERIAL PRIMARY KEY"
                : backend.isMariadb() ? "INTEGER AUTO_INCREMENT PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        Db.exec(e, "CREATE TABLE cmp_some_table (id INTEGER PRIMARY KEY, x INTEGER, y INTEGER, q VARCHAR(50), p VARCHAR(50))",
                "CREATE TABLE cmp_autoinc (id " + auto + ", data VARCHAR(50))",
                "CREATE TABLE cmp_tree (id INTEGER PRIMARY KEY, data VARCHAR(50), parent_id INTEGER)");
        try (Connection c = e.connect()) {
            c.execute(insert(some), List.of(
                    Map.of("id", 1, "x", 1, "y", 2, "q", "q1", "p", "p3"),
                    Map.of("id", 2, "x", 2, "y", 3, "q", "q2", "p", "p2"),
                    Map.of("id", 3, "x", 3, "y", 4, "q", "q3", "p", "p1"),
                    Map.of("id", 4, "x", 4, "y", 5, "q", "q4", "p", "p0")));
            c.execute(insert(tree), Map.of("id", 1, "data", "d1"));
            c.execute(insert(tree), List.of(
                    Map.of("id", 2, "data", "d2", "parent_id", 1),
                    Map.of("id", 3, "data", "d3", "parent_id", 1),
                    Map.of("id", 4, "data", "d4", "parent_id", 3),
                    Map.of("id", 5, "data", "d5", "parent_id", 3)));
            c.commit();
        }
        return e;
    }
}
