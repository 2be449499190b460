/**
 * Line charts (PNG, java.awt headless, no dependency) of the benchmark sweeps, for the benchmark
 * pages: {@link nl.datapoints.bench.plot.Plot} reads a sweep's TSV ({@link
 * nl.datapoints.bench.common.Tsv}), {@link nl.datapoints.bench.plot.Axis} (pure) chooses the scales
 * and ticks, {@link nl.datapoints.bench.plot.LineChart} draws. The x ticks are the x values
 * themselves (sweeps have few, chosen x values); the y axis starts at 0 by default so heights
 * compare honestly, with 1-2-5 ticks; every point is marked and the legend sits above the plot,
 * where no line can hide it.
 */
package nl.datapoints.bench.plot;
