package org.jalchemy.migrate.autogenerate;

import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;

/**
 * Renders ops as the Java statements of a revision script's {@code upgrade}/{@code downgrade}
 * bodies, calling the {@code Ops} API ({@code op.addColumn("users", column("email", string(120)))}).
 * STUB: being built on branch {@code autogen}.
 */
public final class Renderer {
    private Renderer() {
    }

    /** The statements, one per line, indented by {@code indent}; {@code "pass"}-like comment when empty. */
    public static String render(List<MigrateOp> ops, String indent) {
        throw new UnsupportedOperationException("renderer is not built yet");
    }
}
