package org.jalchemy.examples.guide.migraciones;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.ops.ConstraintDef;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jalchemy.migrate.Ddl.*;
import static org.jalchemy.types.SqlTypes.*;

/**
 * add email
 *
 * Revision ID: ae1027a6acf0
 * Revises: 1975ea83b712
 * Create Date: 2026-11-30 04:00:00
 */
public final class R_ae1027a6acf0_add_email implements Migration {
    @Override
    public String revision() {
        return "ae1027a6acf0";
    }

    @Override
    public String downRevision() {
        return "1975ea83b712";
    }

    @Override
    public String message() {
        return "add email";
    }

    // tag::script[]
    @Override
    public void upgrade(Ops op) {
        op.addColumn("users", column("email", string(120)));
    }

    @Override
    public void downgrade(Ops op) {
        op.dropColumn("users", "email");
    }
    // end::script[]
}
