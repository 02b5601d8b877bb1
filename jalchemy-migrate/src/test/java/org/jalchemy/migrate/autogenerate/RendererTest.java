package org.jalchemy.migrate.autogenerate;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.OpSink;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.migrate.script.ScriptCompiler;
import org.jalchemy.migrate.script.ScriptWriter;
import org.jalchemy.types.StringEnumType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.types.SqlTypes.*;

/**
 * Every op kind autogenerate produces renders as Java that compiles in a generated script and,
 * run, records the same ops again (render, compile, replay: the script means what the diff said).
 */
class RendererTest {
    @TempDir
    Path tmp;

    static List<MigrateOp> everyKind() {
        ColumnDef id = ColumnDef.of("id", integer()).primaryKey();
        ColumnDef name = ColumnDef.of("name", string(50)).nullable(false).serverDefault("'x'").comment("a \"quoted\"\nname");
        TableDef t = new TableDef(null, "r_users", List.of(id, name, ColumnDef.of("score", numeric(10, 2)),
                ColumnDef.of("born", date()), ColumnDef.of("mood", new StringEnumType("mood", List.of("sad", "ok"))),
                ColumnDef.of("doc", json(Object.class)), ColumnDef.of("at", dateTimeTz()),
                new ConstraintDef.Unique("uq_r_users_name", List.of("name")),
                new ConstraintDef.Check("ck_score", "score >= 0"),
                new ConstraintDef.ForeignKey("fk_r_team", List.of("team_id"), null, "r_teams", List.of("id"), "CASCADE", null),
                new IndexDef("ix_r_born", null, null, List.of("born"), false, false)), "people");
        return List.of(
                new MigrateOp.CreateEnumType(null, "mood", List.of("sad", "ok")),
                new MigrateOp.AddEnumValue(null, "mood", "happy", null, "ok"),
                new MigrateOp.CreateTable(t),
                new MigrateOp.AddColumn(null, "r_users", ColumnDef.of("email", string(120))),
                new MigrateOp.AlterColumn(null, "r_users", "name", string(80), true, true, null, true, "new",
                        null, null, string(50), false, "'x'", "old", false),
                new MigrateOp.CreateIndex(new IndexDef("ix_r_lower", null, "r_users", List.of("expr:lower(name)", "born"), true, false)),
                new MigrateOp.DropIndex(null, "r_users", "ix_old", false, null),
                new MigrateOp.AddConstraint(null, "r_users", new ConstraintDef.Unique("uq_two", List.of("a", "b")), false),
                new MigrateOp.DropConstraint(null, "r_users", "ck_old", ConstraintDef.Kind.CHECK, null),
                new MigrateOp.SetTableComment(null, "r_users", "people v2", "people"),
                new MigrateOp.SetTableComment(null, "r_teams", null, "x"),
                new MigrateOp.RenameTable(null, "r_a", "r_b"),
                new MigrateOp.DropColumn(null, "r_users", "bio", null),
                new MigrateOp.DropTable(null, "r_gone", null),
                new MigrateOp.DropEnumType(null, "old_mood", null),
                new MigrateOp.Execute("UPDATE r_users SET name = 'it''s'", null));
    }

    @Test
    void everyOpKindRendersToJavaThatRecordsTheSameOps() throws Exception {
        List<MigrateOp> ops = everyKind();
        String body = Renderer.render(ops, "        ");
        Path versions = tmp.resolve("versions");
        java.nio.file.Files.createDirectories(versions);
        ScriptWriter.write(versions, new ScriptWriter.Spec("rendered", "aaaaaaaaaaaa", List.of(), Set.of(), List.of(),
                "every kind", body, "        op.dropTable(\"r_users\");\n"));
        List<Path> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.add(Path.of(entry));
        }
        List<Migration> loaded = new ScriptCompiler(tmp.resolve("cache"), cp, getClass().getClassLoader()).load(versions);
        assertThat(loaded).hasSize(1);
        List<MigrateOp> replayed = new ArrayList<>();
        OpSink sink = (op, silenced) -> replayed.add(op);
        loaded.get(0).upgrade(new Ops(sink, org.jalchemy.dialect.Dialects.get("postgresql"), null));
        assertThat(replayed).hasSameSizeAs(ops);
        for (int i = 0; i < ops.size(); i++) {
            assertThat(replayed.get(i).describe()).as("op %d", i).isEqualTo(ops.get(i).describe());
        }
        // the values, not only the descriptions: the table definition and the alteration come back equal
        assertThat(((MigrateOp.CreateTable) replayed.get(2)).table().columns()).isEqualTo(((MigrateOp.CreateTable) ops.get(2)).table().columns());
        assertThat(replayed.get(4)).isEqualTo(ops.get(4));
        assertThat(replayed.get(1)).isEqualTo(ops.get(1));
    }

    @Test
    void emptyDiffRendersAComment() {
        assertThat(Renderer.render(List.of(), "    ")).isEqualTo("    // no changes in schema detected\n");
    }

    @Test
    void irreversibleOpsLeaveACommentInTheDowngrade() {
        Autogenerate.Diff d = new Autogenerate.Diff(List.of(new MigrateOp.AddEnumValue(null, "mood", "happy", null, null)), List.of());
        assertThat(Renderer.renderDowngrade(d, "")).isEqualTo("// cannot be undone automatically: add value 'happy' to enum type mood\n");
    }
}
