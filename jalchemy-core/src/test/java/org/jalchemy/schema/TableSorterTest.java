package org.jalchemy.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.types.SqlTypes.*;

/** Dependency order of tables for createAll, and the foreign keys that must wait for ALTER. */
class TableSorterTest {
    private static final org.jalchemy.dialect.Dialect PG = org.jalchemy.dialect.Dialects.get("postgresql");

    @Test
    void sortingFollowsForeignKeysAndBreaksCycles() {
        MetaData blog = new MetaData();
        Table posts = new Table("posts", blog);
        posts.column("id", integer()).primaryKey();
        posts.column("user_id", integer()).foreignKey("users.id");
        Table users = new Table("users", blog);
        users.column("id", integer()).primaryKey();
        assertThat(blog.tables()).containsExactly(posts, users);
        assertThat(blog.sortedTables()).containsExactly(users, posts);

        MetaData md = new MetaData();
        Table a = new Table("a", md);
        a.column("id", integer()).primaryKey();
        a.column("b_id", integer()).foreignKey("b.id");
        Table b = new Table("b", md);
        b.column("id", integer()).primaryKey();
        b.column("a_id", integer()).foreignKey("a.id");
        Table c = new Table("c", md);
        c.column("id", integer()).primaryKey();
        c.column("parent", integer()).foreignKey("c.id");
        c.column("a_id", integer()).foreignKey("a.id");
        TableSorter.Sorted sorted = TableSorter.sort(md.tables());
        assertThat(sorted.tables()).containsExactly(a, b, c);
        assertThat(sorted.alterFks()).containsExactlyInAnyOrder(a.foreignKeys().get(0), b.foreignKeys().get(0));
        assertThat(PG.ddlCompiler().createTable(a, sorted.alterFks())).doesNotContain("FOREIGN KEY");
        assertThat(PG.ddlCompiler().addConstraint(a.foreignKeys().get(0)))
                .isEqualTo("ALTER TABLE a ADD CONSTRAINT fk_a_b_id_b FOREIGN KEY (b_id) REFERENCES b (id)");
    }
}
