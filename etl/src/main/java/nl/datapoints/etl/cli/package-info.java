/**
 * The {@code scripts/etl} command line, in the driver: every command by name ({@link
 * nl.datapoints.etl.cli.Commands}), its options parsed once and validated before anything runs, and
 * the call into the step.
 *
 * <p><b>Input.</b> Words after the command, {@code --name value} or {@code --flag} ({@link
 * nl.datapoints.etl.cli.Args}); Hadoop generic options were already taken off by {@code ToolRunner}
 * in {@link nl.datapoints.etl.Main}.
 *
 * <p><b>Validation.</b> Each option has one bound or rule, owned by the config record of the step
 * that uses it ({@code AggregateConfig.MIN_USERS_RANGE}, {@code
 * PipelineConfig.MAX_BAD_FRACTION_RANGE}, {@code GenerateConfig.DAYS_RANGE}, {@code
 * PublishConfig.checkTable}, …). {@code RunOptions} turns the common options into a {@link
 * nl.datapoints.etl.run.PipelineConfig} once per command, {@code DateRange} checks {@code
 * --from..--to} (at most 366 days), and only then does a {@link nl.datapoints.etl.run.Pipeline}
 * exist. A bad value is a {@link nl.datapoints.etl.cli.UsageException} naming the option, what is
 * allowed and what was given: exit 2, nothing written.
 *
 * <p><b>Pieces.</b> {@code CascadePlan} (pure): the published dates after a backfill whose delta
 * depends on it, week by week; {@code PublishedDates}: the adapter listing {@code aggregates/dt=*};
 * {@code HBasePublishing}: the publish stage's wiring to {@link
 * nl.datapoints.etl.publish.Publisher}; {@code StoreCommands}: {@code rollback}, {@code status} and
 * {@code drop-table}; {@code RunSummary}: what a successful run prints; {@code OozieOutput}: the
 * report handed to an Oozie java action.
 *
 * <p><b>Output.</b> Progress and a summary on stdout ({@code SUCCEEDED … report <path>}); errors on
 * stderr as one line. Exit status 0 success, 1 the run failed ({@link
 * nl.datapoints.etl.run.StageFailedException} or an I/O error), 2 usage error.
 */
package nl.datapoints.etl.cli;
