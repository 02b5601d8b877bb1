package org.jalchemy.sql;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.CompileError;
import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Fixtures.*;
import static org.jalchemy.sql.Sql.*;

/** Bad input is a clear jalchemy error when the statement is built or compiled, not a database error. */
class BadInputTest {

    @Test
    void unknownColumnInFilterByNamesTheTable() {
        assertThatThrownBy(() -> select(users).filterBy("nope", 1))
                .isInstanceOf(NoSuchColumnError.class).hasMessageContaining("nope").hasMessageContaining("users")
                .hasMessageContaining("[id, name]");
        assertThat(select(users).filterBy("name", "ann").toString()).endsWith("WHERE users.name = :name_1");
    }

    @Test
    void wrongJavaTypeThroughUntypedPathsFailsAtBuildTime() {
        assertThatThrownBy(() -> select(users).filterBy("id", "x"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("'x'").hasMessageContaining("Integer");
        assertThatThrownBy(() -> insert(users).values(Map.of("id", "seven")))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("seven");
        assertThatThrownBy(() -> update(users).values(Map.of("name", 5)))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("String");
        assertThatThrownBy(() -> insert(users).values(Map.of("missing", 1)))
                .isInstanceOf(NoSuchColumnError.class).hasMessageContaining("missing");
    }

    @Test
    void structuralMistakes() {
        assertThatThrownBy(() -> select(users).limit(-1)).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> select(usersId).join(addresses))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("foreign key");
        assertThatThrownBy(() -> union(select(usersId), select(usersId, usersName)))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("same number of columns");
        assertThatThrownBy(() -> select(users).scalarSubquery()).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> update(users).compile(org.jalchemy.dialect.Dialects.get("sqlite")))
                .isInstanceOf(CompileError.class).hasMessageContaining("no values");
        assertThatThrownBy(() -> func.call("evil(); DROP TABLE x; --")).isInstanceOf(ArgumentError.class);
    }

    @BackendTest
    void statementsTheDatabaseCannotExpressFailBeforeReachingIt(Backend backend) {
        var e = backend.engine();
        Db.dropTables(e, "bi_t");
        Db.exec(e, "CREATE TABLE bi_t (id INTEGER PRIMARY KEY, name VARCHAR(20))");
        TableClause t = table("bi_t", column("id", IntegerType.INSTANCE), column("name", new StringType(20)));
        try (Connection c = e.connect()) {
            if (backend.isMariadb()) {
                assertThatThrownBy(() -> c.execute(update(t).values(Map.of("name", "x")).returning(t.c("id"))))
                        .isInstanceOf(CompileError.class).hasMessageContaining("RETURNING");
                assertThatThrownBy(() -> c.execute(select(t.c("id")).fullJoin(users, usersId.eq(1))))
                        .isInstanceOf(CompileError.class).hasMessageContaining("FULL OUTER JOIN");
                assertThatThrownBy(() -> c.execute(select(t.c("id")).distinctOn(t.c("name"))))
                        .isInstanceOf(CompileError.class).hasMessageContaining("DISTINCT ON");
            } else if (backend.isSqlite()) {
                assertThatThrownBy(() -> c.execute(select(t.c("id")).distinctOn(t.c("name"))))
                        .isInstanceOf(CompileError.class).hasMessageContaining("sqlite");
                assertThatThrownBy(() -> c.execute(select(t.c("id")).selectFrom(t)
                        .join(select(usersId).lateral("l"), true_())))
                        .isInstanceOf(CompileError.class).hasMessageContaining("LATERAL");
            } else {
                assertThat(c.execute(select(t.c("id")).distinctOn(t.c("name"))).all()).isEmpty();
            }
            assertThatThrownBy(() -> c.execute(insert(t), List.of(Map.of("id", 1, "bogus", 2))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("bogus").hasMessageContaining("bi_t");
            assertThatThrownBy(() -> c.execute(insert(t), Map.of("id", "one")))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("one");
            assertThat(c.inTransaction() ? c.execute(select(func.count()).selectFrom(t)).scalarOne() : 0L).isEqualTo(0L);
        }
    }
}
