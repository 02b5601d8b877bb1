import java.util.List;

import org.jalchemy.orm.Session;
import org.jalchemy.orm.model.User;

import static org.jalchemy.orm.Orm.select;

/** Must NOT compile: a select of User yields Users, not Strings (TypedStatementsTest compiles it). */
class WrongElementType {
    List<String> names(Session session) {
        List<String> x = session.scalars(select(User.class)).all();
        return x;
    }
}
