package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DefaultDialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Common base of the expression-language statements: the {@link Executable} contract, computed
 * from one walk of the tree ({@link KeyBuilder}) and memoised, since statements are immutable.
 *
 * <p>{@link #toString()} renders generic SQL with {@code :name} placeholders, for reading only;
 * {@link #compile(Dialect)} gives the exact SQL a database would receive.
 */
public abstract class StatementBase extends ClauseElement implements Executable {
    private volatile Walk walk;

    private record Walk(KeyBuilder.CacheKey key, Object[] values, List<BindParameter<?>> binds) {
    }

    StatementBase() {
    }

    private Walk walk() {
        Walk w = walk;
        if (w == null) {
            KeyBuilder k = new KeyBuilder();
            keyTo(k);
            List<BindParameter<?>> binds = k.binds();
            Object[] values = new Object[binds.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = binds.get(i).value();
            }
            w = new Walk(k.key(), values, List.copyOf(binds));
            walk = w;
        }
        return w;
    }

    @Override
    public Object cacheKey() {
        return walk().key();
    }

    @Override
    public Object[] boundValues() {
        return walk().values();
    }

    @Override
    public Compiled compile(Dialect dialect) {
        return dialect.newSqlCompiler().compileStatement(this);
    }

    /**
     * The SQL for {@code dialect} with bound values rendered inline as escaped literals
     * (SQLAlchemy's {@code literal_binds}): for migration scripts and logs, never needed to execute.
     */
    public String literalSql(Dialect dialect) {
        return dialect.newSqlCompiler().compileLiteral(this);
    }

    /** Compiles for the generic default dialect. */
    public Compiled compile() {
        return compile(new DefaultDialect());
    }

    /**
     * The parameters as {@code compile(dialect)} names them ({@code name_1}, ...), with this
     * statement's values: what SQLAlchemy shows as {@code compiled.params}.
     */
    public Map<String, Object> params(Dialect dialect) {
        Compiled c = compile(dialect);
        Object[] vals = c.values(boundValues(), Map.of(), true);
        Map<String, Object> out = new LinkedHashMap<>();
        Compiled.BindSlot[] slots = c.slots();
        for (int i = 0; i < slots.length; i++) {
            out.putIfAbsent(slots[i].name(), vals[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return SqlCompiler.render(this);
    }
}
