package org.jalchemy.compliance;

import org.jalchemy.schema.*;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.CompileError;
import org.jalchemy.exc.NoReferencedColumnError;
import org.jalchemy.exc.NoReferencedTableError;
import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.exc.NoSuchTableError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.types.SqlTypes.*;

/** DDL per dialect, compiled without a database and asserted as text; schema-definition errors. */
class ComplianceDdlCompileTest {
    private static final Dialect SQLITE = Dialects.get("sqlite");
    private static final Dialect PG = Dialects.get("postgresql");
    private static final Dialect MARIADB = Dialects.get("mariadb");

    private static String ddl(DdlElement e, Dialect d) {
        return e.compile(d).sql();
    }

    enum Mood { SAD, OK, HAPPY }

    /** Issue 21: SQLAlchemy's three storage forms of an Enum, from {@code EnumType.storage}. */
    @Test
    void enumStorageFormsPerDialect() {
        MetaData md = new MetaData();
        Table t = new Table("moods", md);
        t.column("id", integer()).primaryKey();
        t.column("native", new org.jalchemy.types.EnumType<>(Mood.class, "mood_type"));
        t.column("checked", new org.jalchemy.types.EnumType<>(Mood.class, "mood_type").storage(false, true, null));
        t.column("plain", new org.jalchemy.types.EnumType<>(Mood.class, "mood_type").storage(false, false, 20));
        assertThat(ddl(new CreateTable(t), PG)).contains("\tnative mood_type,\n", "\tchecked VARCHAR(5),\n",
                "\tplain VARCHAR(20),\n", "CHECK (checked IN ('SAD', 'OK', 'HAPPY'))").doesNotContain("CHECK (plain", "CHECK (native");
        assertThat(ddl(new CreateTable(t), MARIADB)).contains("\tnative ENUM('SAD', 'OK', 'HAPPY'),\n",
                "\tchecked VARCHAR(5),\n", "\tplain VARCHAR(20),\n", "CHECK (checked IN").doesNotContain("CHECK (plain");
        assertThat(ddl(new CreateTable(t), SQLITE)).contains("\tnative VARCHAR(5),\n", "CHECK (native IN",
                "CHECK (checked IN").doesNotContain("CHECK (plain");
        assertThatThrownBy(() -> new org.jalchemy.types.EnumType<>(Mood.class).storage(false, false, 3))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("shorter than its longest constant name (5)");
    }

    @Test
    void createTablePerDialect() {
        SampleSchema s = new SampleSchema("");
        assertThat(ddl(new CreateTable(s.users), SQLITE)).isEqualTo("""
                CREATE TABLE users (
                \tid INTEGER NOT NULL,
                \tusername VARCHAR(50) NOT NULL,
                \temail VARCHAR(120) NOT NULL,
                \tactive BOOLEAN DEFAULT TRUE,
                \tPRIMARY KEY (id),
                \tUNIQUE (username)
                )""");
        assertThat(ddl(new CreateTable(s.users), PG)).startsWith("CREATE TABLE users (\n\tid SERIAL NOT NULL,\n");
        assertThat(ddl(new CreateTable(s.users), MARIADB))
                .contains("\tid INTEGER NOT NULL AUTO_INCREMENT,\n")
                .contains("\tactive BOOL DEFAULT TRUE COMMENT 'can log in',\n");
        assertThat(ddl(new CreateTable(s.posts), SQLITE)).isEqualTo("""
                CREATE TABLE posts (
                \tid INTEGER NOT NULL,
                \ttitle VARCHAR(200) NOT NULL,
                \tstatus VARCHAR(9),
                \tprice NUMERIC(10, 2),
                \tuser_id INTEGER NOT NULL,
                \tPRIMARY KEY (id),
                \tFOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
                \tCONSTRAINT ck_posts_price CHECK (price >= 0),
                \tCHECK (status IN ('DRAFT', 'PUBLISHED'))
                )""");
        assertThat(ddl(new CreateTable(s.posts), PG)).contains("\tstatus post_status,\n")
                .doesNotContain("CHECK (status");
        assertThat(ddl(new CreateTable(s.posts), MARIADB)).contains("\t`status` ENUM('DRAFT', 'PUBLISHED'),\n");
        assertThat(PG.ddlCompiler().createTypes(s.posts))
                .containsExactly(Map.entry("post_status", "CREATE TYPE post_status AS ENUM ('DRAFT', 'PUBLISHED')"));
        assertThat(PG.ddlCompiler().createTableStatements(s.users, Set.of())).containsExactly(
                ddl(new CreateTable(s.users), PG),
                "COMMENT ON COLUMN users.active IS 'can log in'",
                "CREATE INDEX ix_users_email ON users (email)");
    }

    @Test
    void typeNamesPerDialect() {
        MetaData md = new MetaData();
        Table t = new Table("everything", md);
        t.column("i", integer());
        t.column("b", bigInteger());
        t.column("s", smallInteger());
        t.column("f", floatType());
        t.column("d", doubleType());
        t.column("t", text());
        t.column("bin", largeBinary());
        t.column("day", date());
        t.column("tod", time());
        t.column("ts", dateTime());
        t.column("tstz", dateTimeTz());
        t.column("inst", instant());
        t.column("dur", interval());
        t.column("u", uuid());
        String cols = "\ti INTEGER,\n\tb BIGINT,\n\ts SMALLINT,\n";
        assertThat(ddl(new CreateTable(t), PG)).isEqualTo("CREATE TABLE everything (\n" + cols
                + "\tf REAL,\n\td DOUBLE PRECISION,\n\tt TEXT,\n\tbin BYTEA,\n\tday DATE,\n\ttod TIME,\n"
                + "\tts TIMESTAMP,\n\ttstz TIMESTAMP WITH TIME ZONE,\n\tinst TIMESTAMP WITH TIME ZONE,\n"
                + "\tdur INTERVAL,\n\tu UUID\n)");
        assertThat(ddl(new CreateTable(t), MARIADB)).isEqualTo("CREATE TABLE everything (\n" + cols
                + "\tf FLOAT,\n\td DOUBLE,\n\tt LONGTEXT,\n\tbin LONGBLOB,\n\tday DATE,\n\ttod TIME(6),\n"
                + "\tts DATETIME(6),\n\ttstz DATETIME(6),\n\tinst DATETIME(6),\n\tdur BIGINT,\n\tu CHAR(36)\n)");
        assertThat(ddl(new CreateTable(t), SQLITE)).isEqualTo("CREATE TABLE everything (\n" + cols
                + "\tf FLOAT,\n\td DOUBLE,\n\tt TEXT,\n\tbin BLOB,\n\tday DATE,\n\ttod TIME,\n"
                + "\tts DATETIME,\n\ttstz TIMESTAMP WITH TIME ZONE,\n\tinst TIMESTAMP WITH TIME ZONE,\n"
                + "\tdur BIGINT,\n\tu CHAR(36)\n)");
    }

    @Test
    void compositeKeysSchemasAndDrops() {
        MetaData md = new MetaData();
        Table parent = new Table("parent", "app", md);
        parent.column("a", integer());
        parent.column("b", string(10));
        parent.primaryKey("pk_parent", "a", "b");
        Table child = new Table("child", "app", md);
        child.column("id", bigInteger()).primaryKey();
        child.column("pa", integer());
        child.column("pb", string(10));
        child.foreignKeyConstraint("fk_child_parent", List.of("pa", "pb"), "app.parent", List.of("a", "b"))
                .onDelete("set null").onUpdate("CASCADE");
        child.uniqueConstraint("uq_child_pa_pb", "pa", "pb");
        assertThat(ddl(new CreateTable(parent), PG)).isEqualTo(
                "CREATE TABLE app.parent (\n\ta INTEGER NOT NULL,\n\tb VARCHAR(10) NOT NULL,\n"
                        + "\tCONSTRAINT pk_parent PRIMARY KEY (a, b)\n)");
        assertThat(ddl(new CreateTable(child), PG)).isEqualTo(
                "CREATE TABLE app.child (\n\tid BIGSERIAL NOT NULL,\n\tpa INTEGER,\n\tpb VARCHAR(10),\n"
                        + "\tPRIMARY KEY (id),\n"
                        + "\tCONSTRAINT fk_child_parent FOREIGN KEY (pa, pb) REFERENCES app.parent (a, b) "
                        + "ON DELETE SET NULL ON UPDATE CASCADE,\n"
                        + "\tCONSTRAINT uq_child_pa_pb UNIQUE (pa, pb)\n)");
        assertThat(ddl(new CreateTable(child), SQLITE)).contains("\tid INTEGER NOT NULL,\n");
        assertThat(ddl(new DropTable(child), PG)).isEqualTo("DROP TABLE app.child");
        ForeignKeyConstraint fk = child.foreignKeys().get(0);
        assertThat(ddl(new AddConstraint(fk), PG)).isEqualTo("ALTER TABLE app.child ADD CONSTRAINT fk_child_parent "
                + "FOREIGN KEY (pa, pb) REFERENCES app.parent (a, b) ON DELETE SET NULL ON UPDATE CASCADE");
        assertThat(ddl(new DropConstraint(fk), PG)).isEqualTo("ALTER TABLE app.child DROP CONSTRAINT fk_child_parent");
        assertThat(ddl(new DropConstraint(fk), MARIADB)).isEqualTo(
                "ALTER TABLE app.child DROP FOREIGN KEY fk_child_parent");
        Index ix = child.index("ix_child_pb", "pb").unique(true);
        assertThat(ddl(new CreateIndex(ix), PG)).isEqualTo("CREATE UNIQUE INDEX app.ix_child_pb ON app.child (pb)"
                .replace("app.ix", "app.ix"));
        assertThat(ddl(new DropIndex(ix), PG)).isEqualTo("DROP INDEX app.ix_child_pb");
        assertThat(ddl(new DropIndex(ix), MARIADB)).isEqualTo("DROP INDEX ix_child_pb ON app.child");
    }

    @Test
    void functionalIndexWhereTheDialectHasIt() {
        MetaData md = new MetaData();
        Table t = new Table("people", md);
        t.column("email", string(100));
        Index ix = t.index("ix_people_lower_email", Index.expr("lower(email)"));
        assertThat(ddl(new CreateIndex(ix), PG)).isEqualTo("CREATE INDEX ix_people_lower_email ON people (lower(email))");
        assertThat(ddl(new CreateIndex(ix), SQLITE)).isEqualTo("CREATE INDEX ix_people_lower_email ON people (lower(email))");
        assertThatThrownBy(() -> ddl(new CreateIndex(ix), MARIADB)).isInstanceOf(CompileError.class)
                .hasMessageContaining("lower(email)").hasMessageContaining("mariadb");
    }

    @Test
    void identifiersAreQuotedPerDialect() {
        MetaData md = new MetaData();
        Table t = new Table("Order Items", md);
        t.column("select", integer()).primaryKey();
        t.column("MixedCase", string(10));
        t.column("with \"quote\"", string(10));
        t.column("back`tick", string(10));
        assertThat(ddl(new CreateTable(t), PG)).isEqualTo("CREATE TABLE \"Order Items\" (\n"
                + "\t\"select\" SERIAL NOT NULL,\n\t\"MixedCase\" VARCHAR(10),\n\t\"with \"\"quote\"\"\" VARCHAR(10),\n"
                + "\t\"back`tick\" VARCHAR(10),\n\tPRIMARY KEY (\"select\")\n)");
        assertThat(ddl(new CreateTable(t), MARIADB)).isEqualTo("CREATE TABLE `Order Items` (\n"
                + "\t`select` INTEGER NOT NULL AUTO_INCREMENT,\n\t`MixedCase` VARCHAR(10),\n"
                + "\t`with \"quote\"` VARCHAR(10),\n\t`back``tick` VARCHAR(10),\n\tPRIMARY KEY (`select`)\n)");
    }

    @Test
    void namingConventionAndDeterministicTruncation() {
        MetaData md = new MetaData(Map.of(
                "ix", "ix_%(column_0_label)s",
                "uq", "uq_%(table_name)s_%(column_0_N_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s",
                "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk", "pk_%(table_name)s"));
        Table a = new Table("account", md);
        a.column("id", integer()).primaryKey();
        String longName = "a_really_long_column_name_that_goes_on_and_on_for_quite_a_while";
        Table b = new Table("booking", md);
        b.column("id", integer()).primaryKey();
        b.column("account_id", integer()).foreignKey("account.id");
        b.column("code", string(5)).index();
        b.column(longName, integer()).unique();
        b.checkConstraint("positive", "id > 0");
        String sql = ddl(new CreateTable(b), PG);
        assertThat(sql).contains("CONSTRAINT pk_booking PRIMARY KEY (id)")
                .contains("CONSTRAINT fk_booking_account_id_account FOREIGN KEY (account_id) REFERENCES account (id)")
                .contains("CONSTRAINT ck_booking_positive CHECK (id > 0)");
        String uq = "uq_booking_" + longName;
        String truncated = NamingConvention.truncate(uq, 63);
        assertThat(truncated).hasSize(63).startsWith(uq.substring(0, 54) + "_")
                .isEqualTo(NamingConvention.truncate(uq, 63));
        assertThat(sql).contains("CONSTRAINT " + truncated + " UNIQUE (" + longName + ")");
        assertThat(ddl(new CreateTable(b), SQLITE)).contains("CONSTRAINT " + uq + " UNIQUE");
        assertThat(ddl(new CreateIndex(b.indexes().get(0)), PG)).isEqualTo("CREATE INDEX ix_booking_code ON booking (code)");
    }

    @Test
    void explicitNamesOverTheLimitAreRefused() {
        MetaData md = new MetaData();
        Table t = new Table("t".repeat(64), md);
        t.column("id", integer());
        assertThatThrownBy(() -> ddl(new CreateTable(t), PG)).isInstanceOf(CompileError.class)
                .hasMessageContaining("t".repeat(64)).hasMessageContaining("63");
        assertThat(ddl(new CreateTable(t), MARIADB)).startsWith("CREATE TABLE " + "t".repeat(64));
    }

    @Test
    void typesTheDialectCannotExpress() {
        MetaData md = new MetaData();
        Table t = new Table("notes", md);
        t.column("body", string());
        assertThat(ddl(new CreateTable(t), PG)).contains("body VARCHAR");
        assertThatThrownBy(() -> ddl(new CreateTable(t), MARIADB)).isInstanceOf(CompileError.class)
                .hasMessageContaining("notes").hasMessageContaining("body").hasMessageContaining("VARCHAR requires a length");
        Table arrays = new Table("arrays", md);
        arrays.column("tags", array(string(20)));
        arrays.column("doc", json(Object.class));
        assertThat(ddl(new CreateTable(arrays), PG)).contains("tags VARCHAR(20)[],\n\tdoc JSONB\n");
        assertThatThrownBy(() -> ddl(new CreateTable(arrays), SQLITE)).isInstanceOf(CompileError.class)
                .hasMessageContaining("ARRAY").hasMessageContaining("sqlite").hasMessageContaining("tags");
        assertThatThrownBy(() -> ddl(new CreateTable(arrays), MARIADB)).isInstanceOf(CompileError.class)
                .hasMessageContaining("ARRAY").hasMessageContaining("mariadb");
        Table u = new Table("untyped", md);
        u.column("x", org.jalchemy.types.NullType.INSTANCE);
        assertThatThrownBy(() -> ddl(new CreateTable(u), SQLITE)).isInstanceOf(CompileError.class)
                .hasMessageContaining("untyped").hasMessageContaining("'x'").hasMessageContaining("NullType");
    }

    @Test
    void duplicateTablesAndColumnsAreRefused() {
        MetaData md = new MetaData();
        Table t = new Table("users", md);
        t.column("id", integer());
        assertThatThrownBy(() -> new Table("users", md)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'users' is already defined");
        assertThat(new Table("users", "other", md).fullname()).isEqualTo("other.users");
        assertThatThrownBy(() -> t.column("id", string(5))).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Column 'id' is already defined on table 'users'");
        assertThatThrownBy(() -> t.uniqueConstraint(null, "nope")).isInstanceOf(NoSuchColumnError.class)
                .hasMessageContaining("nope").hasMessageContaining("users");
        assertThatThrownBy(() -> md.table("ghosts")).isInstanceOf(NoSuchTableError.class).hasMessageContaining("ghosts");
    }

    @Test
    void foreignKeysToMissingTablesOrColumns() {
        MetaData md = new MetaData();
        Table users = new Table("users", md);
        users.column("id", integer()).primaryKey();
        Table posts = new Table("posts", md);
        posts.column("user_id", integer()).foreignKey("userz.id");
        assertThatThrownBy(() -> ddl(new CreateTable(posts), SQLITE)).isInstanceOf(NoReferencedTableError.class)
                .hasMessageContaining("posts[user_id]").hasMessageContaining("'userz'");
        assertThatThrownBy(md::sortedTables).isInstanceOf(NoReferencedTableError.class);
        Table comments = new Table("comments", new MetaData());
        comments.column("id", integer());
        MetaData md2 = comments.metadata();
        Table owners = new Table("owners", md2);
        owners.column("id", integer());
        comments.column("owner", integer()).foreignKey("owners.uid");
        assertThatThrownBy(() -> ddl(new CreateTable(comments), PG)).isInstanceOf(NoReferencedColumnError.class)
                .hasMessageContaining("'uid'").hasMessageContaining("'owners'");
        assertThatThrownBy(() -> ForeignKey.to("nodot")).isInstanceOf(ArgumentError.class);
        Table bad = new Table("bad", md2);
        bad.column("x", integer()).foreignKey(ForeignKey.to("owners.id").onDelete("EXPLODE"));
        assertThatThrownBy(() -> ddl(new CreateTable(bad), PG)).isInstanceOf(CompileError.class)
                .hasMessageContaining("EXPLODE");
    }

    @Test
    void typedColumnLookup() {
        SampleSchema s = new SampleSchema("");
        Column<Integer> id = s.users.column("id", Integer.class);
        assertThat(id).isSameAs(s.users.id);
        assertThat(s.users.columns()).extracting(Column::name).containsExactly("id", "username", "email", "active");
        assertThatThrownBy(() -> s.users.column("id", String.class)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("users.id").hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> s.users.column("nope")).isInstanceOf(NoSuchColumnError.class)
                .hasMessageContaining("'nope'");
        assertThat(s.users.autoincrementColumn()).isSameAs(s.users.id);
        assertThat(s.posts.autoincrementColumn()).isSameAs(s.posts.id);
        assertThat(s.posts.userId.foreignKeys()).hasSize(1);
    }
}
