package org.jalchemy.engine;

import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Executable;

/**
 * Answers a statement instead of (or around) the database: the hook of the query-result cache
 * ({@code jalchemy-cache}). Registered with {@code engine.events().intercept(interceptor)}; called
 * for every statement executed through {@link Connection#execute(Executable, java.util.Map)} that
 * returns rows ({@code compiled.isQuery()}), after compilation and before echo, listeners and the
 * driver. Not called for executemany, {@code executeCompiled} (the ORM's flush and
 * {@code session.get}) or driver SQL.
 *
 * <p>Contract: return {@code invocation.proceed()} to run the statement (at most once), or a
 * result of your own (e.g. {@link Result#fromRows}). Interceptors run in registration order, each
 * one's {@code proceed()} calling the next. An exception propagates to the caller. With none
 * registered the execution path reads one array field and nothing else.
 */
@FunctionalInterface
public interface StatementInterceptor {
    Result intercept(Invocation invocation);

    /** One interception: the statement about to run and how to run it. Valid during the call only. */
    final class Invocation {
        private final Connection connection;
        private final Executable statement;
        private final Compiled compiled;
        private final Object[] values;
        private final StatementInterceptor[] chain;
        private final int index;
        private final java.util.function.Supplier<Result> terminal;

        Invocation(Connection connection, Executable statement, Compiled compiled, Object[] values,
                   StatementInterceptor[] chain, int index, java.util.function.Supplier<Result> terminal) {
            this.connection = connection;
            this.statement = statement;
            this.compiled = compiled;
            this.values = values;
            this.chain = chain;
            this.index = index;
            this.terminal = terminal;
        }

        public Connection connection() {
            return connection;
        }

        /** The statement as given (options included, e.g. {@code select(...).options(cache("users"))}). */
        public Executable statement() {
            return statement;
        }

        /** Its compiled form on this engine's dialect (SQL, result columns, {@link Compiled#tables()}). */
        public Compiled compiled() {
            return compiled;
        }

        /** The values bound to the placeholders, in order (do not modify). */
        public Object[] values() {
            return values;
        }

        /** Runs the statement: the next interceptor, or the database. */
        public Result proceed() {
            if (index + 1 < chain.length) {
                return chain[index + 1].intercept(new Invocation(connection, statement, compiled, values, chain,
                        index + 1, terminal));
            }
            return terminal.get();
        }
    }
}
