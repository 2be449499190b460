/**
 * The query benchmark (scripts/bench/query, scripts/bench/scaling): our service over HTTP against
 * PostgreSQL 15 + PostGIS 3 on the same cells.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.query.QueryLists} (pure) writes query lists, one {@link
 *       nl.datapoints.bench.query.Query} per line {@code pc4<TAB>radiusKm<TAB>d1;d2;...}: the
 *       hardest shape, one fixed shape with a rotating start date (the sweeps), or a seeded mix of
 *       postcodes, radii and 1-7 dates.
 *   <li>{@link nl.datapoints.bench.query.LoadRun} runs a list with C clients, W warm-up and N
 *       measured requests, bounded by wall time; latency is measured around one complete answer
 *       (HTTP: status 200 and the body read; PostgreSQL: every row fetched).
 *   <li>{@link nl.datapoints.bench.query.PostgisPeer} is the peer's driver: the API's four
 *       aggregates in one grouping-sets statement ({@code one}), one statement per widget ({@code
 *       four}, the original system's style) or a temporary area table ({@code temp}).
 *   <li>{@code check} compares the service's answer ({@link nl.datapoints.bench.query.ApiAnswer})
 *       with both PostgreSQL variants' ({@link nl.datapoints.bench.query.Answer}) and prints EQUAL
 *       or DIFFERENT per query.
 *   <li>{@link nl.datapoints.bench.query.HBaseInfo}: a table's regions, store files and the region
 *       servers' read-request counters (rows read per request in the sweeps).
 * </ul>
 *
 * Entry point {@link nl.datapoints.bench.query.QueryBench}. Failure modes: a bad option is exit
 * status 2 with one line; a failed request counts as an error in the summary line (the first
 * error's text goes to stderr); a DIFFERENT answer makes {@code check} exit 1.
 */
package nl.datapoints.bench.query;
