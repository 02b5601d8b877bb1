/**
 * Variants of the scale_out workload: work spread over more than one database server. The Galera
 * variants write through one node or through three ({@link org.jalchemy.benchmarks.scaleout.ScaleOutVariants});
 * each cluster has a target class that says whether its servers are up and owns the engines.
 * Retries and conflicts go into the run's {@link org.jalchemy.benchmarks.RunFigures}.
 */
package org.jalchemy.benchmarks.scaleout;
