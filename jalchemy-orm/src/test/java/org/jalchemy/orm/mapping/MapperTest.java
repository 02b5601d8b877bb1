package org.jalchemy.orm.mapping;

import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.UnmappedClassError;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Enumerated;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Index;
import org.jalchemy.orm.annotations.Transient;
import org.jalchemy.orm.annotations.Version;
import org.jalchemy.orm.model.Account;
import org.jalchemy.orm.model.Account_;
import org.jalchemy.orm.model.Enrollment;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.Post_;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.User_;
import org.jalchemy.orm.model.Usuario;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.StringType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Introspection of annotated classes, the generated metamodel and mapping errors; no database. */
class MapperTest {

    enum Mood { SAD, OK, HAPPY }

    @Entity(table = "mt_shared")
    static class Shared {
        @Id
        Integer id;
        Mood plain;
        @Enumerated(name = "mood_type", createConstraint = false)
        Mood nativeForm;
        @Enumerated(nativeEnum = false, length = 12)
        Mood varcharForm;
    }

    @Entity(table = "mt_json")
    static class WithJson {
        @Id
        Integer id;
        @Column(type = org.jalchemy.types.JsonType.class)
        java.util.Map<String, Object> doc;
    }

    @Entity(table = "mt_bad_enumerated")
    static class BadEnumerated {
        @Id
        Integer id;
        @Enumerated
        String notAnEnum;
    }

    /** Issue 21: SQLAlchemy's enum forms and JSON fields mapped without a TypeDecorator. */
    @Test
    void enumeratedAndJsonFieldsChooseTheirStorage() {
        Mapper<Shared> m = Mapper.of(Shared.class);
        assertThat(m.property("plain").type()).isEqualTo(new org.jalchemy.types.EnumType<>(Mood.class));
        assertThat(m.property("nativeForm").type()).isEqualTo(new org.jalchemy.types.EnumType<>(Mood.class, "mood_type")
                .storage(true, false, null));
        var varchar = (org.jalchemy.types.EnumType<?>) m.property("varcharForm").type();
        assertThat(varchar.nativeEnum()).isFalse();
        assertThat(varchar.createConstraint()).isTrue();
        assertThat(varchar.length()).isEqualTo(12);
        // this module's tests run without Jackson; jalchemy-examples' InteropValuesTest maps a JSON field with it
        assertThatThrownBy(() -> Mapper.of(WithJson.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("WithJson.doc: @Column(type = JsonType.class) needs a JSON codec");
        assertThatThrownBy(() -> Mapper.of(BadEnumerated.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("@Enumerated on").hasMessageContaining("needs a Java enum field");
    }

    @Test
    void readsColumnsKeysAndOptions() {
        Mapper<User> m = Mapper.of(User.class);
        assertThat(m.tableName()).isEqualTo("users");
        assertThat(m.properties()).extracting(ColumnProperty::name).containsExactly("id", "username", "email");
        assertThat(m.primaryKey()).extracting(ColumnProperty::name).containsExactly("id");
        ColumnProperty id = m.property("id");
        assertThat(id.autoincrement()).isTrue();
        assertThat(id.nullable()).isFalse();
        assertThat(id.type()).isSameAs(IntegerType.INSTANCE);
        ColumnProperty username = m.property("username");
        assertThat(username.nullable()).isFalse();
        assertThat(username.unique()).isTrue();
        assertThat(username.type()).isEqualTo(new StringType(50));

        Mapper<Post> post = Mapper.of(Post.class);
        assertThat(post.property("userId").columnName()).isEqualTo("user_id");
        assertThat(post.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.targetTable()).isEqualTo("users");
            assertThat(fk.targetColumn()).isEqualTo("id");
            assertThat(fk.property().name()).isEqualTo("userId");
        });
    }

    @Test
    void typesVersionDefaultsAndTableConstraints() {
        Mapper<Account> m = Mapper.of(Account.class);
        assertThat(m.properties()).extracting(ColumnProperty::name)
                .containsExactly("id", "owner", "balance", "opened", "active", "tier", "version"); // transient skipped
        assertThat(m.property("id").type()).isSameAs(BigIntegerType.INSTANCE);
        assertThat(m.property("id").autoincrement()).isTrue();
        assertThat(m.property("balance").type()).isEqualTo(new NumericType(12, 2));
        assertThat(m.property("active").nullable()).as("primitive").isFalse();
        assertThat(m.property("tier").serverDefault()).isEqualTo("'basic'");
        assertThat(m.versionProperty().name()).isEqualTo("version");
        assertThat(m.constraints()).extracting(TableConstraint::kind)
                .containsExactly(TableConstraint.Kind.INDEX, TableConstraint.Kind.CHECK);
    }

    @Test
    void compositeKeysAreNotAutoincrementAndNormaliseIdentities() {
        Mapper<Enrollment> m = Mapper.of(Enrollment.class);
        assertThat(m.primaryKey()).extracting(ColumnProperty::name).containsExactly("studentId", "course");
        assertThat(m.property("studentId").autoincrement()).isFalse();
        assertThat(m.normalizeIdentity(new Object[]{3, "math"})).isEqualTo(Arrays.asList(3, "math"));
        assertThat(m.identity(new Enrollment(3, "math", 9))).isEqualTo(List.of(3, "math"));
        assertThatThrownBy(() -> m.normalizeIdentity(3)).hasMessageContaining("composite primary key [studentId, course]");
        assertThat(Mapper.of(Account.class).normalizeIdentity(7)).isEqualTo(7L);
        assertThatThrownBy(() -> Mapper.of(User.class).normalizeIdentity("x"))
                .hasMessageContaining("User.id is a Integer; got String x");
    }

    @Test
    void accessorsReachPrivateFieldsAndInstantiatorPrivateConstructors() {
        Mapper<Usuario> m = Mapper.of(Usuario.class);
        Usuario u = m.newInstance();
        m.property("nombre").set(u, "Ana");
        assertThat(u.getNombre()).isEqualTo("Ana");
        assertThat(m.property("nombre").get(u)).isEqualTo("Ana");
        assertThatThrownBy(() -> m.property("id").set(u, "not a number"))
                .hasMessageContaining("Usuario.id (java.lang.Integer)");
    }

    @Test
    void metamodelAttributesAreTypedColumnsResolvedLazily() {
        Attribute<User, String> username = User_.username;
        assertThat(username.name()).isEqualTo("username");
        assertThat(username.entity()).isEqualTo(User.class);
        assertThat(username.javaType()).isEqualTo(String.class);
        assertThat(username.type()).isEqualTo(new StringType(50));
        assertThat(username).isInstanceOf(org.jalchemy.sql.ColumnElement.class);
        assertThat(Post_.userId.property().columnName()).isEqualTo("user_id");
        Attribute<Account, Boolean> active = Account_.active; // primitive boolean → Boolean
        assertThat(active.javaType()).isEqualTo(Boolean.class);
        assertThat(Mapper.of(User.class).attribute("email")).isSameAs(User_.email);
        assertThat(Post_.userId.name()).as("column name").isEqualTo("user_id");
        assertThat(Post_.userId.key()).as("attribute name").isEqualTo("userId");
    }

    @Test
    void processorFollowsTheMapperFieldRules() throws Exception {
        // same fields as the mapper, in order: transient and static fields are skipped
        assertThat(java.util.Arrays.stream(Account_.class.getDeclaredFields())
                .filter(f -> java.lang.reflect.Modifier.isPublic(f.getModifiers())).map(java.lang.reflect.Field::getName))
                .containsExactly("id", "owner", "balance", "opened", "active", "tier", "version");
        // nested entities get Outer_Inner_, @Transient fields are skipped
        Class<?> nested = Class.forName("org.jalchemy.orm.mapping.MapperTest_TransientOk_");
        assertThat(java.util.Arrays.stream(nested.getFields()).map(java.lang.reflect.Field::getName)).containsExactly("id");
        assertThat(nested.getAnnotation(javax.annotation.processing.Generated.class)).isNull(); // source retention
        assertThat(java.lang.reflect.Modifier.isFinal(nested.getModifiers())).isTrue();
    }

    @Test
    void unknownAttributeNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Mapper.of(User.class).property("nombre"))
                .isInstanceOf(NoSuchColumnError.class)
                .hasMessage("Entity User has no attribute 'nombre'; its attributes are [id, username, email]");
    }

    @Test
    void snakeCase() {
        assertThat(Mapper.snakeCase("userId")).isEqualTo("user_id");
        assertThat(Mapper.snakeCase("HTTPCode")).isEqualTo("http_code");
        assertThat(Mapper.snakeCase("BlogPost")).isEqualTo("blog_post");
        assertThat(Mapper.snakeCase("line2Total")).isEqualTo("line2_total");
    }

    // ------------------------------------------------------------------ mapping errors

    static class NotAnEntity {
        Integer id;
    }

    @Entity
    static class NoKey {
        Integer id;
    }

    @Entity
    static class BadType {
        @Id
        Integer id;
        java.util.Set<String> tags; // a List would be a JSON column; a Set has no mapping
    }

    @Entity
    static class DuplicateColumn {
        @Id
        Integer id;
        @Column(name = "name")
        String first;
        @Column(name = "NAME")
        String second;
    }

    @Entity
    static class BadForeignKey {
        @Id
        Integer id;
        @ForeignKey("users")
        Integer userId;
    }

    @Entity
    static class NoConstructor {
        @Id
        Integer id;

        NoConstructor(int id) {
            this.id = id;
        }
    }

    @Entity
    static class TwoVersions {
        @Id
        Integer id;
        @Version
        int v1;
        @Version
        int v2;
    }

    @Entity
    @Index(columns = "nope")
    static class BadIndex {
        @Id
        Integer id;
    }

    @Entity
    static class StringVersion {
        @Id
        Integer id;
        @Version
        String v;
    }

    @Entity
    static class TransientOk {
        @Id
        Integer id;
        @Transient
        List<String> cache;
        transient Object other;
    }

    @Test
    void mappingErrorsNameClassAndField() {
        assertThatThrownBy(() -> Mapper.of(NotAnEntity.class)).isInstanceOf(UnmappedClassError.class)
                .hasMessageContaining("MapperTest$NotAnEntity is not mapped: annotate it with @Entity");
        assertThatThrownBy(() -> Mapper.of(NoKey.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("MapperTest$NoKey has no primary key");
        assertThatThrownBy(() -> Mapper.of(BadType.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("Field org.jalchemy.orm.mapping.MapperTest$BadType.tags of type "
                        + "java.util.Set<java.lang.String> cannot be mapped");
        assertThatThrownBy(() -> Mapper.of(DuplicateColumn.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("maps column 'NAME' twice: fields first and second");
        assertThatThrownBy(() -> Mapper.of(BadForeignKey.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("@ForeignKey(\"users\") on org.jalchemy.orm.mapping.MapperTest$BadForeignKey.userId"
                        + " is malformed");
        assertThatThrownBy(() -> Mapper.of(NoConstructor.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("NoConstructor needs a no-arg constructor");
        assertThatThrownBy(() -> Mapper.of(TwoVersions.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("two @Version fields: v1 and v2");
        assertThatThrownBy(() -> Mapper.of(BadIndex.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("@Index on org.jalchemy.orm.mapping.MapperTest$BadIndex names unknown attribute 'nope'");
        assertThatThrownBy(() -> Mapper.of(StringVersion.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("@Version field org.jalchemy.orm.mapping.MapperTest$StringVersion.v must be an integer");
        // the error is raised again on every lookup, never a half-built mapper
        assertThatThrownBy(() -> Mapper.of(NoKey.class)).isInstanceOf(MappingError.class);
        assertThat(Mapper.of(TransientOk.class).properties()).extracting(ColumnProperty::name).containsExactly("id");
    }

    /** Shaped like {@link Shared} but not an entity: its accessors below are hand-written (see GeneratedAccessShapes). */
    static class StaleShape {
        Integer id;
    }

    /** As {@link StaleShape}, with an accessor whose fields match {@link Shared}'s. */
    static class GoodShape {
        Integer id;
    }

    @Test
    void theProcessorsAccessorIsBoundWhenEveryFieldIsReachable() {
        Mapper<User> m = Mapper.of(User.class);
        assertThat(m.fieldAccess()).isNotNull();
        assertThat(m.fieldAccess().fields()).containsExactlyElementsOf(m.properties().stream().map(ColumnProperty::name).toList());
        User u = m.fieldAccess().newInstance();
        m.fieldAccess().setAll(u, new Object[]{7, "ana", "ana@example.com"});
        assertThat(u.id).isEqualTo(7);
        assertThat(m.properties().get(1).get(u)).isEqualTo("ana");
        // Usuario's fields are private: no accessor, method handles
        assertThat(Mapper.of(Usuario.class).fieldAccess()).isNull();
    }

    @Test
    void aWrongTypeThroughTheAccessorNamesTheField() {
        Mapper<User> m = Mapper.of(User.class);
        User u = m.newInstance();
        ColumnProperty username = m.properties().get(1);
        assertThatThrownBy(() -> username.set(u, 42))
                .isInstanceOf(org.jalchemy.exc.ArgumentError.class)
                .hasMessageContaining("User.username").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void anAccessorWhoseFieldsDoNotMatchTheMapperIsIgnored() {
        List<ColumnProperty> props = Mapper.of(Shared.class).properties();
        assertThat(GeneratedAccess.find(StaleShape.class, props, List.of())).isNull();
        assertThat(GeneratedAccess.find(GoodShape.class, props, List.of())).isNotNull();
        assertThat(GeneratedAccess.find(GoodShape.class, props.subList(0, 3), List.of())).isNull();
    }
}
