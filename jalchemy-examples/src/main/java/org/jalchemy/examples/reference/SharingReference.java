package org.jalchemy.examples.reference;

import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.Commands;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.SessionFactory;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The code of docs/sharing-with-sqlalchemy.md, run on every backend by SharingReferenceTest against
 * a table SQLAlchemy 1.4 created: reading and adding an order through {@link SharedOrder}, and
 * adopting a database Alembic migrated.
 */
public final class SharingReference {
    private SharingReference() {
    }

    /** Reads the order SQLAlchemy wrote (id 1) and adds one (id 2) for SQLAlchemy to read; returns order 1's status. */
    public static SharedOrder.Status addOrder(Engine engine) {
        Registry.of(SharedOrder.class);
        SessionFactory factory = SessionFactory.bind(engine);
        // tag::read-write[]
        SharedOrder.Status first = factory.transaction(session -> {
            SharedOrder written = session.get(SharedOrder.class, 1).orElseThrow();   // written by SQLAlchemy
            session.add(new SharedOrder(2, "Luis", new BigDecimal("7.25"), SharedOrder.Status.NEW,
                    LocalDateTime.of(2024, 1, 2, 3, 4, 5, 654_321_000)));            // read by SQLAlchemy
            return written.status;
        });
        // end::read-write[]
        return first;
    }

    /** Adopts the Alembic-migrated database at {@code url}, with the script directory under {@code project}. */
    public static String adopt(Path project, String url, PrintStream out) {
        // tag::adopt[]
        Commands.init(project.resolve("migrations"), project.resolve("jalchemy.toml"), out);  // once: migrations/versions
        MigrateConfig config = MigrateConfig.of(project, Map.of("url", url, "script_location", "migrations"));
        String adopted = new Commands(config, out).stampFromAlembic(null, false);   // alembic_version, kept
        // end::adopt[]
        return adopted;
    }
}
