package org.jalchemy.migrate.script;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A revision of the graph: the script's identity read once from its {@link Migration}, plus where
 * it came from ({@code path} null for scripts on the class path or given in code).
 */
public record Revision(String id, List<String> downRevisions, Set<String> branchLabels, List<String> dependsOn,
                       String message, Migration migration, Path path) {

    public Revision {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Reads a migration's identity; raises naming the class when it is malformed. */
    public static Revision of(Migration m, Path path) {
        String id = m.revision();
        String where = path != null ? path.toString() : m.getClass().getName();
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9_]+")) {
            throw new MigrationError("Revision script " + where + " has an invalid revision id '" + id
                    + "' (letters, digits and _ only)");
        }
        List<String> down = m.downRevisions() == null ? List.of() : m.downRevisions();
        if (down.contains(id)) {
            throw new MigrationError("Revision " + id + " (" + where + ") names itself as its down revision");
        }
        return new Revision(id, down, m.branchLabels() == null ? Set.of() : m.branchLabels(),
                m.dependsOn() == null ? List.of() : m.dependsOn(), m.message() == null ? "" : m.message(), m, path);
    }

    public boolean isMerge() {
        return downRevisions.size() > 1;
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    @Override
    public String toString() {
        return id;
    }
}
