/**
 * Running a batch of dates through the pipeline, in the driver: the order of stages, the checks
 * between them, and what each date's report says.
 *
 * <p><b>Input.</b> A {@link nl.datapoints.etl.run.Plan} (the dates to enrich, aggregate and
 * publish; a backfill is one plan, never one run per date) and a validated {@link
 * nl.datapoints.etl.run.PipelineConfig}. {@link nl.datapoints.etl.run.Pipeline#run} gives the run a
 * generation (epoch millis) that keys its staging and its reports.
 *
 * <p><b>Stages.</b> {@code EnrichStage}, {@code AggregateStage}, {@code ReleaseStage} (two jobs:
 * bound, release), {@code PublishStage}: each builds ONE job for all its dates (through the step's
 * {@code …Job.create}), runs it with {@code JobRunner}, reads the figures its tasks wrote ({@link
 * nl.datapoints.etl.common.StageStats}) into the dates' {@code DateOutcome}s and swaps the staged
 * partitions in. A new stage is one more such class sharing the {@code RunContext}, and one line in
 * {@code Pipeline.run}.
 *
 * <p><b>Gates.</b> {@code RunGates} is pure (no Hadoop types): between enrich and the swap, a date
 * fails when {@code lines_read != events + quarantined + empty_lines}, when it had no input lines,
 * or when more than {@code --max-bad-fraction} of its lines were quarantined (the message names the
 * top reasons and the quarantine directory). Quarantine is swapped in even then, because it is what
 * the operator needs; events are not.
 *
 * <p><b>File system.</b> Only {@code Warehouse} touches it: existence checks, swaps through {@link
 * nl.datapoints.etl.common.PartitionSwap}, {@code recover()} of swaps a killed run interrupted
 * (before every run), staging cleanup, figures and reports.
 *
 * <p><b>Output.</b> The swapped-in partitions ({@link nl.datapoints.etl.common.Layout}) and, for
 * every date of the plan, {@code reports/dt=D/<generation>.json} and {@code latest.json} ({@link
 * nl.datapoints.etl.common.RunReport}); a stage-only run starts from the date's latest report so
 * its figures carry over.
 *
 * <p><b>Secrets.</b> The HMAC key (for enrich) and the release secret (for release) the plan needs
 * are loaded in the driver before any stage runs, so a missing or malformed one fails the run
 * before any partition is written; they reach tasks only through the jobs' credentials.
 *
 * <p><b>Failure modes.</b> Any failure — a gate, a missing partition, a failed job (its first task
 * diagnostic, e.g. the corrupt file's name, without stack trace), publishing — writes a FAILED
 * report with the reason for every date of the plan, deletes the run's staging and throws {@link
 * nl.datapoints.etl.run.StageFailedException} (exit 1). Partitions are only ever replaced whole, so
 * a failed or killed run leaves every date as it was before it (or, for dates already swapped in by
 * an earlier stage of the same run, as that stage left them).
 */
package nl.datapoints.etl.run;
