package org.jalchemy.examples.reference;

import org.jalchemy.Jalchemy;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.CreateIndex;
import org.jalchemy.schema.CreateTable;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.types.SqlTypes;
import org.jalchemy.types.TypeDecorator;

import java.util.List;
import java.util.Map;

import static org.jalchemy.types.SqlTypes.booleanType;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * The code of docs/schema.md, compiled and run (by SchemaReferenceTest) so the page cannot drift.
 * Each tagged region is one code block of that page.
 */
public final class SchemaReference {
    private SchemaReference() {
    }

    // tag::declare-tables[]
    static final class Users extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> username = column("username", string(50)).nullable(false).unique();
        final Column<String> email = column("email", string(120)).nullable(false).index();
        final Column<Boolean> active = column("active", booleanType()).serverDefault("TRUE");
        Users(MetaData md) { super("users", md); }
    }

    static final class Posts extends Table {
        final Column<Integer> id = column("id", integer()).primaryKey();
        final Column<String> title = column("title", string(200)).nullable(false);
        final Column<Integer> userId = column("user_id", integer()).nullable(false)
                .foreignKey(ForeignKey.to("users.id").onDelete("CASCADE"));
        Posts(MetaData md) { super("posts", md); }
    }
    // end::declare-tables[]

    /** A money amount in cents, for the TypeDecorator example. */
    public record Money(long cents) {
    }

    // tag::type-decorator[]
    static final class MoneyType extends TypeDecorator<Money, Long> {
        MoneyType() { super(SqlTypes.bigInteger()); }
        public Class<Money> javaType() { return Money.class; }
        protected Long processBind(Money m) { return m.cents(); }
        protected Money processResult(Long cents) { return new Money(cents); }
    }
    // end::type-decorator[]

    /** Runs every block of the page against {@code engine}; returns what it printed, for the test. */
    public static String run(Engine engine) {
        StringBuilder out = new StringBuilder();
        // tag::create-all[]
        MetaData metadata = new MetaData();
        Users users = new Users(metadata);
        Posts posts = new Posts(metadata);
        metadata.createAll(engine);          // CREATE TABLE users ..., CREATE TABLE posts ..., CREATE INDEX ix_users_email
        // end::create-all[]
        out.append(posts.userId.type()).append('\n');

        // tag::step-by-step[]
        Table tags = new Table("tags", metadata);
        Column<Integer> tagId = tags.column("id", integer()).primaryKey();
        Column<String> label = tags.column("label", string(30));
        // end::step-by-step[]
        out.append(tagId.name()).append(' ').append(label.name()).append('\n');

        Table orders = new Table("orders", metadata);
        orders.column("id", integer()).primaryKey();
        Table t = new Table("order_lines", metadata);
        t.column("order_id", integer());
        t.column("line_no", integer());
        t.column("sku", string(20));
        t.column("vendor", string(20));
        t.column("qty", integer());
        t.column("email", string(120));
        // tag::table-constraints[]
        t.primaryKey("pk_order_line", "order_id", "line_no");                 // composite PK
        t.uniqueConstraint("uq_sku_vendor", "sku", "vendor");
        t.checkConstraint("ck_qty_positive", "qty > 0");                       // literal SQL
        t.foreignKeyConstraint("fk_line_order", List.of("order_id"), "orders", List.of("id"))
                .onDelete("CASCADE").onUpdate("CASCADE");                     // composite allowed
        t.index("ix_sku_vendor", "sku", "vendor").unique(true);
        t.index("ix_lower_email", Index.expr("lower(email)"));                 // functional: PostgreSQL, SQLite
        // end::table-constraints[]

        // tag::naming-convention[]
        MetaData md = new MetaData(Map.of(
                "ix", "ix_%(column_0_label)s",
                "uq", "uq_%(table_name)s_%(column_0_N_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s",
                "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk", "pk_%(table_name)s"));
        // end::naming-convention[]
        out.append(new CreateTable(new Users(md)).compile(Dialects.get("postgresql"))).append('\n');

        Index index = tags.index("ix_tags_label", "label");
        // tag::ddl[]
        System.out.println(new CreateTable(users).compile(Dialects.get("postgresql")));   // no database needed
        metadata.dropAll(engine);            // dependants first; skips tables that do not exist
        metadata.createAll(engine, false);   // checkFirst = false: plain CREATE (fails if a table exists)
        metadata.createAll(engine);          // checkFirst = true (the default): skips tables that exist
        tags.drop(engine); tags.create(engine);
        // end::ddl[]
        try (Connection connection = engine.connect()) {
            connection.execute(new org.jalchemy.schema.DropIndex(index));
            // tag::ddl-construct[]
            connection.execute(new CreateIndex(index));   // DDL constructs are Executables
            // end::ddl-construct[]
            connection.commit();
        }

        // tag::reflection[]
        Inspector insp = Jalchemy.inspect(engine);          // or new Inspector(connection)
        insp.getTableNames(); insp.getViewNames(null); insp.getSchemaNames();
        insp.getColumns("users");            // Reflected.Column: name, jalchemy type, nullable, default, autoincrement, comment
        insp.getPkConstraint("users"); insp.getForeignKeys("posts"); insp.getIndexes("users");
        insp.getUniqueConstraints("users"); insp.getCheckConstraints("users"); insp.getTableComment("users", null);

        MetaData reflected = new MetaData();
        Table usersTable = Table.reflect("users", reflected, engine);    // also reflects the tables its FKs refer to
        reflected.reflect(engine);                                        // every table of the default schema
        Column<Integer> id = usersTable.column("id", Integer.class);
        // end::reflection[]
        out.append("reflected ").append(id.name()).append(' ').append(insp.getTableNames().contains("posts")).append('\n');
        out.append(new MoneyType().javaType().getSimpleName()).append('\n');
        metadata.dropAll(engine);
        return out.toString();
    }
}
