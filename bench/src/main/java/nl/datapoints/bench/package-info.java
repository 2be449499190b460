/**
 * The benchmark tools of datapoints, run by the launchers in {@code scripts/bench/} (never by the
 * product): one package per benchmark or shared concern.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.query}: the query benchmark's client (query lists, the load
 *       runner, answer checks, serving while publishing) and its fair peers on the same release,
 *       PostgreSQL + PostGIS and DuckDB ({@code scripts/bench/query}, {@code
 *       scripts/bench/scaling}).
 *   <li>{@link nl.datapoints.bench.publish}: the publish benchmark's Put-based writer and the table
 *       comparison ({@code scripts/bench/publish}).
 *   <li>{@link nl.datapoints.bench.etl}: the ETL benchmark's peer, DuckDB ({@code
 *       scripts/bench/etl}).
 *   <li>{@link nl.datapoints.bench.accuracy}: the accuracy bench: the DP release's answers and the
 *       k-suppressed cells against the exact sums of the events ({@code scripts/bench/accuracy}).
 *   <li>{@link nl.datapoints.bench.data}: the dense data set written without the pipeline (a
 *       release at production density) and any release exported as the peers' tables.
 *   <li>{@link nl.datapoints.bench.plot}: line charts (PNG) of the sweeps.
 *   <li>{@link nl.datapoints.bench.stats}: percentiles and the least-squares line.
 *   <li>{@link nl.datapoints.bench.common}: option parsing and TSV tables shared by the tools.
 * </ul>
 *
 * <p>What a tool needs from the pipeline it takes from public, documented entry points of {@code
 * etl} ({@code Publisher.createTable}, {@code RowBlocks}, {@code Layout}, {@code HBaseConf}, {@code
 * ReferenceData}, {@code PrivacyParams}, {@code ReleaseManifest}) and {@code schemas} ({@code
 * PointerRow}, {@code ReleaseBlock}, {@code Margins}, {@code ReferenceCsv}); nothing is reached by
 * reflection. The service is measured over HTTP only, so this module does not depend on {@code
 * serving} (its shaded HBase client must not meet etl's unshaded one).
 */
package nl.datapoints.bench;
