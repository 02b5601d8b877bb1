package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;
import java.util.List;

/** {@code jalchemy:stamp -Djalchemy.target=head [-Djalchemy.purge] [-Djalchemy.sql]}: sets the version table, runs nothing. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class StampMojo extends AbstractJalchemyMojo {
    /** One revision, or several comma-separated. */
    @Parameter(property = "jalchemy.target", required = true)
    List<String> target;
    @Parameter(property = "jalchemy.sql", defaultValue = "false")
    boolean sql;
    @Parameter(property = "jalchemy.purge", defaultValue = "false")
    boolean purge;

    @Override
    protected void run(PrintStream out) {
        commands(out).stamp(target, sql, purge);
    }
}
