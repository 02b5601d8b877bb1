package org.jalchemy.cache;

import org.jalchemy.cache.model.Member;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineListener;
import org.jalchemy.engine.ExecuteContext;
import org.jalchemy.orm.Registry;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.TableClause;
import org.jalchemy.testing.Backend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.table;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** The cache tests' tables (qc_users for Core, qc_members for the ORM) and a recorder of the SQL that reached the database. */
final class CacheTesting {
    static final Registry MODELS = Registry.of(Member.class);
    static final TableClause USERS = table("qc_users", column("id", integer()), column("name", string(50)),
            column("balance", org.jalchemy.types.SqlTypes.numeric(10, 2)));
    static final ColumnClause<Integer> ID = USERS.c("id", Integer.class);
    static final ColumnClause<String> NAME = USERS.c("name", String.class);

    private CacheTesting() {
    }

    /** Recreates qc_users with {@code n} users (id i, name user_i, balance i.50) and qc_members. */
    static void seed(Backend backend, int n) {
        Engine e = backend.engine();
        org.jalchemy.testing.Db.dropTables(e, "qc_users");
        org.jalchemy.testing.Db.exec(e, "CREATE TABLE qc_users (id INTEGER PRIMARY KEY, name VARCHAR(50), balance NUMERIC(10, 2))");
        MODELS.metadata().dropAll(e, true);
        MODELS.metadata().createAll(e);
        try (Connection c = e.connect()) {
            List<Map<String, ?>> rows = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                rows.add(Map.of("id", i, "name", "user_" + i, "balance", new BigDecimal(i + ".50")));
            }
            c.execute(insert(USERS), rows);
            c.commit();
        }
    }

    /** Records the SQL of every statement the engine sends to the database. */
    static List<String> recordSql(Engine engine) {
        List<String> sql = new CopyOnWriteArrayList<>();
        engine.events().listen(new EngineListener() {
            @Override
            public void beforeExecute(ExecuteContext ctx) {
                sql.add(ctx.sql());
            }
        });
        return sql;
    }

    /** A key prefix no other run shares, for tests on the shared Redis. */
    static String uniquePrefix() {
        return "jalchemy-test:" + java.util.UUID.randomUUID() + ":";
    }
}
