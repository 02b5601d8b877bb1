package org.jalchemy.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jalchemy.migrate.Commands;

import java.io.File;
import java.io.PrintStream;

/** {@code jalchemy:init}: creates the script directory ({@code jalchemy.directory}, default {@code migrations}) and the config file. */
@Mojo(name = "init", threadSafe = true)
public class InitMojo extends AbstractJalchemyMojo {
    @Parameter(property = "jalchemy.directory", defaultValue = "${project.basedir}/migrations")
    File directory;

    @Override
    protected void run(PrintStream out) {
        Commands.init(directory.toPath(), configPath(), out);
    }
}
