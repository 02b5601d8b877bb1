package org.jalchemy.cli;

import org.jalchemy.exc.JalchemyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code jalchemy} command: {@code jalchemy migrate <command>} ({@link MigrateCommand}), plus
 * {@code --help}, {@code --version} and {@code --debug}.
 *
 * <p>Exit codes: {@value #OK} when the command succeeded; {@value #ERROR} when it failed (a
 * jalchemy error, a database error, {@code check} finding differences, {@code lint} finding
 * problems), with one line on standard error ({@code jalchemy: error: ...}; the stack trace only
 * with {@code --debug}); {@value #USAGE} for a command line that does not parse (unknown command or
 * option, missing argument), with the usage. Passwords are masked in every error printed.
 *
 * <p>{@link #run} is the whole program and writes only to the streams it is given, so tests run
 * it in-process.
 */
@Command(name = "jalchemy", mixinStandardHelpOptions = true, versionProvider = JalchemyCli.Version.class,
        description = "jalchemy: SQLAlchemy and Alembic for Java. Schema migrations: jalchemy migrate <command>.",
        footer = {"", "Exit codes: 0 ok, 1 error (one line on stderr; --debug adds the stack trace), 2 usage."})
public final class JalchemyCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    boolean debug;

    private final PrintStream out;
    private final PrintStream err;

    JalchemyCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** Runs the command line {@code args} and returns the exit code; nothing is printed outside {@code out}/{@code err}. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The configured picocli command line (exposed for tests and embedding). */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        JalchemyCli top = new JalchemyCli(out, err);
        MigrateCommand migrate = new MigrateCommand(top);
        CommandLine cl = new CommandLine(top);
        cl.addSubcommand("migrate", new CommandLine(migrate));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            err.println("jalchemy: error: " + Redact.mask(oneLine(ex), migrate.secrets()));
            if (matched(parseResult, "--debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ERROR;
        });
        return cl;
    }

    /** {@code jalchemy} alone: the usage, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    /** The exception's message on one line; the class name when it is not one of jalchemy's errors. */
    static String oneLine(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getName();
        } else if (!(ex instanceof JalchemyException)) {
            msg = ex.getClass().getSimpleName() + ": " + msg;
        }
        return String.join(" ", msg.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** True when {@code option} was given on any level of the command line. */
    static boolean matched(ParseResult pr, String option) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    /** Every value given for {@code option} on any level, in order. */
    static <T> List<T> matchedValues(ParseResult pr, String option) {
        List<T> out = new ArrayList<>();
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                out.add(p.matchedOption(option).getValue());
            }
        }
        return out;
    }

    /** {@code jalchemy --version}: the build's version and the running Java. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"jalchemy " + version() + " (Java " + Runtime.version() + ", "
                    + System.getProperty("java.vendor", "?") + ")"};
        }
    }

    static String version() {
        try (InputStream in = JalchemyCli.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
