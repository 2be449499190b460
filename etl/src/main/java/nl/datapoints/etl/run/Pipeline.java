package nl.datapoints.etl.run;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.enrich.HmacKey;
import nl.datapoints.etl.release.ReleaseKey;
import nl.datapoints.schemas.Generation;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Runs the pipeline for a batch of dates in the driver: one enrich job, one aggregate job, the two
 * release jobs and one publish for the whole batch (never one set per date), with the checks
 * between them.
 *
 * <p>Order of effects, so that a failure leaves every partition as it was: the enrich job writes to
 * staging; the figures are checked ({@link RunGates}); only then are events and quarantine swapped
 * in ({@link EnrichStage}); the aggregate job writes to staging and its cells are swapped in
 * ({@link AggregateStage}); the bound and release jobs write to staging and each date's release is
 * swapped in ({@link ReleaseStage}); then publish ({@link PublishStage}). Every date of the batch
 * gets a report, FAILED with the reason when the run stops.
 */
public final class Pipeline {
  private final PipelineConfig cfg;
  private final Warehouse warehouse;
  private final EnrichStage enrich;
  private final AggregateStage aggregate;
  private final ReleaseStage release;
  private final PublishStage publish;

  /** Publishing to the serving store (HBase in production; null when the run never publishes). */
  public interface Publishing {

    /**
     * Publishes the dates' releases under {@code generation}; returns the dates now live with the
     * generation each now serves (its values and hits as counted by the publish).
     */
    Map<LocalDate, Generation> publish(List<LocalDate> dates, long generation);
  }

  public Pipeline(Configuration conf, PipelineConfig cfg, Publishing publishing, PrintStream out) {
    LocalMode.tune(conf);
    this.cfg = cfg;
    this.warehouse = Warehouse.open(conf, cfg.layout());
    RunContext ctx = new RunContext(conf, cfg, warehouse, new JobRunner(out), out);
    this.enrich = new EnrichStage(ctx);
    this.aggregate = new AggregateStage(ctx);
    this.release = new ReleaseStage(ctx);
    this.publish = new PublishStage(ctx, publishing);
  }

  /** The outcome of a run: its generation and one report per date, in date order. */
  public record Result(
      long generation, Map<LocalDate, RunReport> reports, Map<LocalDate, Path> reportPaths) {}

  /**
   * Runs {@code plan} under a new generation. Throws {@link StageFailedException} after writing
   * FAILED reports for every date of the plan.
   */
  public Result run(Plan plan) {
    long generation = System.currentTimeMillis();
    String startedAt = Instant.ofEpochMilli(generation).toString();
    Map<LocalDate, DateOutcome> outcomes = new LinkedHashMap<>();
    for (LocalDate d : plan.all()) {
      DateOutcome o = new DateOutcome(d);
      if (!plan.enrich().contains(d)) {
        // A date this run does not enrich (a stage run, or a cascade date of a backfill)
        // continues its latest report, so the figures of the stages it skips carry over.
        warehouse.latestReport(d).ifPresent(o::carryOver);
      }
      outcomes.put(d, o);
    }
    try {
      // Every secret the plan needs is loaded before any stage: a missing release secret must
      // not be found only after enrich and aggregate have swapped their partitions in.
      HmacKey hmacKey =
          plan.enrich().isEmpty() ? null : HmacKey.load(cfg.hmacKeyFile(), System.getenv());
      ReleaseKey releaseKey =
          plan.release().isEmpty() ? null : ReleaseKey.load(cfg.releaseKeyFile(), System.getenv());
      warehouse.recover();
      if (!plan.enrich().isEmpty()) {
        enrich.run(plan.enrich(), generation, outcomes, hmacKey);
      }
      if (!plan.aggregate().isEmpty()) {
        aggregate.run(plan.aggregate(), generation, outcomes);
      }
      if (!plan.release().isEmpty()) {
        release.run(plan.release(), generation, outcomes, releaseKey);
      }
      if (!plan.publish().isEmpty()) {
        publish.run(plan.publish(), generation, outcomes);
      }
      return succeeded(plan, generation, startedAt, outcomes);
    } catch (RuntimeException e) {
      throw failed(e, generation, startedAt, outcomes);
    }
  }

  private Result succeeded(
      Plan plan, long generation, String startedAt, Map<LocalDate, DateOutcome> outcomes) {
    String finishedAt = Instant.now().toString();
    Map<LocalDate, RunReport> reports = new LinkedHashMap<>();
    Map<LocalDate, Path> paths = new LinkedHashMap<>();
    for (DateOutcome o : outcomes.values()) {
      String msg =
          o.published
              ? "published generation " + generation
              : plan.publish().isEmpty()
                  ? "not published (publish is a separate step or --no-publish)"
                  : "not published";
      RunReport r =
          o.report(generation, RunReport.SUCCEEDED, msg, cfg.minUsers(), startedAt, finishedAt);
      reports.put(o.date, r);
      paths.put(o.date, warehouse.write(r, o.date));
    }
    return new Result(generation, reports, paths);
  }

  /** Writes a FAILED report for every date, drops the run's staging; returns what to throw. */
  private RuntimeException failed(
      RuntimeException e, long generation, String startedAt, Map<LocalDate, DateOutcome> outcomes) {
    String message =
        e instanceof IllegalArgumentException || e instanceof StageFailedException
            ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    String finishedAt = Instant.now().toString();
    for (DateOutcome o : outcomes.values()) {
      try {
        o.published = false;
        warehouse.write(
            o.report(generation, RunReport.FAILED, message, cfg.minUsers(), startedAt, finishedAt),
            o.date);
      } catch (RuntimeException ignored) {
        // The run already failed; the reason below is what the operator needs.
      }
    }
    warehouse.cleanStaging(generation);
    return e instanceof StageFailedException ? e : new StageFailedException(message, e);
  }
}
