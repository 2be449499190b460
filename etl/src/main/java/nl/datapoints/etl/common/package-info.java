/**
 * What the pipeline's steps and the driver share: the storage layout and the contracts between
 * tasks and driver. No step logic lives here.
 *
 * <ul>
 *   <li>{@link nl.datapoints.etl.common.Layout}: the only place that builds or parses partition
 *       paths ({@code dt=YYYY-MM-DD}) — raw zone, quarantine, warehouse events/aggregates, reports,
 *       staging, and the sub-paths a task writes under its job's output.
 *   <li>{@link nl.datapoints.etl.common.StageStats}: the one codec of per-date figures, lines
 *       {@code YYYY-MM-DD\tmetric\tvalue} written by the tasks of every job (enrich, aggregate,
 *       publish) and summed by the driver; a malformed line fails naming its file.
 *   <li>{@link nl.datapoints.etl.common.RunReport}: the per-date JSON report (counts only).
 *   <li>{@link nl.datapoints.etl.common.PartitionSwap}: replacing a partition by a staged one with
 *       two renames, and recovering a swap a killed run interrupted.
 *   <li>{@link nl.datapoints.etl.common.WholeRange} / {@link
 *       nl.datapoints.etl.common.FractionRange}: the one bound and message of a numeric option,
 *       declared by the config record that owns the option and used by the CLI and that record
 *       alike.
 *   <li>{@link nl.datapoints.etl.common.JobConf}: a task reading back a setting its job wrote, and
 *       the message when the job was not built by its own class.
 *   <li>{@link nl.datapoints.etl.common.TaskFailures} and {@link
 *       nl.datapoints.etl.common.FaultInjection}: a failing task's note for the driver (the local
 *       runner passes no diagnostics), and the test hook that fails a first attempt.
 * </ul>
 *
 * <p><b>Failure modes.</b> I/O errors are {@link java.io.UncheckedIOException}s naming the path; a
 * figure line that does not parse is an {@link java.lang.IllegalStateException} naming its file; a
 * value outside an option's range is an {@link java.lang.IllegalArgumentException} with the range's
 * message.
 */
package nl.datapoints.etl.common;
