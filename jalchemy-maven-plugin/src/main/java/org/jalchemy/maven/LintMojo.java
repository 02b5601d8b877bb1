package org.jalchemy.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:lint [-Djalchemy.range=a:b]}: fails the build on findings not silenced (unless {@code jalchemy.lint.failOnFindings=false}). */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class LintMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.range")
    String range;
    @Parameter(property = "jalchemy.lint.failOnFindings", defaultValue = "true")
    boolean failOnFindings;
    /** The report as JSON. */
    @Parameter(property = "jalchemy.json", defaultValue = "false")
    boolean json;
    /** Also the silenced findings. */
    @Parameter(property = "jalchemy.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    protected void run(PrintStream out) throws MojoFailureException {
        int findings = commands(out).lint(range, json, verbose);
        if (findings > 0 && failOnFindings) {
            throw new MojoFailureException("jalchemy lint: " + findings + " finding" + (findings == 1 ? "" : "s")
                    + " (silence one with op.ignoring(\"rule-id\") or op.safetyAssured() once it is safe)");
        }
    }
}
