/**
 * The statistics the benchmarks report (pure): latency percentiles by nearest rank ({@link
 * nl.datapoints.bench.stats.Percentiles}) and the least-squares line through a sweep ({@link
 * nl.datapoints.bench.stats.LeastSquares}, printed by the tool {@link
 * nl.datapoints.bench.stats.Fit} for {@code scripts/bench/etl-scaling}).
 */
package nl.datapoints.bench.stats;
