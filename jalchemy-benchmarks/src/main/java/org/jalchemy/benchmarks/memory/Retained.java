package org.jalchemy.benchmarks.memory;

import org.jalchemy.benchmarks.RunFigures;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Measures the heap a set of loaded objects retains: heap in use after full GCs before loading,
 * then again with the objects (and the session holding them) still reachable; the difference
 * over n is the run's value in bytes per object ({@link RunFigures#value}). Everything a variant
 * builds once and keeps (a SessionFactory, compiled statements, a pool) exists before the first
 * measurement, since warm-up runs made them.
 *
 * <p>Accuracy: {@code System.gc()} on the suite's ParallelGC is a full compacting collection that
 * leaves every live object outside the eden, so the heap in use outside the eden afterwards is the
 * live heap; the eden is left out because its figure counts whole thread-local allocation buffers
 * handed out since the collection, by this thread or by a pool's or a client's background thread
 * (with them counted, runs after other workloads differed by 1-2 bytes per object, and full runs
 * by steps of 23 or 54). Hazard: a collector that keeps live objects in the eden after
 * {@code System.gc()} would under-count them.
 */
public final class Retained {
    private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && !p.getName().contains("Eden"))
            .toList();

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
        long used = usedOutsideEden();
        for (int i = 0; i < 4; i++) {
            System.gc();
            long now = usedOutsideEden();
            boolean settled = used - now < 64 * 1024;
            used = now;
            if (settled) {
                break;
            }
        }
        return used;
    }

    /**
     * Heap in use outside the eden space. A full collection leaves the live objects in the old
     * generation (and survivors) and the eden empty; the eden's "used" figure then counts whole
     * thread-local allocation buffers handed out since (the measuring thread's alone can be
     * megabytes, its size adapted to the allocation rate), which moved the per-object figure by
     * steps of 23 or 54 bytes between full runs.
     */
    private static long usedOutsideEden() {
        long used = 0;
        for (MemoryPoolMXBean pool : POOLS) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }
}
