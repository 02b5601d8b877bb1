package org.jalchemy.migrate.lint;

import java.util.List;

/**
 * The text {@code jalchemy migrate lint} prints: per finding a header line
 * {@code R_<rev> line <n>: <op> [<rule>] <severity>: <message>}, then, indented, why it is
 * dangerous, the recipe and how to silence it; a summary line at the end. Verbose output also lists
 * the silenced findings. Stateless.
 */
public final class LintText {
    private static final int WIDTH = 100;

    private LintText() {
    }

    public static String format(LintReport report) {
        return format(report, false);
    }

    public static String format(LintReport report, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            finding(sb, f);
        }
        if (verbose && !report.silenced().isEmpty()) {
            sb.append("Silenced:\n");
            for (Finding f : report.silenced()) {
                sb.append("  ").append(header(f)).append('\n');
            }
        }
        sb.append(summary(report)).append('\n');
        return sb.toString();
    }

    /** {@code R_<rev> line <n>: <op> [<rule>] <severity>: <message>}. */
    public static String header(Finding f) {
        return f.revisionLabel() + (f.line() > 0 ? " line " + f.line() : "") + ": " + f.op() + " [" + f.ruleId() + "] "
                + f.severity().label() + ": " + f.message();
    }

    /** {@code 3 findings (1 error, 2 warnings, 0 advice), 1 silenced [postgresql]}. */
    public static String summary(LintReport r) {
        int n = r.findings().size();
        if (n == 0) {
            return "No findings" + (r.silenced().isEmpty() ? "" : " (" + r.silenced().size() + " silenced)")
                    + " [" + r.target().dialectName() + "]";
        }
        int e = r.count(Severity.ERROR);
        int w = r.count(Severity.WARNING);
        int a = r.count(Severity.ADVICE);
        return n + (n == 1 ? " finding (" : " findings (") + e + (e == 1 ? " error, " : " errors, ") + w
                + (w == 1 ? " warning, " : " warnings, ") + a + " advice)"
                + (r.silenced().isEmpty() ? "" : ", " + r.silenced().size() + " silenced") + " [" + r.target().dialectName() + "]";
    }

    private static void finding(StringBuilder sb, Finding f) {
        sb.append(header(f)).append('\n');
        if (!f.why().isEmpty()) {
            List<String> lines = wrap("why: " + f.why(), WIDTH - 4);
            for (String l : lines) {
                sb.append("    ").append(l).append('\n');
            }
        }
        if (!f.recipe().isEmpty()) {
            sb.append("    instead:\n");
            for (String l : f.recipe().split("\n")) {
                sb.append("      ").append(l).append('\n');
            }
        }
        if (!f.silence().isEmpty()) {
            sb.append("    silence: ").append(f.silence()).append('\n');
        }
        sb.append('\n');
    }

    /** Breaks {@code text} at spaces into lines of at most {@code width}; continuation lines are indented by 5. */
    static List<String> wrap(String text, int width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean empty = true;
        for (String w : text.split(" ")) {
            if (!empty && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append("     ");
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(w);
            empty = false;
        }
        if (!empty) {
            out.add(line.toString());
        }
        return out;
    }
}
