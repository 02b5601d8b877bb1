package org.jalchemy.migrate.autogenerate;

import org.jalchemy.engine.Connection;
import org.jalchemy.migrate.ops.IrreversibleOpException;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.MetaData;

import java.util.ArrayList;
import java.util.List;

/**
 * Autogenerate entry point (Alembic's {@code autogenerate.api}): compares the models' MetaData with
 * the schema reflected through a connection and returns the upgrade operations that would make the
 * database match the models. Three steps kept apart, as in Alembic: compare (this class and
 * {@code Comparison}), render ({@link Renderer}: ops to Java source), apply (the runner).
 *
 * <p>Reads only: reflection runs inside the connection's transaction and nothing is written. What
 * a comparison cannot know (a rename looks like a drop and an add) comes back as warnings and
 * {@link RenameHint}s, never as a guess in the ops.
 */
public final class Autogenerate {
    private Autogenerate() {
    }

    /** The upgrade ops, in an order that can run (tables before their foreign keys...). */
    public static Diff compare(MetaData target, Connection connection, AutogenerateOptions options) {
        return new Comparison(target, new Inspector(connection), connection.dialect(), options).run();
    }

    /**
     * A drop and an add that may be one rename: column {@code oldName} of {@code table} and column
     * {@code newName} (same type), or, with {@code table} null, tables {@code oldName} and {@code newName}
     * (same column names). The renderer writes the rename as a commented-out alternative.
     */
    public record RenameHint(String table, String oldName, String newName) {
    }

    /**
     * The result of a comparison: upgrade ops in run order, warnings for what autogenerate cannot
     * know, and the possible renames among the ops.
     */
    public record Diff(List<MigrateOp> upgradeOps, List<String> warnings, List<RenameHint> renames) {
        public Diff(List<MigrateOp> upgradeOps, List<String> warnings) {
            this(upgradeOps, warnings, List.of());
        }

        public boolean isEmpty() {
            return upgradeOps.isEmpty();
        }

        /**
         * The downgrade: each upgrade op's inverse, last first. An op that cannot be undone
         * (PostgreSQL's {@code ADD VALUE} to an enum type) is left out; {@link Renderer#renderDowngrade}
         * writes a comment in its place.
         */
        public List<MigrateOp> downgradeOps() {
            List<MigrateOp> out = new ArrayList<>();
            for (int i = upgradeOps.size() - 1; i >= 0; i--) {
                try {
                    out.add(upgradeOps.get(i).reverse());
                } catch (IrreversibleOpException e) {
                    // rendered as a comment by Renderer.renderDowngrade
                }
            }
            return out;
        }
    }
}
