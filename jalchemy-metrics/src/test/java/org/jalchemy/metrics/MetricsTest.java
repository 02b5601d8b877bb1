package org.jalchemy.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jalchemy.cache.CaffeineBackend;
import org.jalchemy.cache.QueryCache;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.TimeoutError;
import org.jalchemy.metrics.model.Author;
import org.jalchemy.metrics.model.Book;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.TableClause;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.table;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** The Micrometer binder: pool, statements per shape, errors by kind, ORM and cache meters, with bounded tags. */
class MetricsTest {
    static final Registry MODELS = Registry.of(Author.class, Book.class);
    static final TableClause ITEMS = table("mt_items", column("id", integer()), column("name", string(50)));
    static final ColumnClause<Integer> ID = ITEMS.c("id", Integer.class);

    static void seed(Backend backend) {
        org.jalchemy.testing.Db.dropTables(backend.engine(), "mt_items");
        org.jalchemy.testing.Db.exec(backend.engine(), "CREATE TABLE mt_items (id INTEGER PRIMARY KEY, name VARCHAR(50))");
        MODELS.metadata().dropAll(backend.engine(), true);
        MODELS.metadata().createAll(backend.engine());
    }

    @BackendTest
    void statementsArePerShapeWithBoundedTagsAndErrorsByKind(Backend backend) {
        seed(backend);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = backend.newEngine(o -> o); JalchemyMetrics metrics = new JalchemyMetrics(engine, "main", 3)) {
            metrics.bindTo(registry);
            try (Connection c = engine.connect()) {
                c.execute(insert(ITEMS).values(Map.of("id", 1, "name", "a")));
                for (int i = 0; i < 3; i++) {
                    c.execute(select(ITEMS.c("name")).selectFrom(ITEMS).where(ID.eq(i))).all();
                }
                assertThatThrownBy(() -> c.execute(insert(ITEMS).values(Map.of("id", 1, "name", "dup"))))
                        .isInstanceOf(IntegrityError.class);
                c.rollback();
                // more shapes than maxShapes (3): the rest share shape=other
                c.execute(select(ITEMS.c("id")).selectFrom(ITEMS)).all();
                c.execute(select(ITEMS.c("name"), ITEMS.c("id")).selectFrom(ITEMS)).all();
            }
            var selects = registry.find("jalchemy.statements").tags("engine", "main", "operation", "select", "table", "mt_items")
                    .timers();
            assertThat(selects).isNotEmpty();
            assertThat(selects.stream().mapToLong(t -> t.count()).max().orElse(0)).isEqualTo(3);
            assertThat(registry.get("jalchemy.statements").tags("operation", "insert").timer().count()).isEqualTo(1);
            assertThat(registry.get("jalchemy.statements").tags("shape", "other").timer().count()).isEqualTo(1);
            assertThat(registry.get("jalchemy.statements.errors").tags("kind", "IntegrityError", "operation", "insert")
                    .counter().count()).isEqualTo(1);
            for (Meter m : registry.find("jalchemy.statements").meters()) {
                for (var tag : m.getId().getTags()) {
                    assertThat(tag.getValue()).doesNotContain("SELECT").doesNotContain("?"); // never SQL text
                }
            }
            assertThat(registry.get("jalchemy.pool.usage").timer().count()).isEqualTo(1);
            assertThat(registry.get("jalchemy.pool.connections.active").gauge().value()).isZero();
        }
    }

    @BackendTest
    void poolTimeoutsAndActiveConnectionsAreCounted(Backend backend) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = backend.newEngine(o -> o.poolSize(1).maxOverflow(0).poolTimeout(Duration.ofMillis(300)));
             JalchemyMetrics metrics = new JalchemyMetrics(engine)) {
            metrics.bindTo(registry);
            try (Connection held = engine.connect()) {
                held.execute(select(org.jalchemy.sql.Sql.literal(1))).all();
                if (!backend.isSqlite()) { // SQLite file engines pool too; in-memory ones would share
                    assertThat(registry.get("jalchemy.pool.connections.active").gauge().value()).isEqualTo(1);
                }
                assertThatThrownBy(engine::connect).isInstanceOf(TimeoutError.class);
            }
            assertThat(registry.get("jalchemy.pool.timeouts").counter().count()).isEqualTo(1);
        }
    }

    @BackendTest
    void ormFlushSizesObjectsLoadedLazyLoadsAndNPlusOne(Backend backend) {
        seed(backend);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = backend.newEngine(o -> o)) {
            SessionFactory sessions = SessionFactory.builder(engine).warnOnNPlusOne(2).build();
            try (JalchemyMetrics metrics = new JalchemyMetrics(engine, "main", 200).orm(sessions)) {
                metrics.bindTo(registry);
                try (Session s = sessions.open()) {
                    for (int i = 1; i <= 3; i++) {
                        Author a = new Author(i, "author" + i);
                        Book b = new Book(i, "book" + i);
                        a.books.add(b);
                        s.add(a);
                    }
                    s.commit();
                }
                try (Session s = sessions.open()) {
                    List<Author> authors = s.scalars(org.jalchemy.orm.Orm.select(Author.class)).all();
                    for (Author a : authors) {
                        assertThat(a.books).hasSize(1); // one lazy load per author: N+1
                    }
                }
                var flush = registry.get("jalchemy.orm.flush.objects").summary();
                assertThat(flush.count()).isEqualTo(1);
                assertThat(flush.totalAmount()).isEqualTo(6);
                assertThat(registry.get("jalchemy.orm.objects.loaded").tags("entity", "Author").counter().count()).isEqualTo(3);
                assertThat(registry.get("jalchemy.orm.objects.loaded").tags("entity", "Book").counter().count()).isEqualTo(3);
                assertThat(registry.get("jalchemy.orm.lazy.loads").tags("relationship", "Author.books").counter().count())
                        .isEqualTo(3);
                assertThat(registry.get("jalchemy.orm.nplusone").counter().count()).isEqualTo(1);
            }
        }
    }

    @BackendTest
    void cacheHitsMissesAndPutsPerRegion(Backend backend) {
        seed(backend);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache cache = QueryCache.builder().region("items", CaffeineBackend.create()).install(engine);
             JalchemyMetrics metrics = new JalchemyMetrics(engine, "main", 200).cache(cache)) {
            metrics.bindTo(registry);
            for (int i = 0; i < 3; i++) {
                try (Connection c = engine.connect()) {
                    c.execute(select(ITEMS.c("name")).selectFrom(ITEMS).options(QueryCache.cache("items"))).all();
                }
            }
            assertThat(registry.get("jalchemy.cache.gets").tags("region", "items", "result", "hit").functionCounter()
                    .count()).isEqualTo(2);
            assertThat(registry.get("jalchemy.cache.gets").tags("result", "miss").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jalchemy.cache.puts").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jalchemy.cache.errors").functionCounter().count()).isZero();
        }
    }
}
