package org.jalchemy.benchmarks.memory;

import org.jalchemy.benchmarks.RunFigures;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * Measures the heap a set of loaded objects retains: heap in use after full GCs before loading,
 * then again with the objects (and the session holding them) still reachable; the difference
 * over n is the run's value in bytes per object ({@link RunFigures#value}). Everything a variant
 * builds once and keeps (a SessionFactory, compiled statements, a pool) exists before the first
 * measurement, since warm-up runs made them.
 *
 * <p>Accuracy: {@code System.gc()} on the suite's ParallelGC is a full compacting collection, so
 * "used" afterwards is the live heap to within a few kilobytes (thread-local allocation buffers);
 * over 100,000 objects that is well under a byte per object. Hazard: another thread allocating
 * during the measurement (none does in the suite) would count as retained.
 */
public final class Retained {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Retained() {
    }

    /** What a variant loads, kept reachable until it is closed. */
    public interface Loaded extends AutoCloseable {
        /** The checksum of what was loaded. */
        long checksum();

        @Override
        void close();
    }

    /** A loader of {@code n} objects. */
    @FunctionalInterface
    public interface Loader {
        Loaded load() throws Exception;
    }

    /** Loads, measures the retained bytes per object (reported to the harness), closes; returns the checksum. */
    public static long perObject(int n, Loader loader) throws Exception {
        long before = liveHeap();
        Loaded loaded = loader.load();
        try {
            long after = liveHeap();
            RunFigures.value((after - before) / (double) n);
            RunFigures.put("retained_mb", (after - before) / 1048576.0);
            return loaded.checksum();
        } finally {
            Reference.reachabilityFence(loaded);
            loaded.close();
        }
    }

    /**
     * Heap in use after full GCs, repeated until a GC frees less than 64 KB more (objects behind
     * weak or phantom references and cleaners need a second or third cycle), at most five.
     */
    private static long liveHeap() {
        System.gc();
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 4; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            boolean settled = used - now < 64 * 1024;
            used = now;
            if (settled) {
                break;
            }
        }
        return used;
    }
}
