package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;
import java.util.List;

/** {@code jalchemy:merge -Djalchemy.target=heads [-Djalchemy.message=...]}: a revision merging the given revisions. */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class MergeMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.target", required = true)
    List<String> target;
    @Parameter(property = "jalchemy.message")
    String message;

    @Override
    protected void run(PrintStream out) {
        commands(out).merge(target, message);
    }
}
