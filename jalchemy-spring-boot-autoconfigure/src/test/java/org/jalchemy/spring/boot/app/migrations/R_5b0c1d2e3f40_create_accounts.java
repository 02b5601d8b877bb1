package org.jalchemy.spring.boot.app.migrations;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;

import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** The acceptance app's first revision: accounts and the audit log. */
// tag::migration[]
public final class R_5b0c1d2e3f40_create_accounts implements Migration {
    public String revision() { return "5b0c1d2e3f40"; }
    public String downRevision() { return null; }
    public String message() { return "create accounts"; }

    public void upgrade(Ops op) {
        op.createTable("sb_accounts", column("id", integer()).primaryKey().autoincrement(true),
                column("owner", string(50)).nullable(false), column("balance", integer()).nullable(false));
        op.createTable("sb_audit", column("id", integer()).primaryKey().autoincrement(true),
                column("message", string(200)).nullable(false));
    }

    public void downgrade(Ops op) {
        op.dropTable("sb_audit");
        op.dropTable("sb_accounts");
    }
}
// end::migration[]
