package org.jalchemy.orm.mapping;

import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.Inheritance.Strategy;
import org.jalchemy.orm.annotations.PolymorphicIdentity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inheritance mappings the mapper refuses, each with an error naming the class and what to do; and what it builds. */
class InheritanceMappingTest {

    @Entity(table = "no_disc")
    @Inheritance(strategy = Strategy.SINGLE_TABLE)
    static class NoDiscriminator {
        @Id
        Integer id;
    }

    @Test
    void singleTableWithoutDiscriminatorIsRefused() {
        assertThatThrownBy(() -> Mapper.of(NoDiscriminator.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("NoDiscriminator").hasMessageContaining("needs a discriminator")
                .hasMessageContaining("polymorphicOn");
    }

    @Entity(table = "bad_disc")
    @Inheritance(strategy = Strategy.JOINED, polymorphicOn = "kind")
    @PolymorphicIdentity("x")
    static class UnknownDiscriminator {
        @Id
        Integer id;
        String type;
    }

    @Test
    void aDiscriminatorNamingNoAttributeIsRefusedListingThem() {
        assertThatThrownBy(() -> Mapper.of(UnknownDiscriminator.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("polymorphicOn = \"kind\"").hasMessageContaining("[id, type]");
    }

    @Entity(table = "dup_base")
    @Inheritance(strategy = Strategy.SINGLE_TABLE, polymorphicOn = "type")
    @PolymorphicIdentity("base")
    static class DupBase {
        @Id
        Integer id;
        @Column(length = 10)
        String type;
    }

    @Entity
    @PolymorphicIdentity("same")
    static class DupA extends DupBase {
    }

    @Entity
    @PolymorphicIdentity("same")
    static class DupB extends DupBase {
    }

    @Test
    void twoClassesWithOneIdentityAreRefused() {
        Mapper.of(DupA.class);
        assertThatThrownBy(() -> Mapper.of(DupB.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("DupA").hasMessageContaining("DupB")
                .hasMessageContaining("both declare polymorphic identity 'same'");
    }

    @Entity
    static class NoIdentity extends DupBase {
    }

    @Test
    void aSubclassWithoutIdentityIsRefused() {
        assertThatThrownBy(() -> Mapper.of(NoIdentity.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("NoIdentity").hasMessageContaining("has no @PolymorphicIdentity");
    }

    @Entity(table = "plain_base")
    static class PlainBase {
        @Id
        Integer id;
    }

    @Entity(table = "plain_sub")
    static class PlainSub extends PlainBase {
    }

    @Test
    void extendingAnEntityWithoutInheritanceIsRefused() {
        assertThatThrownBy(() -> Mapper.of(PlainSub.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("PlainBase, which declares no @Inheritance")
                .hasMessageContaining("add @Inheritance(strategy = ...)");
    }

    @Entity
    @PolymorphicIdentity("keyed")
    static class SubWithId extends DupBase {
        @Id
        Integer other;
    }

    @Entity(table = "own_table")
    @PolymorphicIdentity("own")
    static class SingleWithTable extends DupBase {
    }

    @Test
    void aSubclassKeyOrASingleTableSubclassTableIsRefused() {
        assertThatThrownBy(() -> Mapper.of(SubWithId.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("SubWithId.other is an @Id").hasMessageContaining("inherits its primary key");
        assertThatThrownBy(() -> Mapper.of(SingleWithTable.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("single-table hierarchy, stored in table 'dup_base'");
    }

    @Entity(table = "late_base")
    @Inheritance(strategy = Strategy.JOINED, polymorphicOn = "type")
    @PolymorphicIdentity("base")
    static class LateBase {
        @Id
        Integer id;
        @Column(length = 10)
        String type;
    }

    @Entity(table = "late_sub")
    @PolymorphicIdentity("late")
    static class LateSub extends LateBase {
    }

    @Test
    void aSubclassMappedAfterTheHierarchyWasUsedIsRefused() {
        Mapper.of(LateBase.class).selectable(); // the hierarchy is configured: its statements are fixed
        assertThatThrownBy(() -> Mapper.of(LateSub.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("LateSub joins the inheritance hierarchy of LateBase after")
                .hasMessageContaining("Registry.of(...)");
    }

    @Entity(table = "lonely")
    @PolymorphicIdentity("x")
    static class IdentityWithoutHierarchy {
        @Id
        Integer id;
    }

    @Test
    void anIdentityWithoutHierarchyIsRefused() {
        assertThatThrownBy(() -> Mapper.of(IdentityWithoutHierarchy.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("needs an inheritance hierarchy");
    }

    // tag::sealed[]
    @Entity(table = "shapes")
    @Inheritance(strategy = Strategy.SINGLE_TABLE, polymorphicOn = "kind")
    abstract static sealed class Shape permits Circle, Square {
        @Id
        Integer id;
        @Column(length = 10)
        String kind;
    }

    @Entity
    @PolymorphicIdentity("circle")
    static final class Circle extends Shape {
        Double radius;
    }
    // end::sealed[]

    @Entity
    @PolymorphicIdentity("square")
    static final class Square extends Shape {
        Double side;
    }

    @Test
    void aSealedBaseMapsItsPermittedSubclassesAndMayBeAbstract() {
        Mapper<Shape> shape = Mapper.of(Shape.class);
        assertThat(shape.descendants()).extracting(m -> (Object) m.type()).containsExactly(Circle.class, Square.class);
        assertThat(shape.table().columns()).extracting(Attribute::name)
                .containsExactly("id", "kind", "radius", "side");
        assertThat(shape.isAbstract()).isTrue();
        assertThatThrownBy(shape::newInstance).isInstanceOf(MappingError.class).hasMessageContaining("abstract");
        assertThat(Mapper.of(Circle.class).identityBase()).isSameAs(shape);
        assertThat(Mapper.of(Circle.class).polymorphicIdentity()).isEqualTo("circle");
    }
}
