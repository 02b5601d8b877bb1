package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RawSqlTest {

    @Test
    void splitsStatementsOutsideQuotesDollarQuotesAndComments() {
        assertThat(RawSql.split("""
                SELECT 'a;b', "x;y"; -- c;d
                /* e;
                   f */ CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                UPDATE t   SET
                  x = 1
                """)).containsExactly("SELECT 'a;b', \"x;y\"", "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                "UPDATE t SET x = 1");
    }

    @Test
    void readsAlterTableActionsIntoOps() {
        List<SqlStatement> s = RawSql.parse("ALTER TABLE \"App\".\"Users\" ADD COLUMN IF NOT EXISTS code varchar(10) DEFAULT 'x' NOT NULL,"
                + " DROP COLUMN old, RENAME COLUMN a TO b, ALTER COLUMN c SET NOT NULL, ALTER COLUMN d TYPE bigint USING d::bigint,"
                + " ADD CONSTRAINT fk FOREIGN KEY (u_id) REFERENCES users (id) NOT VALID, ADD CHECK (n > 0),"
                + " ADD CONSTRAINT uq UNIQUE USING INDEX ix_uq, VALIDATE CONSTRAINT fk");
        assertThat(s).extracting(SqlStatement::kind).containsExactly(SqlStatement.Kind.DDL, SqlStatement.Kind.DDL, SqlStatement.Kind.DDL,
                SqlStatement.Kind.DDL, SqlStatement.Kind.DDL, SqlStatement.Kind.DDL, SqlStatement.Kind.DDL, SqlStatement.Kind.OTHER,
                SqlStatement.Kind.VALIDATE_CONSTRAINT);
        MigrateOp.AddColumn add = (MigrateOp.AddColumn) s.get(0).op();
        assertThat(add.schema()).isEqualTo("App");
        assertThat(add.table()).isEqualTo("Users");
        assertThat(add.column().name()).isEqualTo("code");
        assertThat(add.column().isNullable()).isFalse();
        assertThat(add.column().serverDefault()).isEqualTo("'x'");
        assertThat(((MigrateOp.DropColumn) s.get(1).op()).column()).isEqualTo("old");
        assertThat(((MigrateOp.AlterColumn) s.get(2).op()).newName()).isEqualTo("b");
        assertThat(((MigrateOp.AlterColumn) s.get(3).op()).nullable()).isFalse();
        assertThat(((MigrateOp.AlterColumn) s.get(4).op()).type()).isNotNull();
        MigrateOp.AddConstraint fk = (MigrateOp.AddConstraint) s.get(5).op();
        assertThat(fk.notValid()).isTrue();
        assertThat(fk.constraint()).isEqualTo(new ConstraintDef.ForeignKey("fk", List.of("u_id"), null, "users", List.of("id"), null, null));
        assertThat(((MigrateOp.AddConstraint) s.get(6).op()).constraint()).isEqualTo(new ConstraintDef.Check(null, "n > 0"));
        assertThat(s.get(8).name()).isEqualTo("fk");
        assertThat(s.get(8).table()).isEqualTo("Users");
    }

    @Test
    void readsIndexesTablesDataChangesAndDangerousStatements() {
        MigrateOp.CreateIndex ci = (MigrateOp.CreateIndex) RawSql.parse("create unique index concurrently if not exists ix on s.t (lower(email), id)")
                .get(0).op();
        assertThat(ci.index().isConcurrently()).isTrue();
        assertThat(ci.index().isUnique()).isTrue();
        assertThat(ci.index().schema()).isEqualTo("s");
        assertThat(ci.index().elements()).containsExactly("expr:lower(email)", "id");
        assertThat(((MigrateOp.CreateIndex) RawSql.parse("CREATE INDEX ON t (a)").get(0).op()).index().name()).isNull();
        MigrateOp.DropIndex di = (MigrateOp.DropIndex) RawSql.parse("DROP INDEX ix ON t").get(0).op();
        assertThat(di.table()).isEqualTo("t");
        assertThat(RawSql.parse("CREATE TABLE IF NOT EXISTS t (id int)").get(0).op()).isInstanceOf(MigrateOp.CreateTable.class);
        assertThat(RawSql.parse("DELETE FROM ONLY t WHERE x").get(0).kind()).isEqualTo(SqlStatement.Kind.DATA_CHANGE);
        assertThat(RawSql.parse("INSERT INTO t (a) SELECT a FROM u").get(0).kind()).isEqualTo(SqlStatement.Kind.DATA_CHANGE);
        assertThat(RawSql.parse("INSERT INTO t (a) VALUES (1)").get(0).kind()).isEqualTo(SqlStatement.Kind.OTHER);
        SqlStatement tr = RawSql.parse("truncate table a, \"B\" restart identity cascade").get(0);
        assertThat(tr.tables()).containsExactly("a", "B");
        assertThat(tr.cascade()).isTrue();
        assertThat(RawSql.parse("DROP SCHEMA IF EXISTS x").get(0).kind()).isEqualTo(SqlStatement.Kind.DROP_DATABASE);
        assertThat(RawSql.parse("GRANT SELECT ON t TO r").get(0).kind()).isEqualTo(SqlStatement.Kind.OTHER);
    }
}
