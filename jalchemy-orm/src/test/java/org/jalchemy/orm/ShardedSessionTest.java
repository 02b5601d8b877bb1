package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.scalemodel.Customer;
import org.jalchemy.orm.scalemodel.Customer_;
import org.jalchemy.orm.scalemodel.PurchaseOrder;
import org.jalchemy.orm.shard.IdentityKey;
import org.jalchemy.orm.shard.ShardedSession;
import org.jalchemy.orm.shard.ShardedSessionFactory;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.bind;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.text;

/**
 * {@link ShardedSession} on every backend, with two databases of one server as the shards "eu"
 * and "us" (customers by region; orders in their customer's shard). The same behaviour on two
 * separate PostgreSQL servers is {@code ShardClusterTest}.
 */
class ShardedSessionTest {
    static final Registry MODELS = Registry.of(Customer.class, PurchaseOrder.class);

    /** Two shard databases and a factory routing customers by region, ids in any shard. */
    record Shards(Engine eu, Engine us, ShardedSessionFactory factory) implements AutoCloseable {
        static Shards of(Backend b) {
            Engine eu = Db.isolatedDatabase(b, "shard_eu");
            Engine us = Db.isolatedDatabase(b, "shard_us");
            return new Shards(eu, us, regionFactory(eu, us));
        }

        /** Shards on two engines whose tables are dropped and created anew. */
        static Shards on(Engine eu, Engine us) {
            MODELS.metadata().dropAll(eu, true);
            MODELS.metadata().dropAll(us, true);
            return new Shards(eu, us, regionFactory(eu, us));
        }

        @Override
        public void close() {
            eu.dispose();
            us.dispose();
        }
    }

    /** The recipe of the guide: region decides, identities and queries may be anywhere. */
    static ShardedSessionFactory regionFactory(Engine eu, Engine us) {
        MODELS.metadata().createAll(eu);
        MODELS.metadata().createAll(us);
        // tag::sharded-factory[]
        return ShardedSessionFactory.builder()
                .shard("eu", eu)
                .shard("us", us)
                .shardChooser((mapper, obj) -> obj instanceof Customer c ? c.region : "eu")
                .identityChooser((mapper, id) -> List.of("eu", "us"))
                .queryChooser(statement -> List.of("eu", "us"))
                .build();
        // end::sharded-factory[]
    }

    static long rows(Engine e, String table) {
        return Db.count(e, table);
    }

    static void seed(ShardedSessionFactory factory) {
        factory.inTransaction(s -> {
            Customer ana = new Customer(1, "eu", "ana");
            ana.orders.add(new PurchaseOrder(1, 30));
            ana.orders.add(new PurchaseOrder(2, 10));
            Customer bob = new Customer(2, "us", "bob");
            bob.orders.add(new PurchaseOrder(3, 20));
            Customer eve = new Customer(3, "eu", "eve");
            Customer dan = new Customer(4, "us", "dan");
            dan.orders.add(new PurchaseOrder(4, 40));
            s.addAll(List.of(ana, bob, eve, dan));
        });
    }

    @BackendTest
    void newObjectsGoWhereTheShardChooserSaysAndChildrenFollowTheirParent(Backend b) {
        try (Shards sh = Shards.of(b)) {
            newObjectsGoWhereTheShardChooserSaysAndChildrenFollowTheirParent(sh);
        }
    }

    @BackendTest
    void getAsksTheIdentityChooserAndTheIdentityKeyCarriesTheShard(Backend b) {
        try (Shards sh = Shards.of(b)) {
            getAsksTheIdentityChooserAndTheIdentityKeyCarriesTheShard(sh);
        }
    }

    @BackendTest
    void theSameKeyOnTwoShardsIsTwoObjects(Backend b) {
        try (Shards sh = Shards.of(b)) {
            theSameKeyOnTwoShardsIsTwoObjects(sh);
        }
    }

    @BackendTest
    void fanOutMergesWithOrderByOffsetAndLimitAppliedAfterTheMerge(Backend b) {
        try (Shards sh = Shards.of(b)) {
            fanOutMergesWithOrderByOffsetAndLimitAppliedAfterTheMerge(sh);
        }
    }

    @BackendTest
    void relationshipsStayWithinOneShard(Backend b) {
        try (Shards sh = Shards.of(b)) {
            relationshipsStayWithinOneShard(sh);
        }
    }

    @BackendTest
    void bulkStatementsRunOnEveryChosenShard(Backend b) {
        try (Shards sh = Shards.of(b)) {
            bulkStatementsRunOnEveryChosenShard(sh);
        }
    }

    @BackendTest
    void aFailedTransactionRollsBackEveryShard(Backend b) {
        try (Shards sh = Shards.of(b)) {
            aFailedTransactionRollsBackEveryShard(sh);
        }
    }

    /** Scenario newObjectsGoWhereTheShardChooserSaysAndChildrenFollowTheirParent, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void newObjectsGoWhereTheShardChooserSaysAndChildrenFollowTheirParent(Shards sh) {
        seed(sh.factory());
        assertThat(rows(sh.eu(), "scale_customers")).isEqualTo(2);
        assertThat(rows(sh.us(), "scale_customers")).isEqualTo(2);
        assertThat(rows(sh.eu(), "scale_orders")).as("ana's two orders").isEqualTo(2);
        assertThat(rows(sh.us(), "scale_orders")).as("bob's and dan's").isEqualTo(2);
        try (ShardedSession s = sh.factory().open()) {
            Customer eve = s.get(Customer.class, 3).orElseThrow();
            PurchaseOrder late = new PurchaseOrder(5, 5);
            late.customer = eve; // a child pointing at an object of the eu shard joins that shard
            s.add(late);
            assertThat(s.shardOf(late)).contains("eu");
            s.commit();
        }
        assertThat(rows(sh.eu(), "scale_orders")).isEqualTo(3);
    }
    /** Scenario getAsksTheIdentityChooserAndTheIdentityKeyCarriesTheShard, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void getAsksTheIdentityChooserAndTheIdentityKeyCarriesTheShard(Shards sh) {
        seed(sh.factory());
        try (ShardedSession s = sh.factory().open()) {
            Customer dan = s.get(Customer.class, 4).orElseThrow();
            assertThat(dan.name).isEqualTo("dan");
            assertThat(s.identityKey(dan)).isEqualTo(new IdentityKey(Customer.class, 4, "us"));
            assertThat(s.get(Customer.class, 4).orElseThrow()).as("identity map").isSameAs(dan);
            assertThat(s.get(Customer.class, 99)).isEmpty();
            assertThat(dan.orders).as("lazy load on dan's shard").extracting(o -> o.amount).containsExactly(40);
        }
    }
    /** Scenario theSameKeyOnTwoShardsIsTwoObjects, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void theSameKeyOnTwoShardsIsTwoObjects(Shards sh) {
        sh.factory().inTransaction(s -> {
            s.add(new Customer(7, "eu", "seven-eu"));
            s.add(new Customer(7, "us", "seven-us"));
        });
        try (ShardedSession s = sh.factory().open()) {
            List<Customer> sevens = s.scalars(select(Customer.class).where(Customer_.id.eq(7)).orderBy(Customer_.name))
                    .all();
            assertThat(sevens).extracting(c -> c.name).containsExactly("seven-eu", "seven-us");
            assertThat(sevens.get(0)).isNotSameAs(sevens.get(1));
            assertThat(sevens).extracting(s::identityKey).containsExactly(
                    new IdentityKey(Customer.class, 7, "eu"), new IdentityKey(Customer.class, 7, "us"));
            assertThat(s.identityMapSize()).isEqualTo(2);
            assertThat(s.scalars(select(Customer.class).where(Customer_.id.eq(7)).options(bind("us"))).one().name)
                    .isEqualTo("seven-us");
        }
    }
    /** Scenario fanOutMergesWithOrderByOffsetAndLimitAppliedAfterTheMerge, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void fanOutMergesWithOrderByOffsetAndLimitAppliedAfterTheMerge(Shards sh) {
        seed(sh.factory());
        try (ShardedSession s = sh.factory().open()) {
            // tag::sharded-query[]
            List<PurchaseOrder> biggest = s.scalars(select(PurchaseOrder.class)
                    .orderBy(org.jalchemy.orm.scalemodel.PurchaseOrder_.amount.desc()).limit(3)).all();
            // end::sharded-query[]
            assertThat(biggest).extracting(o -> o.amount).containsExactly(40, 30, 20);
            assertThat(s.scalars(select(Customer.class).orderBy(Customer_.name).offset(1).limit(2)).all())
                    .extracting(c -> c.name).containsExactly("bob", "dan");
            assertThat(s.execute(Orm.select(Customer_.region, Customer_.name).orderBy(Customer_.region.desc(),
                    Customer_.name)).all()).extracting(r -> r.get(0) + "/" + r.get(1))
                    .containsExactly("us/bob", "us/dan", "eu/ana", "eu/eve");
            List<OrmResult.OrmRow> rows = s.execute(Orm.select(Customer_.name).orderBy(Customer_.id.desc()).limit(1)).all();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).size()).as("the sort column added for the merge is not returned").isEqualTo(1);
            assertThat(rows.get(0).get(0)).isEqualTo("dan");
            assertThat(s.scalars(select(Customer.class)).all()).as("no ORDER BY: shard order").hasSize(4);
            assertThat(s.execute(org.jalchemy.sql.Sql.select(org.jalchemy.sql.Sql.func.count()).selectFrom(Orm.table(Customer.class)))
                    .scalars().all()).as("aggregates are per shard, not combined").containsExactly(2L, 2L);
        }
    }
    /** Scenario relationshipsStayWithinOneShard, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void relationshipsStayWithinOneShard(Shards sh) {
        seed(sh.factory());
        try (ShardedSession s = sh.factory().open()) {
            Customer ana = s.get(Customer.class, 1).orElseThrow();
            Customer bob = s.get(Customer.class, 2).orElseThrow();
            assertThat(s.shardOf(ana)).contains("eu");
            assertThat(s.shardOf(bob)).contains("us");
            PurchaseOrder bobs = bob.orders.get(0);
            assertThatThrownBy(() -> ana.orders.add(bobs)).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("shard 'us'").hasMessageContaining("shard 'eu'")
                    .hasMessageContaining("within one shard");
        }
    }
    /** Scenario bulkStatementsRunOnEveryChosenShard, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void bulkStatementsRunOnEveryChosenShard(Shards sh) {
        seed(sh.factory());
        try (ShardedSession s = sh.factory().open()) {
            var r = s.execute(Orm.update(PurchaseOrder.class).values(java.util.Map.of("amount", 1)));
            assertThat(r.rowcount()).isEqualTo(4);
            s.commit();
        }
        assertThat(Db.count(sh.us(), "scale_orders")).isEqualTo(2);
        try (org.jalchemy.engine.Connection c = sh.us().connect()) {
            assertThat(((Number) c.execute(text("SELECT SUM(amount) FROM scale_orders")).scalarOne()).intValue())
                    .isEqualTo(2);
        }
        try (ShardedSession s = sh.factory().open()) {
            assertThatThrownBy(() -> s.execute(select(Customer.class).options(bind("asia"))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("'asia'").hasMessageContaining("eu, us");
            assertThatThrownBy(s::connection).isInstanceOf(InvalidRequestError.class).hasMessageContaining("shard(id)");
        }
    }
    /** Scenario aFailedTransactionRollsBackEveryShard, on shards {@code sh} (also run on two real servers by ShardClusterTest). */
    static void aFailedTransactionRollsBackEveryShard(Shards sh) {
        seed(sh.factory());
        assertThatThrownBy(() -> sh.factory().inTransaction(s -> {
            s.add(new Customer(10, "eu", "ten"));
            s.add(new Customer(11, "us", "eleven"));
            s.flush();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(rows(sh.eu(), "scale_customers")).isEqualTo(2);
        assertThat(rows(sh.us(), "scale_customers")).isEqualTo(2);
        assertThat(sh.eu().poolStatus().checkedOut()).isZero();
        assertThat(sh.us().poolStatus().checkedOut()).isZero();
    }

    @BackendTest
    void aFactoryNeedsItsChoosers(Backend b) {
        assertThatThrownBy(() -> ShardedSessionFactory.builder().shard("a", b.engine()).build())
                .isInstanceOf(ArgumentError.class).hasMessageContaining("shardChooser, identityChooser, queryChooser");
        assertThatThrownBy(() -> ShardedSessionFactory.builder().build()).hasMessageContaining("at least one shard");
    }
}
