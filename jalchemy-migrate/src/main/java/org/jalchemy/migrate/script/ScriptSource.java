package org.jalchemy.migrate.script;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a command finds its revisions: the {@code .java} scripts of a versions directory (compiled
 * by {@link ScriptCompiler}), or {@link Migration} instances an application hands over (scripts
 * compiled into it).
 */
@FunctionalInterface
public interface ScriptSource {
    List<Revision> load();

    /** Revisions given in code. */
    static ScriptSource of(List<? extends Migration> migrations) {
        List<Migration> copy = List.copyOf(migrations);
        return () -> copy.stream().map(m -> Revision.of(m, null)).toList();
    }

    /** The scripts of {@code versionsDirectory}, compiled (cached in {@code cacheDirectory}) against {@code classpath}. */
    static ScriptSource directory(Path versionsDirectory, Path cacheDirectory, List<Path> classpath) {
        return () -> {
            if (!Files.isDirectory(versionsDirectory)) {
                throw new MigrationError("No versions directory at " + versionsDirectory
                        + ": run 'jalchemy migrate init' first, or check script_location in the config");
            }
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> s = Files.list(versionsDirectory)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new MigrationError("Cannot list " + versionsDirectory + ": " + e.getMessage(), e);
            }
            if (sources.isEmpty()) {
                return List.of();
            }
            List<Revision> out = new ArrayList<>();
            for (Migration m : new ScriptCompiler(cacheDirectory, classpath).load(versionsDirectory)) {
                Path p = versionsDirectory.resolve(m.getClass().getSimpleName() + ".java");
                out.add(Revision.of(m, Files.exists(p) ? p : null));
            }
            return out;
        };
    }
}
