package org.jalchemy.migrate;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A revision built in a test: id, parents, labels, dependencies and lambdas for its two directions. */
public record TestMigration(String revision, List<String> downRevisions, Set<String> branchLabels,
                            List<String> dependsOn, String message, Consumer<Ops> up, Consumer<Ops> down)
        implements Migration {

    public static TestMigration of(String rev, String down, Consumer<Ops> up, Consumer<Ops> downgrade) {
        return new TestMigration(rev, down == null ? List.of() : List.of(down), Set.of(), List.of(), "m " + rev, up, downgrade);
    }

    public static TestMigration empty(String rev, String... down) {
        return new TestMigration(rev, List.of(down), Set.of(), List.of(), "m " + rev, op -> { }, op -> { });
    }

    public TestMigration labels(String... labels) {
        return new TestMigration(revision, downRevisions, Set.of(labels), dependsOn, message, up, down);
    }

    public TestMigration dependsOn(String... deps) {
        return new TestMigration(revision, downRevisions, branchLabels, List.of(deps), message, up, down);
    }

    @Override
    public void upgrade(Ops op) {
        up.accept(op);
    }

    @Override
    public void downgrade(Ops op) {
        down.accept(op);
    }
}
