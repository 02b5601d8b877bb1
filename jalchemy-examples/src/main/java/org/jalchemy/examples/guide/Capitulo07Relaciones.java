package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.examples.guide.relaciones.Author;
import org.jalchemy.examples.guide.relaciones.BlogPost;
import org.jalchemy.examples.guide.relaciones.Blogger;
import org.jalchemy.examples.guide.relaciones.Book;
import org.jalchemy.examples.guide.relaciones.Course;
import org.jalchemy.examples.guide.relaciones.Passport;
import org.jalchemy.examples.guide.relaciones.Pedido;
import org.jalchemy.examples.guide.relaciones.Pedido_;
import org.jalchemy.examples.guide.relaciones.Person;
import org.jalchemy.examples.guide.relaciones.Post;
import org.jalchemy.examples.guide.relaciones.Profile;
import org.jalchemy.examples.guide.relaciones.Student;
import org.jalchemy.examples.guide.relaciones.User;
import org.jalchemy.examples.guide.relaciones.User_;
import org.jalchemy.examples.guide.relaciones.Usuario;
import org.jalchemy.examples.guide.relaciones.Usuario_;
import org.jalchemy.orm.NPlusOneError;
import org.jalchemy.orm.OrmResult.OrmRow;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.sql.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.jalchemy.orm.Orm.containsEager;
import static org.jalchemy.orm.Orm.joinedload;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.orm.Orm.selectinload;
import static org.jalchemy.orm.Orm.table;

/**
 * Guide chapter 7 (relationships between models), the relationship parts of chapters 4 and 6.4,
 * and §11.1 (lazy and eager loading, N+1), with the models of
 * {@link org.jalchemy.examples.guide.relaciones}: one method per section, each printing what the
 * guide prints. {@link #run} recreates the tables empty, runs every section and drops them.
 */
public final class Capitulo07Relaciones {
    /**
     * The chapter's models: users/posts/profiles, students/courses, authors/books, people/passports,
     * the backref pair, and §6.4's usuarios/pedidos (the same tables as chapter 5's models, which
     * {@link Capitulo04Modelos#borrar} drops before this chapter runs in the demo).
     */
    public static final Registry REGISTRY = Registry.of(User.class, Post.class, Profile.class, Student.class,
            Course.class, Author.class, Book.class, Person.class, Passport.class, Blogger.class, BlogPost.class,
            Usuario.class, Pedido.class);

    private Capitulo07Relaciones() {
    }

    /** Runs this chapter alone on {@code mi_base_de_datos.db}, or on the URL given. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo07Relaciones::run);
    }

    public static void run(Engine engine) {
        recrear(engine);
        SessionFactory fabrica = SessionFactory.bind(engine);
        tiposDeRelaciones(fabrica);
        unoAMuchos(fabrica);
        muchosAMuchos(fabrica);
        unoAUno(fabrica);
        bidireccionales(fabrica);
        joins(fabrica);
        estrategiasDeCarga(fabrica);
        cargaDeUnaReferencia(fabrica);
        borrar(engine);
    }

    /** Drops (if present) and creates the chapter's tables. */
    public static void recrear(Engine engine) {
        REGISTRY.metadata().dropAll(engine);
        REGISTRY.metadata().createAll(engine); // student_course and author_books are declared by the relationships
    }

    /** Drops the chapter's tables if they exist. */
    public static void borrar(Engine engine) {
        REGISTRY.metadata().dropAll(engine);
    }

    /** §4 "Tipos de relaciones": many-to-many between authors and books through {@code author_books}. */
    public static void tiposDeRelaciones(SessionFactory fabrica) {
        System.out.println("=== §4 Tipos de relaciones: muchos a muchos con author_books ===");
        // tag::authors-books[]
        try (Session session = fabrica.open()) {
            Author ana = new Author("Ana");
            Author bea = new Author("Bea");
            Book compartido = new Book("Escrito a cuatro manos");
            ana.books.add(compartido);          // compartido.authors gains ana at once (back_populates)
            bea.books.add(compartido);
            ana.books.add(new Book("Solo de Ana"));
            session.addAll(List.of(ana, bea)); // the books cascade in (save-update)
            session.commit();
            System.out.println("  autores de '" + compartido.title + "': "
                    + compartido.authors.stream().map(a -> a.name).toList());
        }
        // end::authors-books[]
    }

    /** §7.1 One-to-many: {@code new_user.posts = [...]}, add, commit, then read the posts back. */
    public static void unoAMuchos(SessionFactory fabrica) {
        System.out.println("=== §7.1 Uno a muchos: User.posts / Post.author ===");
        // tag::one-to-many[]
        try (Session session = fabrica.open()) {
            // Crear un nuevo usuario con publicaciones
            User newUser = new User("Juan");
            newUser.posts = new ArrayList<>(List.of(new Post("Primera publicación"), new Post("Segunda publicación")));
            // Guardar en la base de datos
            session.add(newUser);
            session.commit();
        }
        try (Session session = fabrica.open()) {
            // Consultar un usuario y sus publicaciones
            User user = session.query(User.class).filterBy("name", "Juan").first().orElseThrow();
            for (Post post : user.posts) {   // loaded on first access: one SELECT
                System.out.println("  " + post.title);
            }
        }
        // end::one-to-many[]
    }

    /** §7.2 Many-to-many: a student with two courses. */
    public static void muchosAMuchos(SessionFactory fabrica) {
        System.out.println("=== §7.2 Muchos a muchos: Student.courses / Course.students ===");
        // tag::many-to-many[]
        try (Session session = fabrica.open()) {
            // Crear un estudiante con cursos
            Student student = new Student("Ana");
            Course course1 = new Course("Matemáticas");
            Course course2 = new Course("Ciencias");
            student.courses = new ArrayList<>(List.of(course1, course2));
            session.add(student);
            session.commit();        // INSERTs students, courses, then two student_course rows
        }
        try (Session session = fabrica.open()) {
            // Consultar los cursos de un estudiante
            Student student = session.query(Student.class).filterBy("name", "Ana").first().orElseThrow();
            for (Course course : student.courses) {
                System.out.println("  " + course.name + " (estudiantes: "
                        + course.students.stream().map(s -> s.name).toList() + ")");
            }
        }
        // end::many-to-many[]
    }

    /** §7.3 One-to-one: a person and their passport. */
    public static void unoAUno(SessionFactory fabrica) {
        System.out.println("=== §7.3 Uno a uno: Person.passport / Passport.owner ===");
        // tag::one-to-one[]
        try (Session session = fabrica.open()) {
            // Crear una persona con un pasaporte
            Person person = new Person("Carlos");
            Passport passport = new Passport("A1234567");
            person.passport = passport;
            session.add(person);
            session.commit();
        }
        try (Session session = fabrica.open()) {
            // Consultar el pasaporte de una persona (a single reference is loaded with its object)
            Person person = session.query(Person.class).filterBy("name", "Carlos").first().orElseThrow();
            System.out.println("  " + person.passport.number + " pertenece a " + person.passport.owner.name);
        }
        // end::one-to-one[]
    }

    /** §7.4 Bidirectional relationships: {@code back_populates} both ways, and {@code backref}. */
    public static void bidireccionales(SessionFactory fabrica) {
        System.out.println("=== §7.4 Relaciones bidireccionales: back_populates y backref ===");
        // tag::back-populates[]
        try (Session session = fabrica.open()) {
            User juan = session.query(User.class).filterBy("name", "Juan").one();
            Post post = new Post("Tercera publicación");
            juan.posts.add(post);                     // the collection side: post.author is set at once
            System.out.println("  post.author = " + post.author.name);
            Post otro = new Post("Cuarta publicación");
            otro.author = juan;                       // a plain field: seen when added (or at the next flush)
            session.add(otro);
            System.out.println("  posts de " + juan.name + ": " + juan.posts.stream().map(p -> p.title).toList());
            session.commit();
        }
        // end::back-populates[]
        // tag::backref-usage[]
        try (Session session = fabrica.open()) {
            Blogger lucia = new Blogger("Lucía");
            BlogPost entrada = new BlogPost("Hola");
            lucia.posts.add(entrada);                 // backref="author": entrada.author follows
            session.add(lucia);
            session.commit();
            System.out.println("  entrada.author = " + entrada.author.name + ", user_id = " + entrada.userId);
        }
        // end::backref-usage[]
    }

    /**
     * §6.4 Joins between related models, with the guide's {@code Usuario}/{@code Pedido} and their
     * {@code pedidos}/{@code usuario} relationships: the guide's explicit join, the same data through
     * the relationships (no join written), and a join that fills the collection ({@code containsEager}).
     */
    public static void joins(SessionFactory fabrica) {
        System.out.println("=== §6.4 Joins entre modelos relacionados: Usuario.pedidos / Pedido.usuario ===");
        Engine engine = fabrica.engine();
        // tag::join-data[]
        try (Session session = fabrica.open()) {
            Usuario ana = new Usuario("Ana", "ana@example.com");
            ana.pedidos.add(new Pedido("Libro"));           // pedido.usuario = ana at once
            ana.pedidos.add(new Pedido("Lámpara"));
            Usuario carlos = new Usuario("Carlos", "carlos@example.com");
            carlos.pedidos.add(new Pedido("Taza"));
            session.addAll(List.of(ana, carlos, new Usuario("Lucía", "lucia@example.com")));
            session.commit();           // INSERT usuarios, then pedidos with the generated usuario_id
        }
        // end::join-data[]
        try (Sentencias sql = new Sentencias(engine)) {
            // tag::join[]
            try (Session session = fabrica.open()) {
                var stmt = select(Usuario.class, Pedido.class)
                        .join(table(Pedido.class), Usuario_.id.eq(Pedido_.usuarioId))
                        .orderBy(Pedido_.id);
                for (OrmRow row : session.execute(stmt)) {            // for usuario, pedido in result
                    Usuario usuario = row.get(Usuario.class);
                    Pedido pedido = row.get(Pedido.class);
                    System.out.println("  Usuario: " + usuario.nombre + ", Pedido: " + pedido.descripcion);
                }
            }
            // end::join[]
            System.out.println("  (" + sql.count() + " sentencia)");
        }
        try (Sentencias sql = new Sentencias(engine)) {
            // tag::join-relationship[]
            try (Session session = fabrica.open()) {
                List<Usuario> usuarios = session.scalars(select(Usuario.class)
                                .options(selectinload(Usuario_.pedidos))  // + 1 SELECT ... WHERE usuario_id IN (...)
                                .orderBy(Usuario_.id)).all();
                for (Usuario usuario : usuarios) {
                    System.out.println("  " + usuario.nombre + ": "
                            + usuario.pedidos.stream().map(p -> p.descripcion).toList());
                }
            }
            // end::join-relationship[]
            System.out.println("  (" + sql.count() + " sentencias)");
        }
        try (Sentencias sql = new Sentencias(engine)) {
            // tag::many-to-one-loaded[]
            try (Session session = fabrica.open()) {
                List<Pedido> pedidos = session.scalars(select(Pedido.class).orderBy(Pedido_.id)).all();
                for (Pedido pedido : pedidos) {   // pedido.usuario came with the pedidos: one IN query for all
                    System.out.println("  " + pedido.descripcion + " es de " + pedido.usuario.nombre);
                }
            }
            // end::many-to-one-loaded[]
            System.out.println("  (" + sql.count() + " sentencias)");
        }
        // tag::contains-eager[]
        try (Session session = fabrica.open()) {
            List<Usuario> conLibro = session.scalars(select(Usuario.class)
                            .join(table(Pedido.class), Usuario_.id.eq(Pedido_.usuarioId))
                            .where(Pedido_.descripcion.eq("Libro"))
                            .options(containsEager(Usuario_.pedidos)))   // usuario.pedidos = the joined rows only
                    .all();
            for (Usuario usuario : conLibro) {
                System.out.println("  con containsEager: " + usuario.nombre + " -> "
                        + usuario.pedidos.stream().map(p -> p.descripcion).toList());
            }
        }
        // end::contains-eager[]
    }

    /** §11.1 Lazy loading, eager loading and the N+1 problem, counting the statements each one runs. */
    public static void estrategiasDeCarga(SessionFactory fabrica) {
        System.out.println("=== §11.1 Carga diferida, carga anticipada y el problema N+1 ===");
        try (Session session = fabrica.open()) {
            session.add(new User("Luisa"));
            session.add(new User("Pedro"));
            session.commit();
        }
        Engine engine = fabrica.engine();
        // tag::lazy[]
        int lazy = statements(engine, () -> {
            try (Session session = fabrica.open()) {
                int posts = 0;
                for (User user : session.query(User.class).all()) {   // 1 SELECT
                    posts += user.posts.size();                         // + 1 SELECT per user: N+1
                }
                return posts;
            }
        });
        // end::lazy[]
        // tag::eager[]
        int joined = statements(engine, () -> {
            try (Session session = fabrica.open()) {
                List<User> users = session.scalars(select(User.class).options(joinedload(User_.posts))).all();                               // 1 SELECT ... LEFT OUTER JOIN posts
                return users.stream().mapToInt(u -> u.posts.size()).sum();
            }
        });
        int selectin = statements(engine, () -> {
            try (Session session = fabrica.open()) {
                List<User> users = session.scalars(select(User.class).options(selectinload(User_.posts))).all();                               // 2 SELECTs: users, posts WHERE user_id IN
                return users.stream().mapToInt(u -> u.posts.size()).sum();
            }
        });
        // end::eager[]
        System.out.println("  lazy (por defecto): " + lazy + " sentencias para 3 usuarios");
        System.out.println("  joinedload: " + joined + " sentencia");
        System.out.println("  selectinload: " + selectin + " sentencias");
        // tag::nplusone[]
        SessionFactory estricta = SessionFactory.builder(engine).raiseOnNPlusOne(2).build(); // or warnOnNPlusOne(2)
        try (Session session = estricta.open()) {
            for (User user : session.query(User.class).all()) {
                user.posts.size();
            }
        } catch (NPlusOneError e) {
            System.out.println("  NPlusOneError: " + e.getMessage().substring(0, e.getMessage().indexOf(',')));
        }
        // end::nplusone[]
    }

    /**
     * §11.1's {@code profile = relationship("Profile", lazy="select")}: a one-to-one that loads on
     * access ({@link org.jalchemy.orm.Ref}), and {@code joinedload}/{@code selectinload} of it,
     * printing how many statements each runs. Needs {@link #unoAMuchos} (user Juan).
     */
    public static void cargaDeUnaReferencia(SessionFactory fabrica) {
        System.out.println("=== §11.1 lazy=\"select\" en una referencia: User.profile ===");
        try (Session session = fabrica.open()) {
            // tag::profile-set[]
            User juan = session.query(User.class).filterBy("name", "Juan").one();
            juan.profile.set(new Profile("Escribe sobre bases de datos"));   // cascades in; user_id set at flush
            session.commit();
            // end::profile-set[]
        }
        Engine engine = fabrica.engine();
        try (Sentencias sql = new Sentencias(engine)) {
            // tag::profile-lazy[]
            try (Session session = fabrica.open()) {
                User juan = session.query(User.class).filterBy("name", "Juan").one();   // 1 SELECT: users only
                System.out.println("  ¿perfil cargado? " + juan.profile.isLoaded());
                System.out.println("  perfil: " + juan.profile.get().bio);               // + 1 SELECT, now
            }
            // end::profile-lazy[]
            System.out.println("  lazy=\"select\": " + sql.count() + " sentencias");
        }
        try (Sentencias sql = new Sentencias(engine)) {
            // tag::profile-joinedload[]
            try (Session session = fabrica.open()) {
                List<User> users = session.scalars(select(User.class)
                        .options(joinedload(User_.profile))          // 1 SELECT ... LEFT OUTER JOIN profiles
                        .orderBy(User_.id)).all();
                for (User user : users) {
                    Profile profile = user.profile.get();               // loaded already: no SQL
                    System.out.println("  " + user.name + ": " + (profile == null ? "(sin perfil)" : profile.bio));
                }
            }
            // end::profile-joinedload[]
            System.out.println("  joinedload(User_.profile): " + sql.count() + " sentencia");
        }
        try (Sentencias sql = new Sentencias(engine)) {
            // tag::profile-selectinload[]
            try (Session session = fabrica.open()) {
                List<User> users = session.scalars(select(User.class)
                        .options(selectinload(User_.profile))        // + 1 SELECT ... WHERE user_id IN (...)
                        .orderBy(User_.id)).all();
                users.forEach(user -> user.profile.get());
            }
            // end::profile-selectinload[]
            System.out.println("  selectinload(User_.profile): " + sql.count() + " sentencias");
        }
    }

    /** Counts the statements an engine executes while open (kept out of the snippets). */
    static final class Sentencias implements AutoCloseable {
        private final AtomicInteger n = new AtomicInteger();
        private final EngineEvents.Registration registration;

        Sentencias(Engine engine) {
            registration = engine.events().beforeExecute(ctx -> n.incrementAndGet());
        }

        int count() {
            return n.get();
        }

        @Override
        public void close() {
            registration.close();
        }
    }

    /** Runs {@code work} and returns how many statements the engine executed meanwhile. */
    private static int statements(Engine engine, Supplier<Integer> work) {
        try (Sentencias sql = new Sentencias(engine)) {
            work.get();
            return sql.count();
        }
    }
}
