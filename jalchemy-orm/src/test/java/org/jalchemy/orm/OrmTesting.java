package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.testing.Backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test helpers: fresh tables from a registry, and a recorder of the SQL an engine runs. */
final class OrmTesting {
    private OrmTesting() {
    }

    /** Drops (if present) and creates the registry's tables on the backend's shared engine. */
    static Engine fresh(Backend backend, Registry registry) {
        Engine e = backend.engine();
        registry.metadata().dropAll(e, true);
        registry.metadata().createAll(e);
        return e;
    }

    /** Records every statement the engine executes until closed. */
    static final class Statements implements AutoCloseable {
        final List<String> sql = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        private final EngineEvents.Registration registration;

        Statements(Engine engine) {
            registration = engine.events().beforeExecute(ctx -> {
                sql.add(ctx.sql());
                batchSizes.add(ctx.parameters().size());
            });
        }

        int count() {
            return sql.size();
        }

        List<String> matching(String prefix) {
            return sql.stream().filter(s -> s.startsWith(prefix)).toList();
        }

        void clear() {
            sql.clear();
            batchSizes.clear();
        }

        @Override
        public void close() {
            registration.close();
        }
    }
}
