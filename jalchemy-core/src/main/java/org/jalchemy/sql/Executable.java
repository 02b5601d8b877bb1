package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;

/**
 * Anything a Connection can execute: a statement value that compiles to SQL for a dialect.
 *
 * <p>Contract that makes the compiled-statement cache sound: two statements with equal
 * {@link #cacheKey()} compile to the same SQL text on the same dialect, and
 * {@link #boundValues()} lists their embedded literal values in the same order, the order that
 * {@link Compiled.BindSlot#valueIndex()} refers to. A statement that cannot promise this returns
 * {@code null} from {@code cacheKey()} and is compiled on every execution.
 */
public interface Executable {

    /** Compiles for {@code dialect}, without caching. Raises {@code CompileError} for what the dialect cannot express. */
    Compiled compile(Dialect dialect);

    /** Structural key: the statement's shape without bound values; {@code null} when uncacheable. */
    Object cacheKey();

    /** Values embedded in this statement, in the order its compiled bind slots refer to them. */
    Object[] boundValues();

    /**
     * The statement to run when executed with parameter maps whose keys are {@code keys}: an
     * INSERT or UPDATE without explicit values takes its columns from them (SQLAlchemy's
     * executemany convention). Others return themselves.
     */
    default Executable forParameterKeys(java.util.Set<String> keys) {
        return this;
    }

    /** As {@link #forParameterKeys}, for a statement about to run once per parameter set (executemany). */
    default Executable forExecuteMany(java.util.Set<String> keys) {
        return forParameterKeys(keys);
    }

    /**
     * For executemany of a statement that returns rows (INSERT ... RETURNING): the same statement as
     * one multi-row statement over {@code parameterSets} (SQLAlchemy's "insertmanyvalues"), or null
     * when the statement cannot be expanded and must run once per parameter set.
     */
    default Executable expandMany(java.util.List<? extends java.util.Map<String, ?>> parameterSets) {
        return null;
    }

    /** Rows per fetch when streaming the result (0: the driver's default). */
    default int fetchSize() {
        return 0;
    }
}
