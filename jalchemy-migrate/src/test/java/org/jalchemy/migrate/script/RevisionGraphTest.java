package org.jalchemy.migrate.script;

import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.TestMigration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revision graph: heads, targets (Alembic's forms) and plans; no database. */
class RevisionGraphTest {

    private static RevisionGraph graph(TestMigration... ms) {
        return new RevisionGraph(List.of(ms).stream().map(m -> Revision.of(m, null)).toList());
    }

    private static List<String> ids(List<Revision> rs) {
        return rs.stream().map(Revision::id).toList();
    }

    // a -> b -> c   (linear)
    private final RevisionGraph linear = graph(TestMigration.empty("a1"), TestMigration.empty("b2", "a1"),
            TestMigration.empty("c3", "b2"));

    @Test
    void linearHeadsBasesAndPlans() {
        assertThat(ids(linear.heads())).containsExactly("c3");
        assertThat(ids(linear.bases())).containsExactly("a1");
        assertThat(ids(linear.upgradePlan(Set.of(), linear.resolveUpgrade("head", Set.of())))).containsExactly("a1", "b2", "c3");
        assertThat(ids(linear.upgradePlan(linear.applied(Set.of("a1")), Set.of("c3")))).containsExactly("b2", "c3");
        assertThat(ids(linear.downgradePlan(linear.applied(Set.of("c3")), linear.resolveDowngrade("base", Set.of("c3")))))
                .containsExactly("c3", "b2", "a1");
    }

    @Test
    void relativeTargets() {
        assertThat(linear.resolveUpgrade("+1", Set.of())).containsExactly("a1");
        assertThat(linear.resolveUpgrade("+2", Set.of("a1"))).containsExactly("c3");
        assertThat(linear.resolveUpgrade("a1+1", Set.of())).containsExactly("b2");
        assertThat(linear.resolveDowngrade("-1", Set.of("c3"))).containsExactly("c3");
        assertThat(linear.resolveDowngrade("-2", Set.of("c3"))).containsExactlyInAnyOrder("c3", "b2");
        assertThat(ids(linear.downgradePlan(linear.applied(Set.of("c3")), linear.resolveDowngrade("a1", Set.of("c3")))))
                .containsExactly("c3", "b2");
        assertThat(linear.resolveDowngrade("-3", Set.of("c3"))).containsExactlyInAnyOrder("a1", "b2", "c3");
        assertThatThrownBy(() -> linear.resolveDowngrade("-4", Set.of("c3"))).isInstanceOf(MigrationError.class)
                .hasMessageContaining("below base");
        assertThatThrownBy(() -> linear.resolveUpgrade("+1", Set.of("c3"))).isInstanceOf(MigrationError.class)
                .hasMessageContaining("beyond head");
    }

    @Test
    void prefixesAndErrors() {
        assertThat(linear.get("b").id()).isEqualTo("b2");
        RevisionGraph g = graph(TestMigration.empty("ab1"), TestMigration.empty("ab2", "ab1"));
        assertThatThrownBy(() -> g.get("ab")).isInstanceOf(MigrationError.class).hasMessageContaining("ab1").hasMessageContaining("ab2");
        assertThatThrownBy(() -> g.get("zz")).isInstanceOf(MigrationError.class).hasMessageContaining("'zz'");
        assertThatThrownBy(() -> graph(TestMigration.empty("x", "missing"))).isInstanceOf(MigrationError.class)
                .hasMessageContaining("missing").hasMessageContaining("not present");
        assertThatThrownBy(() -> graph(TestMigration.empty("x", "y"), TestMigration.empty("y", "x")))
                .isInstanceOf(MigrationError.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> graph(TestMigration.empty("x"), TestMigration.empty("x")))
                .isInstanceOf(MigrationError.class).hasMessageContaining("used twice");
    }

    // a -> b -> c ; a -> d (label "other") ; merge m of c, d
    @Test
    void branchesLabelsAndMerges() {
        RevisionGraph g = graph(TestMigration.empty("a1"), TestMigration.empty("b2", "a1"), TestMigration.empty("c3", "b2"),
                TestMigration.empty("d4", "a1").labels("other"));
        assertThat(ids(g.heads())).containsExactly("c3", "d4");
        assertThat(ids(g.branchPoints())).containsExactly("a1");
        assertThatThrownBy(() -> g.resolveUpgrade("head", Set.of())).isInstanceOf(MigrationError.class)
                .hasMessageContaining("Multiple head revisions").hasMessageContaining("heads");
        assertThat(g.resolveUpgrade("heads", Set.of())).containsExactlyInAnyOrder("c3", "d4");
        assertThat(g.resolveUpgrade("other@head", Set.of())).containsExactly("d4");
        assertThat(g.resolveUpgrade("b2@head", Set.of())).containsExactly("c3");
        assertThat(g.headsOf(g.applied(Set.of("c3", "d4")))).containsExactlyInAnyOrder("c3", "d4");
        assertThatThrownBy(() -> g.resolveUpgrade("+1", Set.of("a1"))).isInstanceOf(MigrationError.class)
                .hasMessageContaining("ambiguous");
        assertThat(ids(g.downgradePlan(g.applied(Set.of("c3", "d4")), g.resolveDowngrade("other@-1", Set.of("c3", "d4")))))
                .containsExactly("d4");

        RevisionGraph merged = graph(TestMigration.empty("a1"), TestMigration.empty("b2", "a1"), TestMigration.empty("c3", "b2"),
                TestMigration.empty("d4", "a1"), TestMigration.empty("m5", "c3", "d4"));
        assertThat(ids(merged.heads())).containsExactly("m5");
        assertThat(ids(merged.upgradePlan(Set.of(), Set.of("m5")))).containsExactly("a1", "b2", "c3", "d4", "m5");
        assertThat(merged.headsOf(Set.of("a1", "b2", "c3", "d4", "m5"))).containsExactly("m5");
        assertThat(merged.headsOf(Set.of("a1", "b2", "c3", "d4"))).containsExactlyInAnyOrder("c3", "d4");
        assertThat(ids(merged.downgradePlan(merged.applied(Set.of("m5")), merged.resolveDowngrade("c3", Set.of("m5")))))
                .containsExactly("m5");
    }

    @Test
    void dependenciesOrderWithoutParenthood() {
        // x depends on b2 (another branch): upgrading to x applies b2 first; b2 stays a head of its own
        RevisionGraph g = graph(TestMigration.empty("a1").labels("main"), TestMigration.empty("b2", "a1"),
                TestMigration.empty("x9").labels("side").dependsOn("b2"));
        assertThat(ids(g.heads())).containsExactly("b2", "x9");
        assertThat(ids(g.upgradePlan(Set.of(), Set.of("x9")))).containsExactly("a1", "b2", "x9");
        assertThat(g.headsOf(g.applied(Set.of("x9")))).containsExactlyInAnyOrder("b2", "x9");
        // downgrading b2 takes x9 (which needs it) down first
        assertThat(ids(g.downgradePlan(g.applied(Set.of("b2", "x9")), Set.of("b2")))).containsExactly("x9", "b2");
    }
}
