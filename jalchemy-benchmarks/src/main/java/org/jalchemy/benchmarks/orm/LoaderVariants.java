package org.jalchemy.benchmarks.orm;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.mapping.RelationshipAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The loaders workload with jalchemy relationships (SQLAlchemy's loader comparison): parents
 * and their children loaded lazily (one SELECT per parent: the N+1 pattern, measured on purpose),
 * by one joined statement, or by selectin (parents, then children by IN lists of 1000 keys).
 * The baseline is {@code handwritten}: the same two-query plan written by hand in JDBC.
 */
public final class LoaderVariants {
    private static final Map<BenchBackend, SessionFactory> FACTORIES = new ConcurrentHashMap<>();

    private LoaderVariants() {
    }

    /** A parent row with its children. */
    @Entity(table = "ld_parent")
    public static class LdParent {
        @Id public Integer id;
        @Column(length = 255) public String name;
        @Relationship(backPopulates = "parent")
        public List<LdChild> children = new ArrayList<>();

        protected LdParent() {
        }
    }

    /** A child row. */
    @Entity(table = "ld_child")
    public static class LdChild {
        @Id public Integer id;
        @ForeignKey("ld_parent.id") public Integer parentId;
        @Column(length = 255) public String name;
        @Relationship(backPopulates = "children")
        public LdParent parent;

        protected LdChild() {
        }
    }

    private static final RelationshipAttribute<LdParent, Object> CHILDREN = Orm.rel(LdParent.class, "children");

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LOADERS, "lazy", (b, n) -> run(b, null)),
                Variant.of(Workload.LOADERS, "joined", (b, n) -> run(b, Orm::joinedload)),
                Variant.of(Workload.LOADERS, "selectin", (b, n) -> run(b, Orm::selectinload)));
    }

    private static long run(BenchBackend b, Function<RelationshipAttribute<LdParent, Object>, LoaderOption<?>> option) {
        SessionFactory f = FACTORIES.computeIfAbsent(b, x -> SessionFactory.bind(x.engine()));
        long sum = 0;
        try (Session s = f.open()) {
            var select = Orm.select(LdParent.class).orderBy(Orm.mapper(LdParent.class).attribute("id"));
            if (option != null) {
                select = select.options(option.apply(CHILDREN));
            }
            List<LdParent> parents = s.scalars(select).all();
            for (LdParent p : parents) {
                sum += Checksums.named(p.id, p.name);
                for (LdChild c : p.children) { // lazy: one SELECT here per parent
                    sum += Checksums.named(c.id, c.name);
                }
            }
        }
        return sum;
    }
}
