package org.jalchemy.migrate.autogenerate;

import org.jalchemy.engine.Connection;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.MetaData;

import java.util.List;

/**
 * Autogenerate entry point (Alembic's {@code autogenerate.api}): compares the models' MetaData with
 * the schema reflected through a connection and returns the upgrade operations that would make the
 * database match the models. Three steps kept apart, as in Alembic: compare (this class), render
 * ({@link Renderer}: ops to Java source), apply (the runner).
 *
 * <p>STUB: being built on branch {@code autogen}; the signatures are the contract.
 */
public final class Autogenerate {
    private Autogenerate() {
    }

    /** The upgrade ops, in an order that can run (tables before their foreign keys...). */
    public static Diff compare(MetaData target, Connection connection, AutogenerateOptions options) {
        throw new UnsupportedOperationException("autogenerate is not built yet");
    }

    /**
     * The result of a comparison: upgrade ops in run order, and warnings for what autogenerate
     * cannot know (a dropped and an added column of one type may be a rename).
     */
    public record Diff(List<MigrateOp> upgradeOps, List<String> warnings) {
        public boolean isEmpty() {
            return upgradeOps.isEmpty();
        }
    }
}
