package org.jalchemy.engine;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@code leakDetectionThreshold} engine option: a connection still checked out after that
 * long is reported once, as a WARN on the {@value PoolLog#LOGGER_NAME} logger that names the call
 * site which checked it out (the first stack frame outside jalchemy) and carries the whole
 * checkout stack; when it is returned after all, an INFO says so. Leaks are what exhausts a pool
 * ({@code TimeoutError} at {@code poolTimeout}): a Connection or Session that is never closed.
 *
 * <p>Cost: only while the option is on, a stack trace and a scheduled task per checkout (HikariCP's
 * leak detection costs the same). One daemon thread for the whole JVM, started on first use.
 * Thread-safe; a {@link Watch} is touched by its connection's thread and the timer thread only.
 */
final class LeakDetector {
    private static final String[] LIBRARY = {"org.jalchemy.engine.", "org.jalchemy.orm.", "org.jalchemy.sql.",
            "org.jalchemy.schema.", "org.jalchemy.dialect.", "org.jalchemy.migrate.", "org.jalchemy.types.",
            "org.jalchemy.exc.", "org.jalchemy.asyncio.", "org.jalchemy.Jalchemy"};

    private LeakDetector() {
    }

    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR;

        static {
            EXECUTOR = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "jalchemy-leak-detector");
                t.setDaemon(true);
                return t;
            });
            EXECUTOR.setRemoveOnCancelPolicy(true);
        }
    }

    /** Starts watching a checkout made just now by the calling thread. */
    static Watch watch(String what, long thresholdMillis) {
        Watch w = new Watch(what, thresholdMillis, new Throwable("the leaked connection was checked out here"));
        w.task = Timer.EXECUTOR.schedule(w::report, thresholdMillis, TimeUnit.MILLISECONDS);
        return w;
    }

    /** The first frame outside jalchemy's own packages: the application code that checked the connection out. */
    static String callSite(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String c = f.getClassName();
            boolean library = false;
            for (String p : LIBRARY) {
                if (c.startsWith(p)) {
                    library = true;
                    break;
                }
            }
            if (!library) {
                return f.toString();
            }
        }
        return "<unknown>";
    }

    /** One checkout under watch. */
    static final class Watch {
        private final String what;
        private final long thresholdMillis;
        private final Throwable where;
        private final long start = System.nanoTime();
        private volatile ScheduledFuture<?> task;
        private volatile boolean reported;

        private Watch(String what, long thresholdMillis, Throwable where) {
            this.what = what;
            this.thresholdMillis = thresholdMillis;
            this.where = where;
        }

        private void report() {
            reported = true;
            PoolLog.warn("Connection leak: a connection to " + what + " checked out at " + callSite(where)
                    + " has not been returned after " + thresholdMillis + " ms (leakDetectionThreshold). Close every"
                    + " Connection and Session, best with try-with-resources; the stack of the checkout follows.", where);
        }

        /** The connection was returned. */
        void returned() {
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
            if (reported) {
                PoolLog.info("The connection reported as leaked (checked out at " + callSite(where) + ") was returned after "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }
}
