package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:downgrade -Djalchemy.target=-1} (no default: a downgrade is always named). */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class DowngradeMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.target", required = true)
    String target;
    @Parameter(property = "jalchemy.sql", defaultValue = "false")
    boolean sql;

    @Override
    protected void run(PrintStream out) {
        commands(out).downgrade(target, sql);
    }
}
