package org.jalchemy.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables by foreign-key dependency (referred tables first). Self-references are ignored;
 * foreign keys marked {@code useAlter} and those inside a dependency cycle (a strongly connected
 * component of more than one table) do not order tables: they are returned as {@link Sorted#alterFks()},
 * to be added with ALTER TABLE after every table exists. Among independent tables the input order
 * is kept, so output is deterministic.
 */
final class TableSorter {
    private TableSorter() {
    }

    /** The order, and the foreign keys to add after creation (and drop before dropping). */
    record Sorted(List<Table> tables, Set<ForeignKeyConstraint> alterFks) {
    }

    static Sorted sort(Collection<Table> input) {
        List<Table> tables = new ArrayList<>(input);
        Set<Table> members = new HashSet<>(tables);
        Map<Table, List<Table>> deps = new HashMap<>();
        Map<ForeignKeyConstraint, Table> fkTarget = new HashMap<>();
        for (Table t : tables) {
            List<Table> d = new ArrayList<>();
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                Table ref = fk.referredTable();
                if (ref != t && members.contains(ref)) {
                    fkTarget.put(fk, ref);
                    if (!fk.isUseAlter()) {
                        d.add(ref);
                    }
                }
            }
            deps.put(t, d);
        }
        Map<Table, Integer> component = components(tables, deps);
        Set<ForeignKeyConstraint> alter = new LinkedHashSet<>();
        for (var e : fkTarget.entrySet()) {
            ForeignKeyConstraint fk = e.getKey();
            if (fk.isUseAlter() || component.get(fk.table()).equals(component.get(e.getValue()))) {
                alter.add(fk);
            }
        }
        // Kahn's algorithm over the non-alter edges, taking the earliest-defined ready table each time.
        List<Table> out = new ArrayList<>(tables.size());
        Set<Table> done = new HashSet<>();
        while (out.size() < tables.size()) {
            int before = out.size();
            for (Table t : tables) {
                if (done.contains(t)) {
                    continue;
                }
                boolean ready = true;
                for (ForeignKeyConstraint fk : t.foreignKeys()) {
                    Table ref = fkTarget.get(fk);
                    if (ref != null && !alter.contains(fk) && !done.contains(ref)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    out.add(t);
                    done.add(t);
                    break;
                }
            }
            if (out.size() == before) { // cannot happen: every edge inside a cycle is an ALTER edge
                throw new IllegalStateException("Could not order tables " + tables + " by their foreign keys");
            }
        }
        return new Sorted(List.copyOf(out), alter);
    }

    /** Tarjan's strongly connected components: table → component id. */
    private static Map<Table, Integer> components(List<Table> tables, Map<Table, List<Table>> deps) {
        Map<Table, Integer> index = new HashMap<>();
        Map<Table, Integer> low = new HashMap<>();
        Map<Table, Integer> comp = new HashMap<>();
        List<Table> stack = new ArrayList<>();
        Set<Table> onStack = new HashSet<>();
        int[] counter = {0, 0};
        for (Table t : tables) {
            if (!index.containsKey(t)) {
                strong(t, deps, index, low, comp, stack, onStack, counter);
            }
        }
        return comp;
    }

    private static void strong(Table v, Map<Table, List<Table>> deps, Map<Table, Integer> index,
                               Map<Table, Integer> low, Map<Table, Integer> comp, List<Table> stack,
                               Set<Table> onStack, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.add(v);
        onStack.add(v);
        for (Table w : deps.get(v)) {
            if (!index.containsKey(w)) {
                strong(w, deps, index, low, comp, stack, onStack, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            int id = counter[1]++;
            Table w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                comp.put(w, id);
            } while (w != v);
        }
    }
}
