package org.jalchemy.examples.orm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.select;

/**
 * Map/List/record/JsonNode fields as JSON columns, and in-place mutation detected at flush, on every
 * backend. Here rather than in jalchemy-orm because it needs Jackson on the class path, which the
 * ORM module's tests leave out to check the error raised without it.
 */
class JsonFieldsTest {

    /** The SQL an engine runs while open. */
    private static final class Statements implements AutoCloseable {
        final List<String> sql = Collections.synchronizedList(new ArrayList<>());
        private final EngineEvents.Registration registration;

        Statements(Engine engine) {
            registration = engine.events().beforeExecute(ctx -> sql.add(ctx.sql()));
        }

        List<String> matching(String prefix) {
            return sql.stream().filter(s -> s.startsWith(prefix)).toList();
        }

        @Override
        public void close() {
            registration.close();
        }
    }

    private static SessionFactory seeded(Backend backend) throws Exception {
        Registry registry = Registry.of(Profile.class);
        registry.metadata().dropAll(backend.engine(), true);
        registry.metadata().createAll(backend.engine());
        SessionFactory factory = SessionFactory.bind(backend.engine());
        try (Session session = factory.open()) {
            Profile p = new Profile("ana");
            p.settings.put("theme", "light");
            p.settings.put("size", 12);
            p.tags.add("admin");
            p.address = new Profile.Address("Lima", "15001");
            p.extra = new ObjectMapper().readTree("{\"a\": [1, 2], \"b\": {\"c\": true}}");
            session.add(p);
            session.commit();
        }
        return factory;
    }

    @BackendTest
    void jsonValuesRoundTrip(Backend backend) throws Exception {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            Profile p = session.scalars(select(Profile.class)).one();
            assertThat(p.settings).isEqualTo(Map.of("theme", "light", "size", 12));
            assertThat(p.tags).containsExactly("admin");
            assertThat(p.address).isEqualTo(new Profile.Address("Lima", "15001"));
            assertThat(p.extra.get("b").get("c").asBoolean()).isTrue();
            assertThat(p.extra.get("a").size()).isEqualTo(2);
        }
    }

    @BackendTest
    void inPlaceChangesAreDetectedBySnapshotAtFlush(Backend backend) throws Exception {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); Statements sql = new Statements(factory.engine())) {
            Profile p = session.scalars(select(Profile.class)).one();
            session.flush();
            assertThat(sql.matching("UPDATE")).isEmpty(); // reading is not a change
            // tag::json-mutation[]
            p.settings.put("theme", "dark"); // no setter, no wrapper: compared with a copy at flush
            p.tags.add("editor");
            ((ObjectNode) p.extra).put("d", "new");
            session.commit();                // one UPDATE of settings, tags and extra
            // end::json-mutation[]
            assertThat(sql.matching("UPDATE")).singleElement().satisfies(u ->
                    assertThat(u).contains("settings", "tags", "extra").doesNotContain("address"));
            sql.sql.clear();
            p = session.scalars(select(Profile.class)).one();
            p.address = new Profile.Address("Cusco", "08000"); // a record is replaced, not changed in place
            session.commit();
            assertThat(sql.matching("UPDATE")).hasSize(1);
        }
        try (Session session = factory.open()) {
            Profile p = session.scalars(select(Profile.class)).one();
            assertThat(p.settings).containsEntry("theme", "dark");
            assertThat(p.tags).isEqualTo(List.of("admin", "editor"));
            assertThat(p.extra.get("d").asText()).isEqualTo("new");
            assertThat(p.address.city()).isEqualTo("Cusco");
        }
    }
}
