package org.jalchemy.examples.guide;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;

import java.util.function.Consumer;

/** What every chapter's {@code main} does: open an echoing engine on the URL given (default {@code mi_base_de_datos.db}) and run the chapter. */
final class Capitulos {
    static final String DEFAULT_URL = "sqlite:///mi_base_de_datos.db";

    private Capitulos() {
    }

    static void main(String[] args, Consumer<Engine> chapter) {
        try (Engine engine = Jalchemy.createEngine(args.length > 0 ? args[0] : DEFAULT_URL, o -> o.echo(true))) {
            chapter.accept(engine);
        }
    }
}
