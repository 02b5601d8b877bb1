package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:heads [-Djalchemy.verbose]}. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class HeadsMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    protected void run(PrintStream out) {
        commands(out).heads(verbose);
    }
}
