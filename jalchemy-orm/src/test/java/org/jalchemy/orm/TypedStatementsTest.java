package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.Post_;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.User_;
import org.jalchemy.sql.Row2;
import org.jalchemy.sql.Tuple;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.table;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.select;

/**
 * Statements carry their row type: {@code session.scalars(select(User.class))} is a
 * {@code ScalarResult<User>}, {@code select(User.class, func.count(...))} rows are
 * {@code Row2<User, Long>}. The compile tests run javac on {@code src/test/resources/typed-negative}
 * with this module's test classpath: the wrong-type files must fail with the expected errors, the
 * control file must compile.
 */
class TypedStatementsTest {

    private static SessionFactory seeded(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        factory.inTransaction(s -> {
            s.add(new User("ann", "ann@example.com"));
            s.add(new User("bob", "bob@example.com"));
        });
        factory.inTransaction(s -> {
            User ann = s.query(User.class).filterBy("username", "ann").one();
            s.add(new Post("a", null, ann.id));
            s.add(new Post("b", null, ann.id));
        });
        return factory;
    }

    @BackendTest
    void entityScalarsAreTyped(Backend backend) {
        try (Session session = seeded(backend).open()) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.username)).all();
            assertThat(users).extracting(u -> u.username).containsExactly("ann", "bob");
            Long count = session.scalar(select(func.count()).selectFrom(table(User.class)));
            assertThat(count).isEqualTo(2L);
            String email = session.scalar(select(User_.email).where(User_.username.eq("bob")));
            assertThat(email).isEqualTo("bob@example.com");
        }
    }

    @BackendTest
    void entityAndCountRows(Backend backend) {
        try (Session session = seeded(backend).open()) {
            List<String> seen = new ArrayList<>();
            for (Row2<User, Long> row : session.rows(select(User.class, func.count(Post_.id))
                    .join(table(Post.class), User_.id.eq(Post_.userId))
                    .groupBy(User_.id, User_.username, User_.email))) {
                User u = row.value1();
                Long n = row.value2();
                seen.add(u.username + "=" + n);
            }
            assertThat(seen).containsExactly("ann=2");
            Row2<String, Integer> pair = session.rows(select(User_.username, User_.id)
                    .where(User_.username.eq("bob"))).one();
            assertThat(pair.value1()).isEqualTo("bob");
            // the untyped path: Tuple rows of a run-time list of items
            List<Tuple> dynamic = session.rows(select((Object) User.class, User_.email)).all();
            assertThat(dynamic).hasSize(2);
            assertThat(dynamic.get(0).value1()).isInstanceOf(User.class);
            assertThat(session.execute(select(User.class)).scalars(User.class).all()).hasSize(2);
        }
    }

    @Test
    void assigningEntityScalarsToListOfStringDoesNotCompile() {
        List<String> errors = compile("WrongElementType.java");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e)
                .startsWith("11:")
                .contains("incompatible types")
                .contains("java.util.List<org.jalchemy.orm.model.User>")
                .contains("java.util.List<java.lang.String>"));
    }

    @Test
    void readingColumnsAsTheWrongTypeDoesNotCompile() {
        List<String> errors = compile("WrongColumnType.java");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("12:").contains("java.lang.Long cannot be converted to java.lang.String");
        assertThat(errors.get(1)).startsWith("14:").contains("incompatible");
    }

    @Test
    void theRightTypesCompile() {
        assertThat(compile("Compiles.java")).isEmpty();
    }

    /** javac on one file of {@code typed-negative} with the test classpath; the errors as {@code line: message}. */
    private static List<String> compile(String file) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK, not a JRE").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            Path source = Path.of(TypedStatementsTest.class.getResource("/typed-negative/" + file).toURI());
            Path out = Files.createTempDirectory("typed-negative");
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                    "-d", out.toString());
            javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjects(source)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getLineNumber() + ": " + d.getMessage(java.util.Locale.ROOT));
            }
        }
        return errors;
    }
}
