package org.jalchemy.orm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jalchemy.orm.loadmodel.Profile;
import org.jalchemy.orm.loadmodel.Profile_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.select;

/** Map/List/record/JsonNode fields as JSON columns, and in-place mutation detected at flush, on every backend. */
class JsonFieldsTest {

    private static SessionFactory seeded(Backend backend) throws Exception {
        SessionFactory factory = SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(Profile.class)));
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
            Profile p = session.execute(select(Profile.class)).scalars().one();
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
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Profile p = session.execute(select(Profile.class)).scalars().one();
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
            sql.clear();
            p = session.execute(select(Profile.class)).scalars().one();
            p.address = new Profile.Address("Cusco", "08000"); // a record is replaced, not changed in place
            session.commit();
            assertThat(sql.matching("UPDATE")).hasSize(1);
        }
        try (Session session = factory.open()) {
            Profile p = session.execute(select(Profile.class)).scalars().one();
            assertThat(p.settings).containsEntry("theme", "dark");
            assertThat(p.tags).isEqualTo(List.of("admin", "editor"));
            assertThat(p.extra.get("d").asText()).isEqualTo("new");
            assertThat(p.address.city()).isEqualTo("Cusco");
        }
    }
}
