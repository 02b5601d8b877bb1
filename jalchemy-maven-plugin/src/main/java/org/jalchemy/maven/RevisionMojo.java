package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jalchemy.migrate.Commands;

import java.io.PrintStream;
import java.util.List;

/** {@code jalchemy:revision -Djalchemy.message="add email" [-Djalchemy.autogenerate]}: writes a new revision script. */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class RevisionMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.message")
    String message;
    @Parameter(property = "jalchemy.autogenerate", defaultValue = "false")
    boolean autogenerate;
    @Parameter(property = "jalchemy.head", defaultValue = "head")
    String head;
    @Parameter(property = "jalchemy.splice", defaultValue = "false")
    boolean splice;
    @Parameter(property = "jalchemy.branchLabel")
    String branchLabel;
    @Parameter(property = "jalchemy.revId")
    String revId;
    @Parameter(property = "jalchemy.dependsOn")
    List<String> dependsOn;

    @Override
    protected void run(PrintStream out) {
        commands(out).revision(new Commands.RevisionOptions(message, autogenerate, head, splice, branchLabel, revId,
                dependsOn == null ? List.of() : List.copyOf(dependsOn)));
    }
}
