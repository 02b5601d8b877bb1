package org.jalchemy.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./dev bench --compare=BASE.json}: what a change did to every row, the run just made (or
 * {@code --against=OTHER.json}) against an earlier results file. Per row: both medians and the
 * change in percent, both ratios to the baseline and the change of the ratio, and a verdict:
 * {@code ~} when the two runs' [min, max] ranges overlap (the change is within the noise the runs
 * themselves show), else {@code faster} or {@code slower}
 * ({@code lower}/{@code higher} for workloads not measured in seconds); rows present on one side only are
 * listed as {@code new} or {@code gone} (gone only where both runs measured the workload and backend). The ratio is what to read on a shared machine: both of
 * its terms were measured in the same run, interleaved.
 */
public final class Compare {
    private Compare() {
    }

    /** The comparison table (markdown). */
    public static String table(Results base, Results now) {
        StringBuilder sb = new StringBuilder();
        String fmt = "| %-20s | %-10s | %-22s | %9s | %9s | %8s | %7s | %7s | %8s | %-7s |%n";
        sb.append(String.format(fmt, "workload", "backend", "variant", "base", "now", "change", "base x", "now x",
                "x change", "verdict"));
        sb.append(String.format(fmt, "-".repeat(20), "-".repeat(10), "-".repeat(22), "-".repeat(9), "-".repeat(9),
                "-".repeat(8), "-".repeat(7), "-".repeat(7), "-".repeat(8), "-".repeat(7)));
        List<Results.Row> gone = new ArrayList<>(base.rows());
        for (Results.Row n : now.rows()) {
            Results.Row b = base.row(n.workload(), n.backend(), n.variant()).orElse(null);
            gone.remove(b);
            sb.append(String.format(fmt, n.workload(), n.backend(), n.variant(),
                    b == null ? "-" : Report.value(b.median(), b.unit()), Report.value(n.median(), n.unit()),
                    b == null ? "-" : percent(b.median(), n.median()), ratio(b == null ? null : b.ratio()),
                    ratio(n.ratio()), b == null ? "-" : percent(b.ratio(), n.ratio()), verdict(b, n)));
        }
        for (Results.Row b : gone) {
            if (now.rows().stream().noneMatch(n -> n.workload().equals(b.workload()) && n.backend().equals(b.backend()))) {
                continue; // a workload or backend this run did not measure
            }
            sb.append(String.format(fmt, b.workload(), b.backend(), b.variant(), Report.value(b.median(), b.unit()),
                    "-", "-", ratio(b.ratio()), "-", "-", "gone"));
        }
        return sb.toString();
    }

    private static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String percent(Double before, Double after) {
        if (before == null || after == null || before == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.0f%%", (after / before - 1) * 100);
    }

    /** {@code ~} when the ranges overlap, else faster/slower; new/gone/- when a side has no figure. */
    static String verdict(Results.Row b, Results.Row n) {
        if (b == null) {
            return "new";
        }
        if (b.median() == null || n.median() == null) {
            return "-";
        }
        double bLo = b.min() == null ? b.median() : b.min();
        double bHi = b.max() == null ? b.median() : b.max();
        double nLo = n.min() == null ? n.median() : n.min();
        double nHi = n.max() == null ? n.median() : n.max();
        if (nLo <= bHi && bLo <= nHi) {
            return "~";
        }
        boolean lower = n.median() < b.median();
        if (!n.unit().equals("s")) {
            return lower ? "lower" : "higher";
        }
        return lower ? "faster" : "slower";
    }
}
