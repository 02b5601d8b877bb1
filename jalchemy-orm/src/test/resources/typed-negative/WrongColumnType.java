import org.jalchemy.orm.Session;
import org.jalchemy.orm.model.User_;
import org.jalchemy.sql.Row2;

import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.select;

/** Must NOT compile: value2() of (String, Long) is a Long, and count() is not a String. */
class WrongColumnType {
    void read(Session session) {
        for (Row2<String, Long> row : session.rows(select(User_.username, func.count()).groupBy(User_.username))) {
            String n = row.value2();
        }
        String total = session.scalar(select(func.count()));
    }
}
