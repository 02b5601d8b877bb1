package org.jalchemy.examples;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Transaction;
import org.jalchemy.examples.guide.Capitulo04Modelos;
import org.jalchemy.examples.guide.Capitulo05Crud;
import org.jalchemy.examples.guide.Capitulo06ConsultasOrm;
import org.jalchemy.examples.guide.Capitulo08Sesiones;
import org.jalchemy.examples.guide.Capitulo11BuenasPracticasOrm;
import org.jalchemy.exc.IntegrityError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.text;

/**
 * The demo tour: runs the guide's steps on an embedded SQLite file, {@code mi_base_de_datos.db}
 * in the working directory (recreated on each run), printing a heading per step, the SQL that ran
 * (echo) and the result. Exits non-zero if any step fails.
 *
 * <p>Run it with {@code ./dev demo}. It grows with the project: today it covers chapter 3 of the
 * guide (engine, connection, transactions) with raw SQL through {@code text()}, then chapters 4, 6,
 * 8 and 11 in Core, then chapters 4, 5, 6, 8 and 11 with the ORM (package
 * {@code org.jalchemy.examples.guide}), chapter 7's relationships, inheritance mapping (SQLAlchemy's
 * employees/managers/engineers, {@link org.jalchemy.examples.guide.Herencia}), and §8.6 and chapter 10 with
 * jalchemy-async, and chapter 9's migration commands (the CLI in-process, its files in
 * {@code ./migraciones-demo}). The Core and ORM chapters both use tables called {@code usuarios} and
 * {@code pedidos} with different columns, so the Core tables are dropped before the ORM chapters
 * create theirs. The last chapter's tables and rows are left in the database for the reader.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : "mi_base_de_datos.db";
        Files.deleteIfExists(Path.of(file));
        try {
            run("sqlite:///" + file);
            System.out.println("\nDemo finished: every step ran.");
        } catch (RuntimeException e) {
            System.err.println("\nDemo FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void heading(String title) {
        System.out.println();
        System.out.println("=== " + title + " ===");
    }

    /** The tour itself, against any URL (tests run it on every backend). */
    public static void run(String url) {
        heading("§3 Crear un motor (create an engine) and check the connection");
        // tag::create-engine[]
        Engine engine = Jalchemy.createEngine(url, o -> o.echo(true));
        try (Connection connection = engine.connect()) {
            connection.execute(text("SELECT 1")).scalarOne();
            System.out.println("Conexión exitosa a " + engine.dialect().name());
        }
        // end::create-engine[]

        heading("§3 A table and rows in one transaction (engine.inTransaction commits on return)");
        engine.inTransaction(conn -> {
            conn.execute(text("CREATE TABLE usuarios (id INTEGER PRIMARY KEY, nombre VARCHAR(50) NOT NULL UNIQUE, "
                    + "email VARCHAR(100))"));
            conn.execute(text("INSERT INTO usuarios (id, nombre, email) VALUES (:id, :nombre, :email)"),
                    List.of(Map.of("id", 1, "nombre", "Ana", "email", "ana@example.com"),
                            Map.of("id", 2, "nombre", "Carlos", "email", "carlos@example.com")));
        });

        heading("§3 Reading rows with named bind parameters");
        try (Connection conn = engine.connect()) {
            var rows = conn.execute(text("SELECT id, nombre, email FROM usuarios WHERE id >= :min ORDER BY id"),
                    Map.of("min", 1)).all();
            rows.forEach(r -> System.out.println("  " + r.get("nombre") + " <" + r.get("email") + ">"));
        }

        heading("§8 Rollback: work that is not committed is not kept");
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO usuarios (id, nombre) VALUES (3, 'Pedro')"));
            conn.rollback();
            System.out.println("  usuarios after rollback: "
                    + conn.execute(text("SELECT COUNT(*) FROM usuarios")).scalarOne());
        }

        heading("§8 SAVEPOINT: a failed step is undone, the rest is committed");
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO usuarios (id, nombre) VALUES (3, 'Pedro')"));
            Transaction savepoint = conn.beginNested();
            try {
                conn.execute(text("INSERT INTO usuarios (id, nombre) VALUES (4, 'Ana')")); // duplicate name
                savepoint.commit();
            } catch (IntegrityError e) {
                System.out.println("  IntegrityError caught: " + e.getCause().getMessage());
                savepoint.rollback();
            }
            conn.commit();
            System.out.println("  usuarios now: " + conn.execute(text("SELECT COUNT(*) FROM usuarios")).scalarOne());
        }

        heading("§3 Other databases: the same code, another URL");
        // tag::other-urls[]
        // Jalchemy.createEngine("postgresql://usuario:contraseña@localhost:5432/mi_base");
        // Jalchemy.createEngine("mariadb://usuario:contraseña@localhost:3306/mi_base");
        // Jalchemy.createEngine("mysql://usuario:contraseña@localhost:3306/mi_base");
        // end::other-urls[]
        System.out.println("  postgresql://, mariadb://, mysql://, sqlite:///archivo.db");

        heading("§4-§11 The guide's chapters in Core (org.jalchemy.examples.guide)");
        try (Connection conn = engine.connect()) {
            conn.execute(text("DROP TABLE usuarios"));
            conn.commit();
        }
        org.jalchemy.examples.guide.Capitulo04Tablas.run(engine);
        org.jalchemy.examples.guide.Capitulo06Consultas.run(engine);
        org.jalchemy.examples.guide.Capitulo08Transacciones.run(engine);
        org.jalchemy.examples.guide.Capitulo11BuenasPracticas.run(engine);
        org.jalchemy.examples.guide.Capitulo04Tablas.drop(engine);

        heading("§4-§11 The guide's chapters with the ORM (Registry, SessionFactory, Session)");
        Capitulo04Modelos.run(engine);
        Capitulo05Crud.run(engine);
        Capitulo06ConsultasOrm.run(engine);
        Capitulo08Sesiones.run(engine);
        Capitulo11BuenasPracticasOrm.run(engine);
        Capitulo04Modelos.borrar(engine);

        heading("§7 Relationships between models (and §4, §6.4, §11.1: lazy and eager loading, N+1)");
        org.jalchemy.examples.guide.Capitulo07Relaciones.run(engine);

        heading("Inheritance: employees, managers and engineers (joined-table inheritance, echo off)");
        engine.echo(false);
        org.jalchemy.examples.guide.Herencia.run(engine);
        engine.echo(true);

        heading("§9 Migrations: jalchemy migrate init, revision --autogenerate, upgrade, downgrade (in ./migraciones-demo)");
        org.jalchemy.examples.guide.Capitulo09Migraciones.run(url, Path.of("migraciones-demo"));

        heading("§8.6, §10 Async: AsyncEngine, AsyncSession and CompletableFutures on virtual threads");
        org.jalchemy.examples.guide.Capitulo08SesionesAsincronas.run(engine);
        org.jalchemy.examples.guide.Capitulo10Asincronia.run(engine);
        // chapter 10's tables and rows stay, for the reader to open next (sqlite3 mi_base_de_datos.db)

        heading("§11.2 The pool");
        System.out.println("  " + engine.poolStatus());
        engine.dispose();
        System.out.println("\nThe database keeps the last chapter's tables (users, usuarios, pedidos) and rows: "
                + "open it with  sqlite3 mi_base_de_datos.db  and try  .tables  or  SELECT * FROM usuarios;");
    }
}
