package org.jalchemy.sql;

import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;

import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.table;

/** Lightweight tables shared by the expression-language tests. */
final class Fixtures {
    private Fixtures() {
    }

    static final ColumnClause<Integer> ID = column("id", IntegerType.INSTANCE);
    static final ColumnClause<String> NAME = column("name", new StringType(50));
    static final ColumnClause<Integer> USER_ID = column("user_id", IntegerType.INSTANCE);
    static final ColumnClause<String> EMAIL = column("email", new StringType(100));

    static final TableClause users = table("users", ID, NAME).withPrimaryKey("id");
    static final ColumnClause<Integer> usersId = users.c(ID);
    static final ColumnClause<String> usersName = users.c(NAME);

    static final TableClause addresses = table("addresses", ID, USER_ID, EMAIL).withPrimaryKey("id");
    static final ColumnClause<Integer> addrId = addresses.c(ID);
    static final ColumnClause<Integer> addrUserId = addresses.c(USER_ID);
    static final ColumnClause<String> addrEmail = addresses.c(EMAIL);
}
