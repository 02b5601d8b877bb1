import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;

import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

public final class R_0a0000000001_create_users implements Migration {
    public String revision() { return "0a0000000001"; }
    public String message() { return "create users"; }

    public void upgrade(Ops op) {
        op.createTable("users_plugin", column("id", integer()).primaryKey(), column("username", string(50)).nullable(false));
    }

    public void downgrade(Ops op) {
        op.dropTable("users_plugin");
    }
}
