package startup.jalchemy.migrations;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;

import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

public final class R_0a1b2c3d4e5f_accounts implements Migration {
    public String revision() { return "0a1b2c3d4e5f"; }
    public String downRevision() { return null; }
    public void upgrade(Ops op) {
        op.createTable("su_accounts", column("id", integer()).primaryKey().autoincrement(true),
                column("owner", string(50)).nullable(false), column("balance", integer()).nullable(false));
    }
    public void downgrade(Ops op) { op.dropTable("su_accounts"); }
}
