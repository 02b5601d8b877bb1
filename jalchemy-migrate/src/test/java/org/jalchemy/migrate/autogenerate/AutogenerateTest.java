package org.jalchemy.migrate.autogenerate;

import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.Commands;
import org.jalchemy.migrate.MigrateTesting;
import org.jalchemy.migrate.TestMigration;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.autogenerate.AutogenTesting.compare;
import static org.jalchemy.migrate.autogenerate.AutogenTesting.described;
import static org.jalchemy.types.SqlTypes.*;

/**
 * Autogenerate against live databases: a model created with {@code createAll} compares equal to
 * itself (every type, default, constraint and index round-trips through reflection), and a second
 * model's differences become ops that, applied, make the database compare equal to that model, and
 * whose inverses bring it back to the first.
 */
class AutogenerateTest {
    static final String P = "ag_";
    static final String VT = "agv_version";

    enum Mood { SAD, OK, HAPPY }

    enum Mood2 { SAD, OK, HAPPY, ECSTATIC }

    /** Version 1: most column types, server defaults, a composite unique, a named check, indexes, FKs. */
    static MetaData v1() {
        MetaData md = new MetaData(Map.of("ix", "ix_%(column_0_label)s", "uq", "uq_%(table_name)s_%(column_0_N_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s", "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk", "pk_%(table_name)s"));
        Table teams = new Table(P + "teams", md);
        teams.column("id", integer()).primaryKey();
        teams.column("name", string(80)).nullable(false).unique();
        teams.comment("the teams");

        Table users = new Table(P + "users", md);
        users.column("id", integer()).primaryKey();
        users.column("username", string(50)).nullable(false).comment("login name");
        users.column("team_id", integer()).foreignKey(ForeignKey.to(P + "teams.id").onDelete("CASCADE"));
        users.column("score", numeric(10, 2)).serverDefault("0");
        users.column("active", booleanType()).nullable(false).serverDefault("true");
        users.column("status", string(20)).serverDefault("'new'");
        users.column("created", dateTime()).serverDefault("CURRENT_TIMESTAMP");
        users.column("born", date());
        users.column("bio", text());
        users.column("ratio", doubleType());
        users.column("weight", floatType());       // SQLite: FLOAT reflects as a double, and is the same
        users.column("visits", bigInteger()).nullable(false).serverDefault("0");
        users.column("level", smallInteger());
        users.column("photo", largeBinary());
        users.column("mood", new org.jalchemy.types.EnumType<>(Mood.class, "ag_mood"));
        users.column("email", string(120)).index();
        users.uniqueConstraint(null, "username", "team_id");
        users.checkConstraint("visits_positive", "visits >= 0");
        users.index("ix_ag_users_level_born", "level", "born");

        Table tags = new Table(P + "tags", md);
        tags.column("user_id", integer()).primaryKey().foreignKey(P + "users.id");
        tags.column("tag", string(30)).primaryKey();
        return md;
    }

    /** Version 2: columns added, dropped, retyped, made NOT NULL, defaults changed; a table added and one dropped. */
    static MetaData v2() {
        MetaData md = new MetaData(Map.of("ix", "ix_%(column_0_label)s", "uq", "uq_%(table_name)s_%(column_0_N_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s", "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk", "pk_%(table_name)s"));
        Table teams = new Table(P + "teams", md);
        teams.column("id", integer()).primaryKey();
        teams.column("name", string(120)).nullable(false).unique();        // longer
        teams.comment("all teams");                                          // comment changed

        Table users = new Table(P + "users", md);
        users.column("id", integer()).primaryKey();
        users.column("username", string(50)).nullable(false).comment("the login name");
        users.column("team_id", integer()).foreignKey(ForeignKey.to(P + "teams.id").onDelete("SET NULL"));
        users.column("score", numeric(12, 2)).serverDefault("0");           // wider
        users.column("active", booleanType()).nullable(false).serverDefault("false"); // default changed
        users.column("status", string(20)).nullable(false).serverDefault("'new'");   // NOT NULL now
        users.column("created", dateTime()).serverDefault("CURRENT_TIMESTAMP");
        users.column("born", date());
        users.column("ratio", doubleType());
        users.column("weight", floatType());
        users.column("visits", bigInteger()).nullable(false).serverDefault("0");
        users.column("level", smallInteger());
        users.column("photo", largeBinary());
        users.column("mood", new org.jalchemy.types.EnumType<>(Mood2.class, "ag_mood"));                 // a value added
        users.column("email", string(120));                                 // index dropped
        users.column("nickname", string(40));                               // added
        users.column("phone", string(20)).index();                          // added, indexed
        users.uniqueConstraint(null, "username", "team_id");
        users.index("ix_ag_users_level_born", "level", "born");

        Table projects = new Table(P + "projects", md);                     // new table
        projects.column("id", integer()).primaryKey();
        projects.column("owner_id", integer()).nullable(false).foreignKey(P + "users.id");
        projects.column("title", string(100)).nullable(false);
        projects.index(null, "owner_id");
        return md;
    }

    @BackendTest
    void aModelComparesEqualToTheSchemaItCreated(Backend backend) {
        Engine e = backend.engine();
        AutogenTesting.dropPrefixed(e, P);
        MetaData md = v1();
        md.createAll(e);
        Autogenerate.Diff diff = compare(e, md, AutogenTesting.only(P));
        assertThat(described(diff)).as("diff of a freshly created schema").isEmpty();
        AutogenTesting.dropPrefixed(e, P);
    }

    @BackendTest
    void differencesBecomeOpsThatRoundTrip(Backend backend) {
        Engine e = backend.engine();
        AutogenTesting.dropPrefixed(e, P);
        MigrateTesting.reset(e, VT);
        v1().createAll(e);
        try (var c = e.connect()) {
            c.execDriverSql("INSERT INTO " + P + "teams (id, name) VALUES (1, 'red')");
            c.execDriverSql("INSERT INTO " + P + "users (id, username, team_id, visits, active, status) VALUES (1, 'ann', 1, 3, "
                    + (e.dialect().name().equals("postgresql") ? "true" : "1") + ", 'x')");
            c.commit();
        }
        AutogenerateOptions options = AutogenTesting.only(P);
        Autogenerate.Diff diff = compare(e, v2(), options);
        List<String> ops = described(diff);
        assertThat(ops).contains("add column ag_users.nickname", "add column ag_users.phone", "drop column ag_users.bio",
                "create table ag_projects", "drop index ix_ag_users_email on ag_users",
                "create index ix_ag_users_phone on ag_users [phone]", "drop check constraint ck_ag_users_visits_positive on ag_users");
        assertThat(ops).anyMatch(s -> s.startsWith("alter column ag_teams.name type"));
        assertThat(ops).anyMatch(s -> s.startsWith("alter column ag_users.score type"));
        assertThat(ops).anyMatch(s -> s.startsWith("alter column ag_users.status") && s.contains("not null"));
        assertThat(ops).anyMatch(s -> s.startsWith("alter column ag_users.active") && s.contains("default false"));
        assertThat(ops).anyMatch(s -> s.startsWith("drop foreignkey constraint fk_ag_users_team_id_ag_teams"));
        assertThat(ops).anyMatch(s -> s.startsWith("add foreignkey constraint fk_ag_users_team_id_ag_teams"));
        if (!e.dialect().name().equals("sqlite")) {
            assertThat(ops).contains("set comment on table ag_teams");
            assertThat(ops).anyMatch(s -> s.startsWith("alter column ag_users.username") && s.contains("comment"));
        }
        if (e.dialect().name().equals("postgresql")) {
            assertThat(ops).contains("add value 'ECSTATIC' to enum type ag_mood");
        } else if (!e.dialect().name().equals("sqlite")) {
            assertThat(ops).anyMatch(s -> s.startsWith("alter column ag_users.mood type"));
        }

        List<MigrateOp> up = diff.upgradeOps();
        List<MigrateOp> down = diff.downgradeOps();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Commands cmd = MigrateTesting.commands(e, VT, out, List.of(
                TestMigration.of("a00000000001", null, op -> up.forEach(op::emit), op -> down.forEach(op::emit))));
        cmd.upgrade("head", false);
        assertThat(described(compare(e, v2(), options))).as("after upgrade").isEmpty();
        cmd.downgrade("base", false);
        List<String> back = described(compare(e, v1(), options));
        if (e.dialect().name().equals("postgresql")) {
            // an added enum value cannot be removed: the type keeps it
            assertThat(back).isEmpty();
        } else {
            assertThat(back).as("after downgrade").isEmpty();
        }
        try (var c = e.connect()) {
            assertThat(c.execDriverSql("SELECT username FROM " + P + "users").scalar()).isEqualTo("ann");
        }
        AutogenTesting.dropPrefixed(e, P);
        MigrateTesting.reset(e, VT);
    }
}
