package org.jalchemy.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/** {@code jalchemy:check}: fails the build when the models and the database (at head) differ. */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CheckMojo extends AbstractJalchemyMojo {
    @Override
    protected void run(PrintStream out) throws MojoFailureException {
        if (!commands(out).check()) {
            throw new MojoFailureException("The models and the database differ: run jalchemy:revision -Djalchemy.autogenerate"
                    + " -Djalchemy.message=\"...\" (or 'jalchemy migrate revision --autogenerate')");
        }
    }
}
