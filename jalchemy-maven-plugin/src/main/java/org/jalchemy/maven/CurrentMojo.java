package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:current [-Djalchemy.verbose]}. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CurrentMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    protected void run(PrintStream out) {
        commands(out).current(verbose);
    }
}
