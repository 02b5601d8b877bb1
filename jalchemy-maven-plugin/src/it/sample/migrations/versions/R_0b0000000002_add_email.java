// tag::add-email[]
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;

import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.string;

public final class R_0b0000000002_add_email implements Migration {
    public String revision() { return "0b0000000002"; }
    public String downRevision() { return "0a0000000001"; }
    public String message() { return "add email"; }

    public void upgrade(Ops op) {
        op.addColumn("users_plugin", column("email", string(120)).nullable(true));
    }

    public void downgrade(Ops op) {
        op.dropColumn("users_plugin", "email");
    }
}
// end::add-email[]
