package migrations;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;

import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;

/** A revision script compiled into the "application" (the test classes), found by package scan. */
public final class R_0a0000000001_classpath_table implements Migration {
    public String revision() {
        return "0a0000000001";
    }

    public String message() {
        return "classpath table";
    }

    public void upgrade(Ops op) {
        op.createTable("cp_items", column("id", integer()).primaryKey());
    }

    public void downgrade(Ops op) {
        op.dropTable("cp_items");
    }
}
