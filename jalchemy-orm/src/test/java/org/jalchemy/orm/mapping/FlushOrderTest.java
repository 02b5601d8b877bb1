package org.jalchemy.orm.mapping;

import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.internal.unitofwork.FlushOrder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Topological ordering of mappers by foreign keys; no database. */
class FlushOrderTest {

    @Entity(table = "fo_a")
    static class A {
        @Id
        Integer id;
        @ForeignKey("fo_b.id")
        Integer bId;
        @ForeignKey("fo_a.id")
        Integer parentId; // self-reference: ignored for ordering
    }

    @Entity(table = "fo_b")
    static class B {
        @Id
        Integer id;
        @ForeignKey("fo_c.id")
        Integer cId;
    }

    @Entity(table = "fo_c")
    static class C {
        @Id
        Integer id;
    }

    @Entity(table = "fo_x")
    static class X {
        @Id
        Integer id;
        @ForeignKey("fo_y.id")
        Integer yId;
    }

    @Entity(table = "fo_y")
    static class Y {
        @Id
        Integer id;
        @ForeignKey("fo_x.id")
        Integer xId;
    }

    @Test
    void referencedTablesComeFirst() {
        assertThat(FlushOrder.sort(List.of(Mapper.of(Post.class), Mapper.of(User.class))))
                .extracting(Mapper::tableName).containsExactly("users", "posts");
        assertThat(FlushOrder.sort(List.of(Mapper.of(A.class), Mapper.of(B.class), Mapper.of(C.class))))
                .extracting(Mapper::tableName).containsExactly("fo_c", "fo_b", "fo_a");
    }

    @Test
    void independentMappersKeepTheirOrderAndMissingTargetsAreIgnored() {
        assertThat(FlushOrder.sort(List.of(Mapper.of(C.class), Mapper.of(User.class))))
                .extracting(Mapper::tableName).containsExactly("fo_c", "users");
        assertThat(FlushOrder.sort(List.of(Mapper.of(A.class), Mapper.of(C.class))))
                .extracting(Mapper::tableName).containsExactly("fo_a", "fo_c"); // fo_b not flushed: no constraint
    }

    @Test
    void cyclesKeepGivenOrderAfterTheirDependencies() {
        assertThat(FlushOrder.sort(List.of(Mapper.of(Y.class), Mapper.of(X.class), Mapper.of(C.class))))
                .extracting(Mapper::tableName).containsExactly("fo_c", "fo_y", "fo_x");
    }
}
