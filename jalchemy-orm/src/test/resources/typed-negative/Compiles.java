import java.util.List;

import org.jalchemy.orm.Session;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.User_;
import org.jalchemy.sql.Row2;
import org.jalchemy.sql.Tuple;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.select;

/** The positive control of TypedStatementsTest: the same calls with the right types compile. */
class Compiles {
    void read(Session session) {
        List<User> users = session.scalars(select(User.class)).all();
        for (Row2<String, Long> row : session.rows(select(User_.username, func.count()).groupBy(User_.username))) {
            Long n = row.value2();
        }
        Long total = session.scalar(select(func.count()));
        List<Object> dynamic = session.scalars(select(List.of(User_.username))).all();
        List<Tuple> rows = session.rows(select((Object) User.class, User_.email)).all();
    }
}
