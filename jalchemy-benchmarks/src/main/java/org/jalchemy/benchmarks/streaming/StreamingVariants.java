package org.jalchemy.benchmarks.streaming;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.ChildJvm;
import org.jalchemy.benchmarks.RunFigures;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The streaming workload: each run is a child JVM with a 64 MB heap ({@link StreamMain}) reading
 * the n rows of {@code sr_customer}; its value is the seconds the child measured for the read
 * (checkpoint GCs left out), and its figures the live heap at the checkpoints: {@code heap_min_mb},
 * {@code heap_max_mb} and {@code heap_growth_mb} (last minus first, near zero when the heap stays
 * flat). A variant that holds rows fails with an OutOfMemoryError in the child.
 */
public final class StreamingVariants {
    /** The heap limit of the child JVM. */
    public static final String HEAP = "-Xmx64m";
    static final int TIMEOUT_SECONDS = 600;

    private StreamingVariants() {
    }

    public static List<Variant> all() {
        List<Variant> out = new ArrayList<>();
        for (String v : List.of("jdbc", "core_partitions", "orm_yield_per", "hibernate_scroll", "jooq_fetch_lazy")) {
            out.add(Variant.of(Workload.STREAMING, v, (b, n) -> stream(b, v, n)));
        }
        return out;
    }

    static long stream(BenchBackend b, String variant, int n) throws Exception {
        List<String> args = new ArrayList<>(List.of(variant, b.url(), b.jdbcUrl(), String.valueOf(n)));
        b.jdbcProperties().forEach((k, v) -> args.add(k + "=" + v));
        ChildJvm.Report r = ChildJvm.run(List.of(HEAP), StreamMain.class, args, TIMEOUT_SECONDS);
        RunFigures.value(r.figures()[0]);
        RunFigures.put("heap_min_mb", r.figures()[1]);
        RunFigures.put("heap_max_mb", r.figures()[2]);
        RunFigures.put("heap_growth_mb", r.figures()[3]);
        return r.checksum();
    }
}
