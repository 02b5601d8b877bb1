package org.jalchemy.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.migrate.Commands;
import org.jalchemy.migrate.config.MigrateConfig;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every jalchemy goal shares: the config file (parameter {@code configFile}, property
 * {@code jalchemy.config}; default {@code jalchemy.toml} or {@code jalchemy.properties} in the
 * project's base directory), the database URL ({@code jalchemy.url}, over {@code JALCHEMY_URL} and
 * the file's {@code url}), other overrides ({@code <overrides>} in the POM, or {@code jalchemy.x}
 * as {@code key=value,key=value}), and the project's compile classpath, appended to the config's
 * {@code classpath} so the models load with no extra configuration (run {@code compile} first:
 * {@code mvn compile jalchemy:check}).
 *
 * <p>Output of the commands goes to the Maven log at INFO. A jalchemy error fails the goal with
 * {@link MojoExecutionException} naming the problem (passwords masked); {@code check} and
 * {@code lint} findings fail it with {@link MojoFailureException}. {@code jalchemy.skip} skips.
 */
public abstract class AbstractJalchemyMojo extends AbstractMojo {
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:)([^@\\s/]+)(@)");

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** The config file; default: jalchemy.toml or jalchemy.properties in the project's base directory. */
    @Parameter(property = "jalchemy.config")
    protected File configFile;

    /** The database URL, over JALCHEMY_URL and the config file's url. */
    @Parameter(property = "jalchemy.url")
    protected String url;

    /** Config keys to override for this run (the CLI's -x). */
    @Parameter
    protected Map<String, String> overrides;

    /** Overrides from the command line: key=value,key=value. */
    @Parameter(property = "jalchemy.x")
    protected String x;

    @Parameter(property = "jalchemy.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    protected List<String> classpathElements;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jalchemy: skipped (jalchemy.skip)");
            return;
        }
        try (PrintStream out = logStream()) {
            run(out);
        } catch (JalchemyException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new MojoExecutionException(mask(e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** Runs the goal; output to {@code out}. */
    protected abstract void run(PrintStream out) throws MojoFailureException;

    protected Commands commands(PrintStream out) {
        return new Commands(config(), out);
    }

    /** The config file this goal reads. */
    protected Path configPath() {
        if (configFile != null) {
            return configFile.toPath().toAbsolutePath();
        }
        Path base = basedir.toPath().toAbsolutePath();
        Path found = MigrateConfig.find(base);
        return found != null ? found : base.resolve("jalchemy.toml");
    }

    /** The config with the goal's overrides and the project's classpath applied. */
    protected MigrateConfig config() {
        MigrateConfig file = MigrateConfig.load(configPath());
        Map<String, String> o = new LinkedHashMap<>();
        if (overrides != null) {
            o.putAll(overrides);
        }
        if (x != null && !x.isBlank()) {
            for (String kv : x.split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("jalchemy.x must be key=value[,key=value...], got '" + kv.strip() + "'");
                }
                o.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        if (url != null && !url.isBlank()) {
            o.put("url", url);
        }
        List<String> cp = new ArrayList<>(file.classpath().stream().map(Path::toString).toList());
        if (classpathElements != null) {
            for (String e : classpathElements) {
                if (!cp.contains(e)) {
                    cp.add(e);
                }
            }
        }
        o.put("classpath", String.join(",", cp));
        return file.withOverrides(o);
    }

    static String mask(String s) {
        return URL_PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***" + m.group(3)));
    }

    /** A stream whose lines go to the Maven log at INFO. */
    private PrintStream logStream() {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    flushLine();
                } else {
                    buf.write(b);
                }
            }

            private void flushLine() {
                String s = buf.toString(StandardCharsets.UTF_8);
                buf.reset();
                getLog().info(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
            }

            @Override
            public void close() {
                if (buf.size() > 0) {
                    flushLine();
                }
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }
}
