/**
 * The ETL speed benchmark's peer (run by {@code scripts/bench/etl}): {@link
 * nl.datapoints.bench.etl.DuckDbPeer}, the nightly step in DuckDB SQL through duckdb_jdbc. Input:
 * raw {@code dt=D/*.tsv.gz} and the reference CSVs; output: cells Parquet per date and a quarantine
 * TSV under {@code --out}, and {@code compare:} lines against our {@code aggregates/dt=D}. Prints
 * wall and process CPU per SQL step. The per-step cost of our own enrich is measured by {@code
 * EnrichBreakdown} in etl's test sources (it needs enrich's package-private internals). Failure
 * modes: a missing partition, option or secret is exit status 2 with one line naming it; an SQL
 * error (e.g. a DuckDB without ICU) ends the run with the SQLException.
 */
package nl.datapoints.bench.etl;
