/**
 * The accuracy bench ({@code scripts/bench/accuracy}, issue 14 item 8): how close the service's
 * answers from the differentially private release are to the truth, against the k-suppressed cells
 * they replaced, on data at production density.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.accuracy.WarehouseReader} reads the last seven dates of {@code
 *       events/} (the truth: one hit per event) and {@code aggregates/} (the old k-suppressed
 *       release) into {@link nl.datapoints.bench.accuracy.DaySums} per date × postcode4 × hour and
 *       SBI, and the share of events the contribution bounds kept from the run reports.
 *   <li>{@link nl.datapoints.bench.accuracy.Grid} (pure, seeded) draws the centres — half weighted
 *       by hits, half uniform — and crosses them with radius 1, 2, 5, 10 km and the last date or
 *       the last seven dates.
 *   <li>{@link nl.datapoints.bench.accuracy.Areas} computes each area as the service does (the
 *       gazetteer and {@code GreatCircle}); every answer's {@code postcodes} must equal it.
 *   <li>{@link nl.datapoints.bench.accuracy.ServiceAnswer} reads the service's JSON; {@link
 *       nl.datapoints.bench.accuracy.QueryResult} compares one query's three answers; {@link
 *       nl.datapoints.bench.accuracy.Metrics} pools a group of them with the arithmetic of {@link
 *       nl.datapoints.bench.accuracy.Accuracy}; {@link nl.datapoints.bench.accuracy.Report} writes
 *       TSV, the console table and the Markdown table.
 * </ul>
 *
 * Entry point {@link nl.datapoints.bench.accuracy.AccuracyBench}. Failure modes: a bad option is
 * exit status 2 with one line; an unpublished date, an HTTP error or an area that differs from the
 * gazetteer's stops the run with an exception (exit status 1).
 */
package nl.datapoints.bench.accuracy;
