package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.orm.internal.loading.CollectionState;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.internal.loading.RefImpl;
import org.jalchemy.orm.annotations.Relationship.Cascade;
import org.jalchemy.orm.mapping.RelationshipProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Walks the relationships of one object that carry a given cascade and returns the related
 * objects already in memory: loaded collections and single references. Never loads (cascades that
 * must see unloaded children — delete — load them in the unit of work).
 */
public final class Cascades {
    private Cascades() {
    }

    public static List<Object> related(InstanceStateImpl st, Cascade cascade) {
        if (st.collections == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        List<RelationshipProperty> rels = st.mapper.relationships();
        for (int i = 0; i < rels.size(); i++) {
            RelationshipProperty rel = rels.get(i);
            if (!rel.resolved().cascades(cascade)) {
                continue;
            }
            if (rel.isCollection()) {
                CollectionState cs = st.collections[i];
                if (cs != null && cs.installed()) {
                    if (cs.loaded || cs.writeOnly) {
                        out.addAll(cs.elements);
                    }
                } else if (rel.get(st.object) instanceof Collection<?> c) {
                    out.addAll(c);
                }
            } else {
                Object ref = RefImpl.value(rel, st.object);
                if (ref != null) {
                    out.add(ref);
                }
            }
        }
        return out;
    }
}
