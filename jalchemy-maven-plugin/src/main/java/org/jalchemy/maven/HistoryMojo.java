package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:history [-Djalchemy.range=a:b] [-Djalchemy.verbose]}. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class HistoryMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.range")
    String range;
    @Parameter(property = "jalchemy.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    protected void run(PrintStream out) {
        commands(out).history(range, verbose);
    }
}
