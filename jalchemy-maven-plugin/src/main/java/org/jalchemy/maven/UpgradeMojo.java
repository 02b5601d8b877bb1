package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:upgrade [-Djalchemy.target=head] [-Djalchemy.sql]}. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class UpgradeMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.target", defaultValue = "head")
    String target;
    /** Offline: print the SQL instead of running it (target may be a range a:b). */
    @Parameter(property = "jalchemy.sql", defaultValue = "false")
    boolean sql;

    @Override
    protected void run(PrintStream out) {
        commands(out).upgrade(target, sql);
    }
}
