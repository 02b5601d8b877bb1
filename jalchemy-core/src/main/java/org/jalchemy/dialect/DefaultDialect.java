package org.jalchemy.dialect;

import org.jalchemy.engine.URL;
import org.jalchemy.exc.ArgumentError;

/**
 * A generic, compile-only dialect (SQLAlchemy's {@code DefaultDialect}): standard SQL with the
 * standard compiler, used by {@code toString()} and {@code compile()} of statements when no
 * database is named. It cannot connect.
 */
public final class DefaultDialect extends Dialect {
    @Override
    public String name() {
        return "default";
    }

    @Override
    public String driverName() {
        return "none";
    }

    @Override
    public ConnectSpec connectSpec(URL url) {
        throw new ArgumentError("The default dialect compiles SQL only and cannot connect");
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean supportsNativeBoolean() {
        return true;
    }
}
