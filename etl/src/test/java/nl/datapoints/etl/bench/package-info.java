/**
 * The ETL speed benchmark's tools (test sources: the DuckDB peer needs duckdb_jdbc, a test-scope
 * dependency), run by {@code scripts/bench-etl}; see {@code docs/benchmarks-etl.md}.
 *
 * <ul>
 *   <li>{@link nl.datapoints.etl.bench.DuckDbPeer}: input raw {@code dt=D/*.tsv.gz} and the
 *       reference CSVs; output cells Parquet per date and a quarantine TSV under {@code --out},
 *       and {@code compare:} lines against our {@code aggregates/dt=D}. Prints wall and process
 *       CPU per SQL step.</li>
 *   <li>{@link nl.datapoints.etl.bench.EnrichBreakdown}: input one raw file and the reference
 *       CSVs; output ns of thread CPU per line for each enrich step and the Parquet write.</li>
 *   <li>{@link nl.datapoints.etl.bench.BenchMath}: the pure arithmetic (medians, rates).</li>
 * </ul>
 * No Hadoop counters. Failure modes: a missing partition, option or secret is an
 * IllegalArgumentException naming it; SQL errors (e.g. a DuckDB without ICU) end the run with
 * the SQLException. Nothing here runs in the pipeline.
 */
package nl.datapoints.etl.bench;
