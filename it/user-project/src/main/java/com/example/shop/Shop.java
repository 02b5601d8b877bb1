package com.example.shop;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.util.List;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.select;

/** What a user writes: an engine, a registry, a session, typed queries. */
public final class Shop {
    private Shop() {
    }

    /** Names of the products in stock, and how many there are. */
    public static String inventory(String url) {
        Engine engine = Jalchemy.createEngine(url);
        try {
            Registry registry = Registry.of(Product.class);
            registry.metadata().createAll(engine);
            SessionFactory sessions = SessionFactory.bind(engine);
            sessions.inTransaction(s -> {
                s.add(new Product("pen", 10));
                s.add(new Product("lamp", 0));
            });
            try (Session session = sessions.open()) {
                List<Product> inStock = session.scalars(select(Product.class).where(Product_.stock.gt(0))).all();
                Long total = session.scalar(select(func.count()).selectFrom(org.jalchemy.orm.Orm.table(Product.class)));
                return inStock.get(0).name + " " + total;
            }
        } finally {
            engine.dispose();
        }
    }
}
