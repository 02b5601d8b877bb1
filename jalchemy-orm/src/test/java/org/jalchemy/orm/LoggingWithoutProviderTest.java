package org.jalchemy.orm;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SLF4J provider on the class path, echo and the N+1 warning both fall back to standard
 * error (issue 15: echo did, the warning went nowhere). Runs {@link NoLoggingProviderMain} in a
 * child JVM whose class path is this one minus every SLF4J provider, and reads what it printed.
 */
class LoggingWithoutProviderTest {

    @BackendTest
    void echoAndTheNPlusOneWarningReachStandardErrorWithoutAnSlf4jProvider(Backend backend) throws Exception {
        backend.engine(); // creates the test database when missing
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !isSlf4jProvider(e))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).as("the child's class path keeps slf4j-api").contains("slf4j-api");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                NoLoggingProviderMain.class.getName(), backend.url()))
                .redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("child exit; stderr:\n" + err + "\nstdout:\n" + new String(out, StandardCharsets.UTF_8))
                .isZero();
        assertThat(err)
                .contains("[jalchemy.engine] SELECT")
                .contains("[jalchemy.orm.nplusone] WARN N+1 queries: relationship User.posts was lazy-loaded 4 times")
                .contains("NoLoggingProviderMain");
    }

    private static boolean isSlf4jProvider(String entry) {
        String name = Path.of(entry).getFileName().toString();
        return name.startsWith("slf4j-") && !name.startsWith("slf4j-api") || name.startsWith("logback-")
                || name.startsWith("log4j-slf4j");
    }
}
