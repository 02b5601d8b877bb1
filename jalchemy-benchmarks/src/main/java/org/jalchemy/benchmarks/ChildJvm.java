package org.jalchemy.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a fresh JVM (the one running the suite, its class path), for
 * the workloads that measure what happens in a new process (boot) or under a heap limit
 * (streaming). The child reports by printing one line {@code ok <checksum> <figures...>} on
 * standard output; {@link #run} returns it with the wall time from just before the process was
 * started to the moment that line arrived (a cold JVM's time to its result, process creation
 * included), then waits for the child to exit.
 *
 * <p>A child that exits without the line, or with a non-zero status, fails the run with its
 * standard error (last lines) in the message; one that outlives {@code timeoutSeconds} is killed.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** What a child reported: the numbers after {@code ok}, and the parent's wall time to that line. */
    public record Report(long checksum, double[] figures, double wallSeconds) {
    }

    /**
     * Starts {@code mainClass} with {@code jvmFlags} and {@code args} and waits for its report.
     *
     * @throws IllegalStateException when the child fails or times out (with its stderr)
     */
    public static Report run(List<String> jvmFlags, Class<?> mainClass, List<String> args, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-Dorg.jboss.logging.provider=slf4j");
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        long t0 = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(p));
        String ok = null;
        long t1 = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (ok == null && line.startsWith("ok ")) {
                    t1 = System.nanoTime();
                    ok = line;
                }
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " " + args + " did not finish in "
                    + timeoutSeconds + " s");
        }
        String err = stderr.join();
        if (p.exitValue() != 0 || ok == null) {
            throw new IllegalStateException(mainClass.getSimpleName() + " " + args + " exited " + p.exitValue()
                    + (ok == null ? " without a result" : "") + ": " + err);
        }
        String[] parts = ok.split(" ");
        double[] figures = new double[parts.length - 2];
        for (int i = 2; i < parts.length; i++) {
            figures[i - 2] = Double.parseDouble(parts[i]);
        }
        return new Report(Long.parseLong(parts[1]), figures, (t1 - t0) / 1e9);
    }

    /** The last 20 lines of the child's standard error. */
    private static String tail(Process p) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                lines.add(line);
                if (lines.size() > 20) {
                    lines.remove(0);
                }
            }
        } catch (IOException e) {
            lines.add("(stderr unreadable: " + e + ")");
        }
        return String.join("\n", lines);
    }

    /** Prints the report line of a child: {@code ok <checksum> <figures...>}. */
    public static void report(long checksum, double... figures) {
        StringBuilder sb = new StringBuilder("ok ").append(checksum);
        for (double f : figures) {
            sb.append(' ').append(f);
        }
        System.out.println(sb);
        System.out.flush();
    }
}
