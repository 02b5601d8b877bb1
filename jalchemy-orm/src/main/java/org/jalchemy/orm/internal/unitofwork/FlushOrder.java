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
        Map<String, Mapper<?>> byTable = new LinkedHashMap<>();
        for (Mapper<?> m : mappers) {
            byTable.put(qualified(m.schema(), m.tableName()), m);
        }
        Map<Mapper<?>, Set<Mapper<?>>> deps = new LinkedHashMap<>();
        for (Mapper<?> m : mappers) {
            Set<Mapper<?>> d = new LinkedHashSet<>();
            for (ForeignKeyRef fk : m.foreignKeys()) {
                Mapper<?> target = byTable.get(qualified(fk.targetSchema() != null ? fk.targetSchema() : m.schema(),
                        fk.targetTable()));
                if (target == null && fk.targetSchema() == null) {
                    target = byTable.get(qualified(null, fk.targetTable()));
                }
                if (target != null && target != m) {
                    d.add(target);
                }
            }
            for (org.jalchemy.orm.mapping.CompositeForeignKey fk : m.compositeForeignKeys()) {
                Mapper<?> target = byTable.get(qualified(fk.targetSchema() != null ? fk.targetSchema() : m.schema(),
                        fk.targetTable()));
                if (target == null && fk.targetSchema() == null) {
                    target = byTable.get(qualified(null, fk.targetTable()));
                }
                if (target != null && target != m) {
                    d.add(target);
                }
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

    private static String qualified(String schema, String table) {
        return schema == null ? table : schema + "." + Objects.requireNonNull(table);
    }
}
