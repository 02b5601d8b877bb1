package org.jalchemy.benchmarks;

/**
 * A variant the suite will measure once jalchemy has the feature it needs; reported as
 * "not yet available" with a null time, never faked.
 *
 * @param workload   the workload
 * @param name       the variant name it will have
 * @param waitingFor what it needs (shown in the table)
 */
public record Planned(Workload workload, String name, String waitingFor) {
}
