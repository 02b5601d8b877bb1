package org.jalchemy.compliance;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.testing.Backend;

/**
 * What a backend supports, as the compliance suite needs to know it (SQLAlchemy's
 * {@code testing/requirements.py}): tests of an unsupported feature assert the clear
 * {@code CompileError} instead of skipping silently.
 */
public record Capabilities(
        String name,
        boolean insertReturning,
        boolean updateReturning,
        boolean deleteReturning,
        boolean fullOuterJoin,
        boolean lateral,
        boolean distinctOn,
        boolean deleteUsing,
        boolean windowRangeNumeric,
        String binaryCollation) {

    /** The capabilities of {@code backend}'s dialect as initialised on its engine. */
    public static Capabilities of(Backend backend) {
        Dialect d = backend.engine().dialect();
        return switch (backend.name()) {
            case "sqlite" -> new Capabilities("sqlite", true, true, true, true, false, false, false, true, "BINARY");
            case "postgresql" -> new Capabilities("postgresql", true, true, true, true, true, true, true, true, "C");
            default -> new Capabilities(backend.name(), d.supportsReturning(), false, d.supportsReturning(),
                    d.supportsFullOuterJoin(), false, false, true, true, "utf8mb4_bin");
        };
    }
}
