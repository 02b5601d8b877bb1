package org.jalchemy.migrate.script;

import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Script compilation: no database involved (the scripts are compiled and instantiated, not run),
 * so these run once rather than per backend.
 */
class ScriptCompilerTest {
    @TempDir
    Path dir;

    static String script(String pkg, String cls, String rev, String down, String upgradeBody) {
        return (pkg.isEmpty() ? "" : "package " + pkg + ";\n")
                + "import org.jalchemy.migrate.*;\n"
                + "import static org.jalchemy.migrate.Ddl.*;\n"
                + "import static org.jalchemy.types.SqlTypes.*;\n"
                + "public final class " + cls + " implements Migration {\n"
                + "    public String revision() { return \"" + rev + "\"; }\n"
                + "    public String downRevision() { return " + (down == null ? "null" : "\"" + down + "\"") + "; }\n"
                + "    public void upgrade(Ops op) { " + upgradeBody + " }\n"
                + "    public void downgrade(Ops op) { }\n"
                + "}\n";
    }

    private Path versions() throws IOException {
        return Files.createDirectories(dir.resolve("migrations/versions"));
    }

    private Path cache() {
        return dir.resolve("migrations/.compiled");
    }

    @Test
    void compilesScriptsWithAndWithoutPackageAndInstantiatesEveryMigration() throws IOException {
        Path v = versions();
        Files.writeString(v.resolve("R_aaaaaaaaaaaa_first.java"), script("", "R_aaaaaaaaaaaa_first", "aaaaaaaaaaaa", null,
                "op.createTable(\"users\", column(\"id\", integer()).primaryKey());"));
        Files.writeString(v.resolve("R_bbbbbbbbbbbb_second.java"), script("com.app.migrations", "R_bbbbbbbbbbbb_second",
                "bbbbbbbbbbbb", "aaaaaaaaaaaa", "op.addColumn(\"users\", column(\"email\", string(120)));"));
        // a helper class beside the scripts is compiled but is no revision
        Files.writeString(v.resolve("Helpers.java"), "public final class Helpers { static String x() { return \"x\"; } }\n");

        List<Migration> ms = new ScriptCompiler(cache(), List.of()).load(v);

        assertThat(ms).extracting(Migration::revision).containsExactly("aaaaaaaaaaaa", "bbbbbbbbbbbb");
        assertThat(ms.get(1).downRevisions()).containsExactly("aaaaaaaaaaaa");
        assertThat(ms.get(1).getClass().getName()).isEqualTo("com.app.migrations.R_bbbbbbbbbbbb_second");
        // each load gets a fresh class loader: scripts edited between runs are new classes
        List<Migration> again = new ScriptCompiler(cache(), List.of()).load(v);
        assertThat(again.get(0).getClass()).isNotSameAs(ms.get(0).getClass());
    }

    @Test
    void secondRunCompilesNothingAndAnEditRecompiles() throws IOException {
        Path v = versions();
        for (int i = 0; i < 3; i++) {
            String rev = String.format("%012d", i);
            Files.writeString(v.resolve("R_" + rev + ".java"), script("", "R_" + rev, rev, i == 0 ? null : String.format("%012d", i - 1), ""));
        }
        ScriptCompiler.Compilation first = new ScriptCompiler(cache(), List.of()).compile(v);
        assertThat(first.fromCache()).isFalse();
        assertThat(first.classes()).hasSize(3);

        // no compiler at all: the cached classes must serve, or this throws
        ScriptCompiler noJdk = new ScriptCompiler(cache(), List.of(), null, () -> null);
        ScriptCompiler.Compilation second = noJdk.compile(v);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.classesDirectory()).isEqualTo(first.classesDirectory());
        assertThat(noJdk.instantiate(second)).extracting(Migration::revision)
                .containsExactly("000000000000", "000000000001", "000000000002");

        // an edited script changes the key: compiled again
        Files.writeString(v.resolve("R_000000000002.java"), script("", "R_000000000002", "000000000002", "000000000001",
                "op.dropTable(\"t\");"));
        assertThatThrownBy(() -> noJdk.compile(v)).isInstanceOf(MigrationError.class);
        ScriptCompiler.Compilation third = new ScriptCompiler(cache(), List.of()).compile(v);
        assertThat(third.fromCache()).isFalse();
        assertThat(third.classesDirectory()).isNotEqualTo(first.classesDirectory());
    }

    @Test
    void aScriptThatDoesNotCompileNamesFileLineAndCompilerMessage() throws IOException {
        Path v = versions();
        Files.writeString(v.resolve("R_aaaaaaaaaaaa_ok.java"), script("", "R_aaaaaaaaaaaa_ok", "aaaaaaaaaaaa", null, ""));
        // line 7 is upgrade(): a misspelt op
        Files.writeString(v.resolve("R_bbbbbbbbbbbb_bad.java"), script("", "R_bbbbbbbbbbbb_bad", "bbbbbbbbbbbb", "aaaaaaaaaaaa",
                "op.addColum(\"users\", column(\"email\", string(120)));"));

        assertThatThrownBy(() -> new ScriptCompiler(cache(), List.of()).load(v))
                .isInstanceOf(ScriptCompileError.class)
                .hasMessageStartingWith("Revision script ")
                .hasMessageContaining("R_bbbbbbbbbbbb_bad.java:7: cannot find symbol")
                .hasMessageContaining("addColum")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    assertThat(((ScriptCompileError) e).diagnostics()).hasSize(1);
                });
        // nothing half-written was cached
        try (Stream<Path> s = Files.list(cache())) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void severalErrorsAreCountedInTheMessageAndListed() throws IOException {
        Path v = versions();
        Files.writeString(v.resolve("R_x.java"), script("", "R_x", "x", null, "op.nope(); op.nope2();"));
        assertThatThrownBy(() -> new ScriptCompiler(cache(), List.of()).load(v))
                .isInstanceOf(ScriptCompileError.class)
                .hasMessageContaining("R_x.java:7:")
                .hasMessageEndingWith("(and 1 more error)")
                .satisfies(e -> assertThat(((ScriptCompileError) e).diagnostics()).hasSize(2)
                        .allSatisfy(d -> assertThat(d).contains("R_x.java:7: cannot find symbol")));
    }

    @Test
    void withoutAJdkCompilerTheErrorSaysSo() throws IOException {
        Path v = versions();
        Files.writeString(v.resolve("R_a.java"), script("", "R_a", "a", null, ""));
        assertThatThrownBy(() -> new ScriptCompiler(cache(), List.of(), null, () -> null).load(v))
                .isInstanceOf(MigrationError.class)
                .hasMessageContaining("has no Java compiler")
                .hasMessageContaining("JDK 21")
                .hasMessageContaining(v.toString().substring(dir.toString().length() - dir.getFileName().toString().length()));
    }

    @Test
    void aMissingVersionsDirectoryIsNamed() {
        Path v = dir.resolve("nowhere/versions");
        assertThatThrownBy(() -> new ScriptCompiler(cache(), List.of()).load(v))
                .isInstanceOf(MigrationError.class).hasMessageContaining(v.toString()).hasMessageContaining("init");
    }

    @Test
    void anEmptyVersionsDirectoryHasNoMigrations() throws IOException {
        assertThat(new ScriptCompiler(cache(), List.of()).load(versions())).isEmpty();
    }

    @Test
    void aScriptWithoutPublicNoArgConstructorIsNamed() throws IOException {
        Path v = versions();
        Files.writeString(v.resolve("R_c.java"), """
                import org.jalchemy.migrate.*;
                public final class R_c implements Migration {
                    public R_c(int x) { }
                    public String revision() { return "c"; }
                    public void upgrade(Ops op) { }
                    public void downgrade(Ops op) { }
                }
                """);
        assertThatThrownBy(() -> new ScriptCompiler(cache(), List.of()).load(v))
                .isInstanceOf(ScriptCompileError.class)
                .hasMessageContaining("R_c.java").hasMessageContaining("public no-argument constructor");
    }

    /** The config's classpath: scripts compile and run against the user's classes, and a change there recompiles. */
    @Test
    void scriptsSeeTheExtraClasspathAndItsChangesInvalidateTheCache() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models-src"));
        Path classes = Files.createDirectories(dir.resolve("models-classes"));
        Files.writeString(models.resolve("Names.java"), "package com.app; public final class Names { public static final String USERS = \"users\"; }\n");
        javac(classes, models.resolve("Names.java"));

        Path v = versions();
        Files.writeString(v.resolve("R_d.java"), script("", "R_d", "d", null, "op.dropTable(com.app.Names.USERS);"));
        assertThatThrownBy(() -> new ScriptCompiler(cache(), List.of(dir.resolve("target/classes"))).load(v))
                .isInstanceOf(ScriptCompileError.class).hasMessageContaining("package com.app does not exist")
                .hasMessageEndingWith("; classpath entries of the config that do not exist: " + dir.resolve("target/classes"));

        ScriptCompiler withModels = new ScriptCompiler(cache(), List.of(classes));
        assertThat(withModels.compile(v).fromCache()).isFalse();
        assertThat(withModels.load(v)).extracting(Migration::revision).containsExactly("d");
        assertThat(withModels.compile(v).fromCache()).isTrue();

        Files.writeString(models.resolve("Names.java"), "package com.app; public final class Names { public static final String USERS = \"people\"; }\n");
        javac(classes, models.resolve("Names.java"));
        Files.setLastModifiedTime(classes.resolve("com/app/Names.class"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        assertThat(withModels.compile(v).fromCache()).isFalse();
    }

    @Test
    void onlyTheMostRecentCacheEntriesAreKept() throws IOException {
        Path v = versions();
        Path s = v.resolve("R_e.java");
        for (int i = 0; i < ScriptCompiler.KEEP_ENTRIES + 3; i++) {
            Files.writeString(s, script("", "R_e", "e" + i, null, ""));
            new ScriptCompiler(cache(), List.of()).compile(v);
        }
        try (Stream<Path> l = Files.list(cache())) {
            assertThat(l.toList()).hasSize(ScriptCompiler.KEEP_ENTRIES);
        }
    }

    // ------------------------------------------------------------------ ClasspathScripts

    @Test
    void classpathScanFindsMigrationsInDirectoriesAndJars() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path a = src.resolve("R_a.java");
        Files.writeString(a, script("com.app.migrations", "R_a", "a", null, ""));
        Path b = src.resolve("R_b.java");
        Files.writeString(b, script("com.app.migrations.more", "R_b", "b", "a", ""));
        Path other = src.resolve("NotAMigration.java");
        Files.writeString(other, "package com.app.migrations; public abstract class NotAMigration implements org.jalchemy.migrate.Migration {"
                + " public static class Nested {} }\n");
        Path elsewhere = src.resolve("R_z.java");
        Files.writeString(elsewhere, script("com.app.other", "R_z", "z", null, ""));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        javac(classes, a, b, other, elsewhere);

        try (URLClassLoader l = new URLClassLoader(new URL[]{classes.toUri().toURL()}, Migration.class.getClassLoader())) {
            assertThat(ClasspathScripts.scan("com.app.migrations", l)).extracting(Migration::revision).containsExactly("a", "b");
            assertThat(ClasspathScripts.scan("com.app.nothing", l)).isEmpty();
        }

        // the same classes in a jar: R_b in the jar, R_a in a directory (two roots of one package)
        Path jar = dir.resolve("scripts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String e : List.of("com/app/migrations/more/R_b.class", "com/app/migrations/NotAMigration.class")) {
                out.putNextEntry(new JarEntry(e));
                try (OutputStream o = OutputStream.nullOutputStream()) {
                    out.write(Files.readAllBytes(classes.resolve(e)));
                }
                out.closeEntry();
            }
        }
        Path onlyA = Files.createDirectories(dir.resolve("onlyA/com/app/migrations"));
        Files.copy(classes.resolve("com/app/migrations/R_a.class"), onlyA.resolve("R_a.class"));
        try (URLClassLoader l = new URLClassLoader(new URL[]{dir.resolve("onlyA").toUri().toURL(), jar.toUri().toURL()},
                Migration.class.getClassLoader())) {
            List<Migration> ms = ClasspathScripts.scan("com.app.migrations", l);
            assertThat(ms).extracting(Migration::revision).containsExactly("a", "b");
            assertThat(ms.get(1).getClass().getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith("scripts.jar");
        }
    }

    @Test
    void classpathScanNeedsAPackage() {
        assertThatThrownBy(() -> ClasspathScripts.scan(" ", getClass().getClassLoader()))
                .isInstanceOf(MigrationError.class).hasMessageContaining("needs the package");
    }

    private static void javac(Path out, Path... sources) {
        String cp = System.getProperty("java.class.path");
        String[] args = Stream.concat(Stream.of("-d", out.toString(), "-cp", cp, "-proc:none"),
                Stream.of(sources).map(Path::toString)).toArray(String[]::new);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args)).isZero();
    }
}
