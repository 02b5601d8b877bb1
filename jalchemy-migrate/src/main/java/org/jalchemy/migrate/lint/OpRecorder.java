package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.OpSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An {@link OpSink} that keeps every op with its waived rules and, when a script class is given,
 * the line of that class which made the call (found by walking the stack: the innermost frame of
 * the script class or of its nested and lambda classes). Runs nothing. Not thread-safe: one
 * recorder per revision being recorded.
 */
public final class OpRecorder implements OpSink {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final String scriptClass;
    private final List<RecordedOp> ops = new ArrayList<>();
    private int lastLine;

    /** @param scriptClass the revision script's class, or null not to look for lines */
    public OpRecorder(Class<?> scriptClass) {
        this.scriptClass = scriptClass == null ? null : scriptClass.getName();
    }

    @Override
    public void accept(MigrateOp op, Set<String> silencedRules) {
        int line = scriptClass == null ? 0 : callerLine();
        if (line > 0) {
            lastLine = line;
        }
        ops.add(new RecordedOp(op, silencedRules, line));
    }

    private int callerLine() {
        return WALKER.walk(frames -> frames
                .filter(f -> f.getClassName().equals(scriptClass) || f.getClassName().startsWith(scriptClass + "$"))
                .mapToInt(StackWalker.StackFrame::getLineNumber)
                .filter(n -> n > 0)
                .findFirst().orElse(0));
    }

    /** The ops recorded so far, in call order. */
    public List<RecordedOp> ops() {
        return List.copyOf(ops);
    }

    /** The script line of the last op recorded, 0 when none is known. */
    public int lastLine() {
        return lastLine;
    }
}
