package org.jalchemy.migrate.script;

import org.jalchemy.migrate.Migration;

import java.nio.file.Path;
import java.util.List;

/**
 * Compiles the {@code .java} revision scripts of a versions directory with the JDK compiler API
 * ({@code javax.tools}) and loads them, so a user edits a script and runs it with no build step.
 * Compiled classes are cached by the hash of the sources (and of the classpath); a script that
 * does not compile raises {@link ScriptCompileError} naming the file and line.
 *
 * <p>STUB: being built on branch {@code cli}; the signature is the contract.
 */
public final class ScriptCompiler {
    private final Path cacheDirectory;
    private final List<Path> classpath;

    /**
     * @param cacheDirectory where compiled classes are kept between runs
     * @param classpath      extra entries scripts compile and run against (the user's models), beyond jalchemy's own
     */
    public ScriptCompiler(Path cacheDirectory, List<Path> classpath) {
        this.cacheDirectory = cacheDirectory;
        this.classpath = List.copyOf(classpath);
    }

    /** Compiles (or takes from the cache) and instantiates every revision script in {@code versionsDirectory}. */
    public List<Migration> load(Path versionsDirectory) {
        throw new UnsupportedOperationException("script compilation is not built yet");
    }
}
