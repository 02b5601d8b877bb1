package org.jalchemy.compliance;

import org.jalchemy.schema.*;

import org.jalchemy.types.EnumType;

import static org.jalchemy.types.SqlTypes.*;

/** The tables the schema tests share: users ← posts ← comments, with most column options. */
final class SampleSchema {
    enum Status { DRAFT, PUBLISHED }

    final MetaData metadata;
    final Users users;
    final Posts posts;

    static final class Users extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> username = column("username", string(50)).nullable(false).unique();
        final Column<String> email = column("email", string(120)).nullable(false).index();
        final Column<Boolean> active = column("active", booleanType()).serverDefault("TRUE").comment("can log in");

        Users(MetaData md, String prefix) {
            super(prefix + "users", md);
        }
    }

    static final class Posts extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> title = column("title", string(200)).nullable(false);
        final Column<Integer> userId;
        final Column<Status> status = column("status", new EnumType<>(Status.class, "post_status"));
        final Column<java.math.BigDecimal> price = column("price", numeric(10, 2));

        Posts(MetaData md, String prefix) {
            super(prefix + "posts", md);
            userId = column("user_id", integer()).nullable(false)
                    .foreignKey(ForeignKey.to(prefix + "users.id").onDelete("CASCADE"));
            checkConstraint("ck_" + prefix + "posts_price", "price >= 0");
        }
    }

    SampleSchema(String prefix) {
        metadata = new MetaData();
        // declared child-first on purpose: createAll must sort
        posts = new Posts(metadata, prefix);
        users = new Users(metadata, prefix);
    }
}
