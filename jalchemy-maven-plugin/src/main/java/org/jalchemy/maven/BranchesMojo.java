package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:branches [-Djalchemy.verbose]}. */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class BranchesMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    protected void run(PrintStream out) {
        commands(out).branches(verbose);
    }
}
