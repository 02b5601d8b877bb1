package org.jalchemy.sql;

import org.jalchemy.engine.CompiledCache;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.StringType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.*;

/** The structural cache key: same shape shares compiled SQL, different shape never does. */
class CompiledCacheTest {
    static final ColumnClause<Integer> ID = column("id", IntegerType.INSTANCE);
    static final ColumnClause<String> NAME = column("name", new StringType(20));
    static final TableClause items = table("cc_items", ID, NAME);
    static final ColumnClause<Integer> iId = items.c(ID);
    static final ColumnClause<String> iName = items.c(NAME);

    @BackendTest
    void aShapeIsCompiledOnceWhateverItsValues(Backend backend) {
        Engine e = backend.newEngine(o -> o);
        try (e) {
            Db.dropTables(e, "cc_items");
            Db.exec(e, "CREATE TABLE cc_items (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            try (Connection c = e.connect()) {
                for (int i = 0; i < 5; i++) {
                    c.execute(insert(items).values(java.util.Map.of("id", i, "name", "n" + i)));
                }
                CompiledCache.Stats before = e.compiledCache().stats();
                for (int i = 0; i < 5; i++) {
                    assertThat(c.execute(select(iName).where(iId.eq(i))).scalarOne()).isEqualTo("n" + i);
                }
                CompiledCache.Stats after = e.compiledCache().stats();
                assertThat(after.misses() - before.misses()).as("compiled once").isEqualTo(1);
                assertThat(after.hits() - before.hits()).isEqualTo(4);
                c.execute(select(iName).where(iId.gt(1)));
                assertThat(e.compiledCache().stats().misses() - after.misses()).as("another shape").isEqualTo(1);
            }
        }
    }

    /** A statement that counts how often its structural cache key is computed. */
    static final class CountingKey implements Executable {
        final TextClause inner;
        int keys;

        CountingKey(TextClause inner) {
            this.inner = inner;
        }

        @Override
        public Compiled compile(org.jalchemy.dialect.Dialect dialect) {
            return inner.compile(dialect);
        }

        @Override
        public Object cacheKey() {
            keys++;
            return inner.cacheKey();
        }

        @Override
        public Object[] boundValues() {
            return inner.boundValues();
        }
    }

    @BackendTest
    void aConnectionReusesTheLastStatementsCompiledFormWithoutALookup(Backend backend) {
        Engine e = backend.newEngine(o -> o);
        try (e) {
            Db.dropTables(e, "cc_items");
            Db.exec(e, "CREATE TABLE cc_items (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            CountingKey byId = new CountingKey(text("SELECT name FROM cc_items WHERE id = :id").columns(NAME));
            CountingKey all = new CountingKey(text("SELECT name FROM cc_items ORDER BY id").columns(NAME));
            try (Connection c = e.connect()) {
                for (int i = 0; i < 3; i++) {
                    c.execute(insert(items).values(java.util.Map.of("id", i, "name", "n" + i)));
                }
                c.commit();
                CompiledCache.Stats before = e.compiledCache().stats();
                for (int i = 0; i < 3; i++) {
                    assertThat(c.execute(byId, java.util.Map.of("id", i)).scalarOne()).isEqualTo("n" + i);
                }
                assertThat(byId.keys).as("the key is computed for the first execution only").isEqualTo(1);
                assertThat(c.execute(all).scalars().all()).containsExactly("n0", "n1", "n2");
                assertThat(c.execute(byId, java.util.Map.of("id", 2)).scalarOne()).as("after another statement")
                        .isEqualTo("n2");
                assertThat(byId.keys).as("another statement replaced the memo: looked up again").isEqualTo(2);
                CompiledCache.Stats after = e.compiledCache().stats();
                assertThat(after.misses() - before.misses()).as("two shapes").isEqualTo(2);
                assertThat(after.hits() - before.hits()).as("memo hits count as cache hits").isEqualTo(3);
            }
            try (Connection c = e.connect()) {
                assertThat(c.execute(byId, java.util.Map.of("id", 1)).scalarOne()).isEqualTo("n1");
                assertThat(byId.keys).as("another connection has its own memo").isEqualTo(3);
            }
        }
    }

    @BackendTest
    void engineCompileGoesThroughTheCacheAsExecuteDoes(Backend backend) {
        Engine e = backend.newEngine(o -> o);
        try (e) {
            CompiledCache.Stats before = e.compiledCache().stats();
            Compiled first = e.compile(select(iName).where(iId.eq(1)));
            Compiled again = e.compile(select(iName).where(iId.eq(2)));
            CompiledCache.Stats after = e.compiledCache().stats();
            assertThat(again).as("the same shape: the cached compiled form").isSameAs(first);
            assertThat(after.misses() - before.misses()).isEqualTo(1);
            assertThat(after.hits() - before.hits()).isEqualTo(1);
            assertThat(first.sql()).isEqualTo(select(iName).where(iId.eq(1)).compile(e.dialect()).sql());
        }
    }

    private static Object key(StatementBase s) {
        return s.cacheKey();
    }

    @Test
    void equalShapesHaveEqualKeysAndValuesInSlotOrder() {
        Select<?> a = select(iName).where(iId.eq(1), iName.like("x%")).limit(5);
        Select<?> b = select(iName).where(iId.eq(2), iName.like("y%")).limit(9);
        assertThat(key(a)).isEqualTo(key(b)).hasSameHashCodeAs(key(b));
        assertThat(b.boundValues()).containsExactly(2, "y%", 9);
        assertThat(a.compile(org.jalchemy.dialect.Dialects.get("sqlite")).sql())
                .isEqualTo(b.compile(org.jalchemy.dialect.Dialects.get("sqlite")).sql());
    }

    @Test
    void differentShapesHaveDifferentKeys() {
        Select<?> base = select(iName).where(iId.eq(1));
        assertThat(key(base)).isNotEqualTo(key(select(iName).where(iId.ne(1))));
        assertThat(key(base)).isNotEqualTo(key(select(iId).where(iId.eq(1))));
        assertThat(key(base)).isNotEqualTo(key(base.limit(1)));
        assertThat(key(base)).isNotEqualTo(key(base.orderBy(iId)));
        assertThat(key(base)).isNotEqualTo(key(base.orderBy(iId.desc())));
        assertThat(key(base)).isNotEqualTo(key(select(table("other", ID).c(ID))));
        assertThat(key(select(iName).where(iId.in(1, 2)))).isNotEqualTo(key(select(iName).where(iId.in(1, 2, 3))));
        assertThat(key(select(iName).where(iId.in(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))))
                .as("IN lists are padded to a power of two")
                .isEqualTo(key(select(iName).where(iId.in(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)))));
        assertThat(key(insert(items).values(java.util.Map.of("id", 1))))
                .isNotEqualTo(key(insert(items).values(java.util.Map.of("name", "x"))));
        assertThat(key(select(iName).where(iName.eq("a"))))
                .isNotEqualTo(key(select(iName).where(iName.eq(bindparam("a", new StringType(20))))));
    }

    @Test
    void sameBindUsedTwiceIsNotTheSameShapeAsTwoBinds() {
        ColumnElement<Integer> one = literal(1, IntegerType.INSTANCE);
        Select<?> twice = select(iName).where(iId.eq(one), iId.ne(one));
        Select<?> two = select(iName).where(iId.eq(literal(1, IntegerType.INSTANCE)), iId.ne(literal(1, IntegerType.INSTANCE)));
        assertThat(key(twice)).isNotEqualTo(key(two));
        assertThat(twice.boundValues()).hasSize(1);
        assertThat(two.boundValues()).hasSize(2);
    }

    @Test
    void anonymousSubqueriesUsedTwiceVersusTwoSubqueries() {
        Alias sq = select(iId).subquery();
        Select<?> self = select(sq.c(iId)).where(sq.c(iId).eq(sq.c(iId)));
        Alias sq2 = select(iId).subquery();
        Select<?> pair = select(sq.c(iId)).where(sq.c(iId).eq(sq2.c(iId)));
        assertThat(key(self)).isNotEqualTo(key(pair));
        assertThat(pair.toString()).contains("anon_1").contains("anon_2");
        assertThat(self.toString()).doesNotContain("anon_2");
    }
}
