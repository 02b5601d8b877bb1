package org.jalchemy.migrate;

import java.util.List;
import java.util.Set;

/**
 * One revision script (Alembic's {@code versions/<rev>_<slug>.py}): its id, its parent(s), and
 * the {@link Ops} calls that move the schema up to it and back down.
 *
 * <pre>{@code
 * public final class R_ae1027a6acf_add_email implements Migration {
 *     public String revision()     { return "ae1027a6acf"; }
 *     public String downRevision() { return "1975ea83b712"; }
 *     public String message()      { return "add email"; }
 *     public void upgrade(Ops op)   { op.addColumn("users", column("email", string(120))); }
 *     public void downgrade(Ops op) { op.dropColumn("users", "email"); }
 * }
 * }</pre>
 *
 * <p>A root revision has no down revision; a merge names several ({@link #downRevisions()}).
 * {@link #dependsOn()} orders a revision after others without making them its parents (Alembic's
 * {@code depends_on}); {@link #branchLabels()} names a branch so targets like {@code users@head}
 * resolve. Implementations must have a public no-argument constructor; they are instantiated once
 * per command and must not keep state between calls.
 */
public interface Migration {
    /** The revision id: 12 hexadecimal characters when generated. */
    String revision();

    /** The single parent revision, or null for a root. Merges override {@link #downRevisions()} instead. */
    default String downRevision() {
        return null;
    }

    /** Every parent revision (empty for a root, several for a merge). */
    default List<String> downRevisions() {
        String d = downRevision();
        return d == null ? List.of() : List.of(d);
    }

    default Set<String> branchLabels() {
        return Set.of();
    }

    default List<String> dependsOn() {
        return List.of();
    }

    /** The message given to {@code revision -m}. */
    default String message() {
        return "";
    }

    void upgrade(Ops op);

    void downgrade(Ops op);
}
