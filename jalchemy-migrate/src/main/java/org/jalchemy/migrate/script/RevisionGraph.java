package org.jalchemy.migrate.script;

import org.jalchemy.migrate.MigrationError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revisions of a script directory as a graph (Alembic's {@code RevisionMap}): parents are a
 * revision's down revisions; {@code dependsOn} adds ordering edges that are not parenthood. Heads
 * are revisions no other revision names as a down revision; bases have no down revision.
 *
 * <p>Resolves the targets commands take (see {@link #resolveUpgrade} and {@link #resolveDowngrade})
 * and plans the steps between the database's current heads and a target: upgrades parents first,
 * downgrades children first, deterministic order (topological, ties by revision id).
 *
 * <p>Invariants checked at construction, each raising {@link MigrationError} naming the revision:
 * unique ids, every down revision and dependency present, no cycle, unique branch labels.
 * Immutable; safe to share.
 */
public final class RevisionGraph {
    private final Map<String, Revision> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();   // versioned children
    private final Map<String, List<String>> dependents = new HashMap<>(); // children + dependsOn edges
    private final Map<String, String> labels = new HashMap<>();
    private final List<String> topo;

    public RevisionGraph(Collection<Revision> revisions) {
        for (Revision r : revisions) {
            Revision prev = byId.putIfAbsent(r.id(), r);
            if (prev != null) {
                throw new MigrationError("Revision id " + r.id() + " is used twice: " + where(prev) + " and " + where(r));
            }
        }
        for (Revision r : byId.values()) {
            children.putIfAbsent(r.id(), new ArrayList<>());
            dependents.putIfAbsent(r.id(), new ArrayList<>());
        }
        for (Revision r : byId.values()) {
            for (String d : r.downRevisions()) {
                requirePresent(d, r, "down revision");
                children.get(d).add(r.id());
                dependents.get(d).add(r.id());
            }
            for (String d : r.dependsOn()) {
                requirePresent(d, r, "dependency");
                dependents.get(d).add(r.id());
            }
            for (String label : r.branchLabels()) {
                String other = labels.putIfAbsent(label, r.id());
                if (other != null) {
                    throw new MigrationError("Branch label '" + label + "' is on both " + other + " and " + r.id());
                }
            }
        }
        children.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        dependents.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        this.topo = sortAll();
    }

    private static String where(Revision r) {
        return r.id() + (r.path() != null ? " (" + r.path().getFileName() + ")" : "");
    }

    private void requirePresent(String id, Revision from, String what) {
        if (!byId.containsKey(id)) {
            throw new MigrationError("Revision " + id + ", the " + what + " of " + where(from)
                    + ", is not present in the script directory");
        }
    }

    /** All revisions, parents before children (ties by id); raises on a cycle. */
    private List<String> sortAll() {
        Map<String, Integer> pending = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        for (Revision r : byId.values()) {
            int n = new HashSet<>(edgesIn(r)).size();
            pending.put(r.id(), n);
            if (n == 0) {
                ready.add(r.id());
            }
        }
        List<String> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.pollFirst();
            out.add(id);
            for (String c : new LinkedHashSet<>(dependents.get(id))) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() != byId.size()) {
            Set<String> cyc = new TreeSet<>(byId.keySet());
            out.forEach(cyc::remove);
            throw new MigrationError("The revisions " + cyc + " form a cycle through their down revisions or dependencies");
        }
        return List.copyOf(out);
    }

    private static List<String> edgesIn(Revision r) {
        List<String> l = new ArrayList<>(r.downRevisions());
        l.addAll(r.dependsOn());
        return l;
    }

    // ------------------------------------------------------------------ lookups

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Every revision, parents first. */
    public List<Revision> all() {
        return topo.stream().map(byId::get).toList();
    }

    /** The revision with this exact id or unique id prefix; raises naming the candidates otherwise. */
    public Revision get(String idOrPrefix) {
        Revision r = byId.get(idOrPrefix);
        if (r != null) {
            return r;
        }
        List<String> matches = byId.keySet().stream().filter(id -> id.startsWith(idOrPrefix)).sorted().toList();
        if (matches.size() == 1) {
            return byId.get(matches.get(0));
        }
        if (matches.isEmpty()) {
            String label = labels.get(idOrPrefix);
            if (label != null) {
                return byId.get(label);
            }
            throw new MigrationError("Can't locate revision identified by '" + idOrPrefix + "'"
                    + (byId.isEmpty() ? " (the script directory has no revisions)" : ""));
        }
        throw new MigrationError("Multiple revisions start with '" + idOrPrefix + "': " + matches);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public List<Revision> heads() {
        return topo.stream().filter(id -> children.get(id).isEmpty()).map(byId::get).toList();
    }

    public List<Revision> bases() {
        return topo.stream().map(byId::get).filter(Revision::isBase).toList();
    }

    /** Revisions naming {@code id} as a down revision. */
    public List<Revision> children(String id) {
        return children.getOrDefault(id, List.of()).stream().map(byId::get).toList();
    }

    /** Revisions with more than one child: where branches start. */
    public List<Revision> branchPoints() {
        return topo.stream().filter(id -> children.get(id).size() > 1).map(byId::get).toList();
    }

    /** {@code ids} and everything they need: down revisions and dependencies, transitively. */
    public Set<String> ancestorsOrSelf(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(edgesIn(requireKnown(id)));
            }
        }
        return seen;
    }

    /** {@code ids} and everything that needs them (children and dependents), transitively. */
    public Set<String> descendantsOrSelf(Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(dependents.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    private Revision requireKnown(String id) {
        Revision r = byId.get(id);
        if (r == null) {
            throw new MigrationError("The database is at revision " + id + ", which is not in the script directory"
                    + " (scripts missing, or a different project's database); restore the script or 'stamp' the database");
        }
        return r;
    }

    /** The applied revisions implied by the version table's rows. */
    public Set<String> applied(Collection<String> versionRows) {
        return ancestorsOrSelf(versionRows);
    }

    /** The rows the version table holds when {@code applied} are applied: those without an applied child. */
    public Set<String> headsOf(Set<String> applied) {
        Set<String> out = new TreeSet<>();
        for (String id : applied) {
            if (children.getOrDefault(id, List.of()).stream().noneMatch(applied::contains)) {
                out.add(id);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ plans

    /** What {@code upgrade} runs to reach {@code targets}: the missing ancestors, parents first. */
    public List<Revision> upgradePlan(Set<String> applied, Set<String> targets) {
        Set<String> need = ancestorsOrSelf(targets);
        need.removeAll(applied);
        return topo.stream().filter(need::contains).map(byId::get).toList();
    }

    /** What {@code downgrade} undoes to remove {@code remove} (and what needs it), children first. */
    public List<Revision> downgradePlan(Set<String> applied, Set<String> remove) {
        Set<String> gone = descendantsOrSelf(remove);
        gone.retainAll(applied);
        List<Revision> out = new ArrayList<>(topo.stream().filter(gone::contains).map(byId::get).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    // ------------------------------------------------------------------ targets

    /**
     * The revisions an upgrade must reach: {@code head} (the one head; raises when there are
     * several), {@code heads}, an id or unique prefix, a branch label, {@code label@head},
     * {@code rev@head}, {@code +N} (from the current head), {@code rev+N}.
     */
    public Set<String> resolveUpgrade(String target, Set<String> currentHeads) {
        String t = target.trim();
        if (t.equals("heads")) {
            return ids(heads());
        }
        if (t.equals("head")) {
            return Set.of(singleHead().id());
        }
        if (t.equals("base")) {
            return Set.of();
        }
        int at = t.indexOf('@');
        if (at > 0) {
            String left = t.substring(0, at);
            String right = t.substring(at + 1);
            Revision anchor = get(left);
            if (right.equals("head")) {
                return Set.of(headAbove(anchor).id());
            }
            if (right.startsWith("+")) {
                Revision cur = currentOnBranch(anchor, currentHeads);
                return Set.of(walkUp(cur, parseSteps(right, target), target).id());
            }
            throw new MigrationError("Unknown upgrade target '" + target + "'");
        }
        if (t.startsWith("+")) {
            Revision cur = currentHeads.isEmpty() ? null : singleCurrent(currentHeads, target);
            return Set.of(walkUp(cur, parseSteps(t, target), target).id());
        }
        int plus = t.lastIndexOf('+');
        if (plus > 0) {
            Revision from = t.substring(0, plus).equals("head") ? singleHead() : get(t.substring(0, plus));
            return Set.of(walkUp(from, parseSteps(t.substring(plus), target), target).id());
        }
        int minus = t.lastIndexOf('-');
        if (minus > 0 && t.substring(minus + 1).chars().allMatch(Character::isDigit)) {
            Revision from = t.substring(0, minus).equals("head") ? singleHead() : get(t.substring(0, minus));
            Revision r = walkDown(from, parseSteps(t.substring(minus), target), target);
            return r == null ? Set.of() : Set.of(r.id());
        }
        return Set.of(get(t).id());
    }

    /**
     * The revisions a downgrade removes (with everything that needs them): {@code base} (all),
     * {@code -N} (the last N from the current head), an id/prefix/label (what descends from it),
     * {@code rev-N}, {@code label@base}, {@code label@-N}.
     */
    public Set<String> resolveDowngrade(String target, Set<String> currentHeads) {
        String t = target.trim();
        Set<String> applied = applied(currentHeads);
        if (t.equals("base")) {
            return applied;
        }
        int at = t.indexOf('@');
        if (at > 0) {
            Revision anchor = get(t.substring(0, at));
            String right = t.substring(at + 1);
            if (right.equals("base")) {
                Revision root = anchor;
                while (root.downRevisions().size() == 1) {
                    root = byId.get(root.downRevisions().get(0));
                }
                return Set.of(root.id());
            }
            if (right.startsWith("-")) {
                Revision cur = currentOnBranch(anchor, currentHeads);
                return removedWalkingDown(cur, parseSteps(right, target), target);
            }
            throw new MigrationError("Unknown downgrade target '" + target + "'");
        }
        if (t.startsWith("-")) {
            if (currentHeads.isEmpty()) {
                throw new MigrationError("Relative downgrade '" + target + "' from base: nothing is applied");
            }
            return removedWalkingDown(singleCurrent(currentHeads, target), parseSteps(t, target), target);
        }
        int minus = t.lastIndexOf('-');
        Revision keep;
        if (minus > 0 && t.substring(minus + 1).chars().allMatch(Character::isDigit)) {
            Revision from = t.substring(0, minus).equals("head") ? singleHead() : get(t.substring(0, minus));
            keep = walkDown(from, parseSteps(t.substring(minus), target), target);
            if (keep == null) {
                Revision root = from;
                while (root.downRevisions().size() == 1) {
                    root = byId.get(root.downRevisions().get(0));
                }
                return Set.of(root.id());
            }
        } else {
            keep = t.equals("head") ? singleHead() : get(t);
        }
        Set<String> remove = new HashSet<>();
        for (Revision c : children(keep.id())) {
            remove.add(c.id());
        }
        for (String id : dependents.get(keep.id())) {
            remove.add(id);
        }
        return remove;
    }

    private Set<String> removedWalkingDown(Revision from, int steps, String target) {
        Set<String> out = new HashSet<>();
        Revision r = from;
        for (int i = 0; i < steps; i++) {
            if (r == null) {
                throw new MigrationError("Relative revision '" + target + "' goes below base");
            }
            out.add(r.id());
            r = parentOrNull(r, target);
        }
        return out;
    }

    private static int parseSteps(String s, String target) {
        try {
            int n = Integer.parseInt(s.substring(1));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MigrationError("Bad relative revision '" + target + "': expected +N or -N with N >= 1");
        }
    }

    private Revision walkUp(Revision from, int steps, String target) {
        Revision r = from;
        for (int i = 0; i < steps; i++) {
            List<Revision> next = r == null ? bases() : children(r.id());
            if (next.isEmpty()) {
                throw new MigrationError("Relative revision '" + target + "' goes beyond head"
                        + (r == null ? "" : " (" + r.id() + " is a head)"));
            }
            if (next.size() > 1) {
                throw new MigrationError("Relative revision '" + target + "' is ambiguous: "
                        + (r == null ? "base" : r.id()) + " is followed by " + ids(next)
                        + "; name a revision or use 'branch@+N'");
            }
            r = next.get(0);
        }
        return r;
    }

    /** N steps down along single parents; null when the walk ends exactly at base. */
    private Revision walkDown(Revision from, int steps, String target) {
        Revision r = from;
        for (int i = 0; i < steps; i++) {
            if (r == null) {
                throw new MigrationError("Relative revision '" + target + "' goes below base");
            }
            r = parentOrNull(r, target);
        }
        return r;
    }

    private Revision parentOrNull(Revision r, String target) {
        if (r.downRevisions().size() > 1) {
            throw new MigrationError("Relative revision '" + target + "' crosses the merge " + r.id()
                    + " of " + r.downRevisions() + "; name the revision to go to");
        }
        return r.downRevisions().isEmpty() ? null : byId.get(r.downRevisions().get(0));
    }

    private Revision singleHead() {
        List<Revision> h = heads();
        if (h.isEmpty()) {
            throw new MigrationError("The script directory has no revisions: create one with 'revision -m'");
        }
        if (h.size() > 1) {
            throw new MigrationError("Multiple head revisions are present: " + ids(h) + "; give a specific target,"
                    + " 'branch@head' for one branch, or 'heads' for all (or merge them with 'merge heads')");
        }
        return h.get(0);
    }

    private Revision singleCurrent(Set<String> currentHeads, String target) {
        if (currentHeads.size() > 1) {
            throw new MigrationError("Relative revision '" + target + "' is ambiguous: the database is at "
                    + new TreeSet<>(currentHeads) + "; use 'branch@" + target + "'");
        }
        return requireKnown(currentHeads.iterator().next());
    }

    /** The single head descending from {@code anchor}. */
    private Revision headAbove(Revision anchor) {
        Set<String> desc = descendantsOrSelf(List.of(anchor.id()));
        List<Revision> hs = heads().stream().filter(h -> desc.contains(h.id())).toList();
        if (hs.size() != 1) {
            throw new MigrationError("Revision " + anchor.id() + " leads to " + (hs.isEmpty() ? "no head" : "several heads " + ids(hs)));
        }
        return hs.get(0);
    }

    /** The current head on the branch through {@code anchor} (null: that branch is not applied yet). */
    private Revision currentOnBranch(Revision anchor, Set<String> currentHeads) {
        Set<String> related = descendantsOrSelf(List.of(anchor.id()));
        related.addAll(ancestorsOrSelf(List.of(anchor.id())));
        List<String> cur = currentHeads.stream().filter(related::contains).sorted().toList();
        if (cur.size() > 1) {
            throw new MigrationError("The branch of " + anchor.id() + " has several current heads " + cur);
        }
        return cur.isEmpty() ? null : byId.get(cur.get(0));
    }

    private static Set<String> ids(List<Revision> revs) {
        Set<String> out = new LinkedHashSet<>();
        revs.forEach(r -> out.add(r.id()));
        return out;
    }
}
