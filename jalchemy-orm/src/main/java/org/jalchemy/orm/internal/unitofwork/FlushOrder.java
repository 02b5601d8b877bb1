package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.orm.mapping.ForeignKeyRef;
import org.jalchemy.orm.mapping.Mapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Orders mappers so that every table comes after the tables its foreign keys reference: the
 * order of INSERTs and UPDATEs; DELETEs use the reverse. Only the mappers given take part (a
 * flush orders what it writes). Stable: mappers with no dependency between them keep the order
 * they were given in. Self-references are ignored here (rows of one table are ordered by the
 * relationship layer); a cycle between tables leaves the cyclic mappers in given order, after
 * the acyclic ones they depend on (breaking a cycle needs a post-update, which relationships add).
 */
public final class FlushOrder {
    private FlushOrder() {
    }

    /** The mappers in dependency order (referenced tables first). */
    public static List<Mapper<?>> sort(Collection<? extends Mapper<?>> mappers) {
        // with inheritance several mappers write one table (single-table), and one mapper several (joined)
        Map<String, List<Mapper<?>>> byTable = new LinkedHashMap<>();
        for (Mapper<?> m : mappers) {
            for (Mapper.TablePart part : m.tableParts()) {
                byTable.computeIfAbsent(qualified(part.table().schema(), part.table().name()), k -> new ArrayList<>())
                        .add(m);
            }
        }
        Map<Mapper<?>, Set<Mapper<?>>> deps = new LinkedHashMap<>();
        for (Mapper<?> m : mappers) {
            Set<Mapper<?>> d = new LinkedHashSet<>();
            for (ForeignKeyRef fk : m.foreignKeys()) {
                addTargets(d, m, byTable, fk.targetSchema(), fk.targetTable());
            }
            for (org.jalchemy.orm.mapping.CompositeForeignKey fk : m.compositeForeignKeys()) {
                addTargets(d, m, byTable, fk.targetSchema(), fk.targetTable());
            }
            deps.put(m, d);
        }
        List<Mapper<?>> out = new ArrayList<>(mappers.size());
        Set<Mapper<?>> done = new LinkedHashSet<>();
        boolean progress = true;
        while (out.size() < deps.size() && progress) {
            progress = false;
            for (Map.Entry<Mapper<?>, Set<Mapper<?>>> e : deps.entrySet()) {
                if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
                    done.add(e.getKey());
                    out.add(e.getKey());
                    progress = true;
                    break; // restart to keep the given order stable
                }
            }
        }
        for (Mapper<?> m : deps.keySet()) { // cycles
            if (!done.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The mappers writing the table a foreign key of {@code m} references. A reference to one of
     * {@code m}'s own tables is a self-reference, left to the relationship layer (also when other
     * mappers of its hierarchy write that table).
     */
    private static void addTargets(Set<Mapper<?>> d, Mapper<?> m, Map<String, List<Mapper<?>>> byTable, String schema,
                                   String table) {
        String key = qualified(schema != null ? schema : m.schema(), table);
        List<Mapper<?>> targets = byTable.get(key);
        if (targets == null && schema == null) {
            targets = byTable.get(qualified(null, table));
        }
        if (targets == null || targets.contains(m)) {
            return;
        }
        d.addAll(targets);
    }

    private static String qualified(String schema, String table) {
        return schema == null ? table : schema + "." + Objects.requireNonNull(table);
    }
}
