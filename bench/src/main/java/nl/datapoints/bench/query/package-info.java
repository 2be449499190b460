/**
 * The query benchmark (scripts/bench/query, scripts/bench/scaling): our service over HTTP against
 * fair peers that hold the same release in the same levels — PostgreSQL 15 + PostGIS 3 and DuckDB
 * in memory — and serving while publishing.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.query.QueryLists} (pure) writes query lists, one {@link
 *       nl.datapoints.bench.query.Query} per line {@code
 *       pc4<TAB>radiusKm<TAB>d1;d2;...[<TAB>filter]}: the hardest shape, one fixed shape with a
 *       rotating start date (the sweeps), a seeded mix of postcodes, radii and 1-7 dates, or the
 *       mix with SBI / activity filters (for the check).
 *   <li>{@link nl.datapoints.bench.query.LoadRun} runs a list with C clients, W warm-up and N
 *       measured requests, bounded by wall time, and reads the server side's CPU ({@link
 *       nl.datapoints.bench.query.ProcCpu}: {@code /proc} times of the service's and HBase's JVMs,
 *       of the postmaster and its backends, or of this JVM for DuckDB) around the measured
 *       requests; latency is one complete answer (HTTP: status 200 and the body read; SQL: every
 *       row fetched).
 *   <li>{@link nl.datapoints.bench.query.RollupSql} (pure) is the peers' one statement per request
 *       over the level tables, each part from the level the service's read plan names, margins
 *       computed in SQL; {@link nl.datapoints.bench.query.RollupPeer} runs it over JDBC and loads
 *       the in-memory DuckDB from the exported CSV tables.
 *   <li>{@code check} compares the service's answer ({@link nl.datapoints.bench.query.ApiAnswer})
 *       with each peer's ({@link nl.datapoints.bench.query.Answer}: every number and its margin)
 *       and prints EQUAL or DIFFERENT per query.
 *   <li>{@code suite} runs one side's warm-up, hardest and mix in one process (so the in-memory
 *       DuckDB is loaded once); {@code during} ({@link nl.datapoints.bench.query.During}, {@link
 *       nl.datapoints.bench.query.ContinuousLoad}) measures the mix before, during and after a
 *       command such as a publish.
 *   <li>{@link nl.datapoints.bench.query.HBaseInfo}: a table's regions, store files and the region
 *       servers' read-request counters (rows read per request in the sweeps).
 * </ul>
 *
 * Entry point {@link nl.datapoints.bench.query.QueryBench}. Failure modes: a bad option is exit
 * status 2 with one line; a failed request counts as an error in the summary line (the first
 * error's text goes to stderr); a DIFFERENT answer makes {@code check} exit 1, a failed command
 * makes {@code during} exit 1.
 */
package nl.datapoints.bench.query;
