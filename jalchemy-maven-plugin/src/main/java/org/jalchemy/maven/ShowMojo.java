package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:show -Djalchemy.target=REV}. */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ShowMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.target", required = true)
    String target;

    @Override
    protected void run(PrintStream out) {
        commands(out).show(target);
    }
}
