/**
 * Aggregate stage: one MapReduce job turns the anonymized events of a batch of dates D1..Dn into
 * published cells with k-anonymity and week-over-week delta (docs/formats.md §4.2, §4.3).
 *
 * <h2>Input</h2>
 *
 * <ul>
 *   <li>{@code <warehouse>/events/dt=D/*.parquet} (Avro {@code AnonymizedEvent}) for every D of the
 *       batch, read by {@link nl.datapoints.etl.aggregate.EventMapper};
 *   <li>{@code <warehouse>/aggregates/dt=D-7/*.parquet} (Avro {@code Cell}) for every D whose D-7
 *       is neither in the batch nor in {@code baselineMissing}, read by {@link
 *       nl.datapoints.etl.aggregate.BaselineCellMapper}.
 * </ul>
 *
 * When D-7 is in the batch its published hits are computed in the same job from its events with the
 * same threshold (published hits never depend on a delta), so a backfill of n dates is one job. The
 * driver lists the dates whose D-7 was never published in {@code baselineMissing}: their deltas are
 * null.
 *
 * <h2>Keys and values</h2>
 *
 * {@link nl.datapoints.etl.aggregate.CellKey} = (date the cell is published on, hour, pc4,
 * activity, sbi) with a byte-wise raw comparator. {@link nl.datapoints.etl.aggregate.CellValue} is
 * a tagged union: CURRENT (hits + user keys of the cell on its date), BASELINE_EVENTS (the same for
 * D-7, emitted under D) and BASELINE_PUBLISHED (published hits of D-7). User keys are capped at k
 * per cell and replaced by a "saturated" mark at k, since only "fewer than k or not" matters. The
 * mapper combines in memory (flushing at {@code mapCacheCells} cells), the {@link
 * nl.datapoints.etl.aggregate.CellCombiner} merges flushes, and {@link
 * nl.datapoints.etl.aggregate.CellPartitioner} gives each date its own reducers and hashes cells
 * within them. The decision per cell is the pure {@link
 * nl.datapoints.etl.aggregate.CellAggregator}.
 *
 * <h2>Output (under the job's staging dir; the default output is empty, LazyOutputFormat)</h2>
 *
 * <ul>
 *   <li>{@code cells/dt=YYYY-MM-DD/part-r-NNNNN.parquet}: Avro {@code Cell}, snappy. Cells with at
 *       least k distinct users, plus carry-overs: cells published on D-7 with hits &gt; 0 but not
 *       on D, published with hits 0 and their delta. A date without any cell has no directory.
 *   <li>{@code stats/part-r-NNNNN}: lines {@code YYYY-MM-DD\tmetric\tvalue}, four per date of the
 *       batch per reducer (zeros included): {@code cells_published} (carry-overs included), {@code
 *       hits_published}, {@code cells_suppressed}, {@code hits_suppressed}; the driver sums them.
 * </ul>
 *
 * <h2>Counters</h2>
 *
 * {@link nl.datapoints.etl.aggregate.AggregateCounters}.
 *
 * <h2>Failure modes</h2>
 *
 * {@link nl.datapoints.etl.aggregate.AggregateJob#create} throws IllegalArgumentException for a
 * missing events partition or an undeclared missing baseline partition; {@link
 * nl.datapoints.etl.aggregate.AggregateConfig} for invalid options. Events or baseline cells whose
 * date does not belong to the batch are skipped and counted, never thrown. Parquet files without
 * the Avro schema of {@code schemas/} fail the map task. A test hook, {@link
 * nl.datapoints.etl.common.FaultInjection}, fails the first attempt of map task 0 at the end of
 * {@code cleanup()} when {@code datapoints.fault.fail-first-attempt} lists {@code aggregate} (unset
 * in production).
 */
package nl.datapoints.etl.aggregate;
