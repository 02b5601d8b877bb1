package org.jalchemy.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code jalchemy:stamp -Djalchemy.target=head [-Djalchemy.purge] [-Djalchemy.sql]}: sets the version table, runs nothing.
 * {@code jalchemy:stamp -Djalchemy.fromAlembic [-Djalchemy.alembicTable=...] [-Djalchemy.dropAlembicTable]}: takes
 * over a database migrated by Alembic (see {@link org.jalchemy.migrate.Commands#stampFromAlembic}).
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class StampMojo extends AbstractJalchemyMojo {
    /** One revision, or several comma-separated; none with {@code fromAlembic}. */
    @Parameter(property = "jalchemy.target")
    List<String> target;
    @Parameter(property = "jalchemy.sql", defaultValue = "false")
    boolean sql;
    @Parameter(property = "jalchemy.purge", defaultValue = "false")
    boolean purge;
    /** Adopt the revision recorded in Alembic's version table. */
    @Parameter(property = "jalchemy.fromAlembic", defaultValue = "false")
    boolean fromAlembic;
    @Parameter(property = "jalchemy.alembicTable")
    String alembicTable;
    @Parameter(property = "jalchemy.dropAlembicTable", defaultValue = "false")
    boolean dropAlembicTable;

    @Override
    protected void run(PrintStream out) throws MojoFailureException {
        if (fromAlembic) {
            commands(out).stampFromAlembic(alembicTable, dropAlembicTable);
            return;
        }
        if (target == null || target.isEmpty()) {
            throw new MojoFailureException("jalchemy:stamp needs -Djalchemy.target=REV (or -Djalchemy.fromAlembic)");
        }
        commands(out).stamp(target, sql, purge);
    }
}
