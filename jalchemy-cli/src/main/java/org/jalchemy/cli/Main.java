package org.jalchemy.cli;

/**
 * Entry point of the runnable jar ({@code java -jar jalchemy.jar migrate upgrade head}; the
 * repository's {@code bin/jalchemy} launcher runs it). Exits with {@link JalchemyCli#run}'s code:
 * 0 ok, 1 error, 2 usage.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(JalchemyCli.run(System.out, System.err, args));
    }
}
