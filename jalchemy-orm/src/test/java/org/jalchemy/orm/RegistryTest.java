package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.model.Account;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's Core tables and its registration-time checks. */
class RegistryTest {

    @Entity(table = "reg_orphans")
    static class Orphan {
        @Id
        Integer id;
        @ForeignKey("reg_missing.id")
        Integer missingId;
    }

    @Entity(table = "reg_badcol")
    static class BadColumn {
        @Id
        Integer id;
        @ForeignKey("users.nope")
        Integer userId;
    }

    @Entity(table = "users")
    static class OtherUsers {
        @Id
        Integer id;
    }

    @Test
    void tablesCarryEveryColumnOption() {
        Registry r = Registry.of(User.class, Post.class, Account.class);
        Table users = r.table(User.class);
        assertThat(users.columns()).extracting(c -> c.name()).containsExactly("id", "username", "email");
        assertThat(users.column("id").isPrimaryKey()).isTrue();
        assertThat(users.column("username").isNullable()).isFalse();
        assertThat(r.table(Post.class).foreignKeys()).hasSize(1);
        Table accounts = r.table(Account.class);
        assertThat(accounts.column("tier").serverDefault()).isEqualTo("'basic'");
        assertThat(accounts.indexes()).hasSize(1);
        assertThat(r.metadata().sortedTables()).extracting(Table::name).containsSubsequence("users", "posts");
        assertThat(r.classes()).containsExactly(User.class, Post.class, Account.class);
    }

    @Test
    void registrationChecksForeignKeysAndTableNames() {
        assertThatThrownBy(() -> Registry.of(Orphan.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("@ForeignKey on org.jalchemy.orm.RegistryTest$Orphan.missingId references table "
                        + "'reg_missing', which no registered entity or table declares");
        assertThatThrownBy(() -> Registry.of(User.class, BadColumn.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("references column 'nope' of table 'users', which has columns [id, username, email]");
        assertThatThrownBy(() -> Registry.of(User.class, OtherUsers.class)).isInstanceOf(MappingError.class)
                .hasMessageContaining("both map table 'users'");
        assertThatThrownBy(() -> Registry.of(User.class).mapper(Post.class)).isInstanceOf(UnmappedClassError.class)
                .hasMessageContaining("Class org.jalchemy.orm.model.Post is not mapped by this registry");
    }

    @BackendTest
    void classLevelCheckConstraintIsEnforced(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(Account.class));
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open()) {
            s.add(new Account("ana", new BigDecimal("-1.00")));
            assertThatThrownBy(s::commit).isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("INSERT of 1 Account row(s) into orm_accounts");
        }
    }
}
