package nl.datapoints.etl.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.datapoints.etl.aggregate.AggregateConfig;
import nl.datapoints.etl.aggregate.AggregateJob;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.PartitionSwap;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.etl.enrich.EnrichConfig;
import nl.datapoints.etl.enrich.EnrichJob;
import nl.datapoints.etl.enrich.HmacKey;
import nl.datapoints.schemas.Generation;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Runs the pipeline for a batch of dates in the driver: one enrich job, one aggregate job and
 * one publish for the whole batch (never one set per date), with the checks between them.
 *
 * <p>Order of effects, so that a failure leaves every partition as it was: the enrich job writes
 * to staging; the figures are checked (accounting identity, bad fraction, empty partitions);
 * only then are events and quarantine swapped in; the aggregate job writes to staging and its
 * cells are swapped in; then publish. Every date of the batch gets a report, FAILED with the
 * reason when the run stops.
 */
public final class Pipeline {
  private final Configuration conf;
  private final PipelineConfig cfg;
  private final Publishing publishing;
  private final PrintStream out;
  private final FileSystem fs;
  private final PartitionSwap swap;
  private final JobRunner jobs;

  /** Publishing to the serving store (HBase in production; null when the run never publishes). */
  public interface Publishing {

    /**
     * Publishes the dates' aggregates under {@code generation}; returns the dates now live with
     * the generation each now serves (its cells and hits as counted by the publish).
     */
    Map<LocalDate, Generation> publish(List<LocalDate> dates, long generation);
  }

  public Pipeline(Configuration conf, PipelineConfig cfg, Publishing publishing, PrintStream out) {
    this.conf = conf;
    LocalMode.tune(conf);
    this.cfg = cfg;
    this.publishing = publishing;
    this.out = out;
    try {
      this.fs = cfg.layout().warehouse().getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("opening file system of " + cfg.layout().warehouse(), e);
    }
    this.swap = new PartitionSwap(fs);
    this.jobs = new JobRunner(out);
  }

  /** The outcome of a run: its generation and one report per date, in date order. */
  public record Result(long generation, Map<LocalDate, RunReport> reports, Map<LocalDate, Path> reportPaths) {}

  /**
   * What one run does: the dates to enrich, to aggregate and to publish. A nightly run or a
   * backfill does all three for its dates (plus, with cascade, aggregates and publishes the
   * dates whose delta depends on them); a stage command for an Oozie action does one.
   */
  public record Plan(List<LocalDate> enrich, List<LocalDate> aggregate, List<LocalDate> publish) {
    public Plan {
      enrich = List.copyOf(new TreeSet<>(enrich));
      aggregate = List.copyOf(new TreeSet<>(aggregate));
      publish = List.copyOf(new TreeSet<>(publish));
    }

    /** Every stage for {@code dates}, and aggregate + publish for {@code cascade}. */
    public static Plan full(List<LocalDate> dates, List<LocalDate> cascade, boolean publish) {
      TreeSet<LocalDate> agg = new TreeSet<>(dates);
      agg.addAll(cascade);
      return new Plan(dates, List.copyOf(agg), publish ? List.copyOf(agg) : List.of());
    }

    TreeSet<LocalDate> all() {
      TreeSet<LocalDate> all = new TreeSet<>(enrich);
      all.addAll(aggregate);
      all.addAll(publish);
      return all;
    }
  }

  /**
   * Runs {@code plan} under a new generation. Throws {@link StageFailedException} after writing
   * FAILED reports for every date of the plan.
   */
  public Result run(Plan plan) {
    long generation = System.currentTimeMillis();
    String startedAt = Instant.ofEpochMilli(generation).toString();
    Layout layout = cfg.layout();
    Map<LocalDate, DateOutcome> outcomes = new LinkedHashMap<>();
    for (LocalDate d : plan.all()) {
      // A stage run continues the date's latest report, so its figures carry over.
      DateOutcome o = new DateOutcome(d);
      if (plan.enrich().isEmpty()) {
        RunReport.read(fs, new Path(layout.reports(d), "latest.json")).ifPresent(o::carryOver);
      }
      outcomes.put(d, o);
    }
    try {
      recover();
      if (!plan.enrich().isEmpty()) {
        HmacKey key = HmacKey.load(cfg.hmacKeyFile(), System.getenv());
        enrich(plan.enrich(), key, generation, outcomes);
      }
      if (!plan.aggregate().isEmpty()) {
        aggregate(plan.aggregate(), generation, outcomes);
      }
      if (!plan.publish().isEmpty()) {
        if (publishing == null) {
          throw new IllegalArgumentException("publishing is off for this run");
        }
        out.printf("[3/3] publish %d date(s) to HBase table %s%n", plan.publish().size(), cfg.table());
        for (LocalDate d : plan.publish()) {
          if (!exists(layout.aggregates(d))) {
            throw new StageFailedException("nothing to publish for " + d + ": " + layout.aggregates(d) + " does not exist");
          }
        }
        for (Map.Entry<LocalDate, Generation> live : publishing.publish(plan.publish(), generation).entrySet()) {
          DateOutcome o = outcomes.get(live.getKey());
          o.published = true;
          if (!o.aggregated) {
            // What this run loaded, counted by the publish itself: an earlier report may not
            // describe these aggregates (loaded from elsewhere, rewritten since, or itself a
            // publish-only report), so its cell figures are not carried over.
            o.cellsPublished = live.getValue().cells();
            o.hitsPublished = live.getValue().hits();
            o.baselineMissing = live.getValue().baselineMissing();
          }
        }
      }
      String finishedAt = Instant.now().toString();
      Map<LocalDate, RunReport> reports = new LinkedHashMap<>();
      Map<LocalDate, Path> paths = new LinkedHashMap<>();
      for (DateOutcome o : outcomes.values()) {
        String msg = o.published ? "published generation " + generation
            : plan.publish().isEmpty() ? "not published (publish is a separate step or --no-publish)" : "not published";
        RunReport r = o.report(generation, RunReport.SUCCEEDED, msg, cfg.minUsers(), startedAt, finishedAt);
        reports.put(o.date, r);
        paths.put(o.date, r.write(fs, layout.reports(o.date)));
      }
      return new Result(generation, reports, paths);
    } catch (RuntimeException e) {
      String message = e instanceof IllegalArgumentException || e instanceof StageFailedException
          ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
      String finishedAt = Instant.now().toString();
      for (DateOutcome o : outcomes.values()) {
        try {
          o.published = false;
          o.report(generation, RunReport.FAILED, message, cfg.minUsers(), startedAt, finishedAt)
              .write(fs, layout.reports(o.date));
        } catch (RuntimeException ignored) {
          // The run already failed; the reason below is what the operator needs.
        }
      }
      cleanStaging(generation);
      throw e instanceof StageFailedException ? e : new StageFailedException(message, e);
    }
  }

  private void recover() {
    Layout l = cfg.layout();
    swap.recover(l.eventsRoot());
    swap.recover(l.aggregatesRoot());
    swap.recover(l.quarantineRoot());
  }

  private void enrich(List<LocalDate> dates, HmacKey key, long generation,
      Map<LocalDate, DateOutcome> outcomes) {
    Layout l = cfg.layout();
    for (LocalDate d : dates) {
      Path p = l.rawPartition(d);
      try {
        if (!fs.exists(p)) {
          throw new StageFailedException("no raw partition for " + d + ": " + p + " does not exist");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("checking " + p, e);
      }
    }
    out.printf("[1/3] enrich %d date(s) %s..%s from %s%n", dates.size(), dates.get(0),
        dates.get(dates.size() - 1), l.raw());
    Path staging = l.enrichStaging(generation);
    EnrichConfig ec = new EnrichConfig(l.raw(), l.ref(), dates, cfg.skipCorruptFiles());
    try {
      jobs.run(EnrichJob.create(conf, ec, staging, key), "enrich");
    } catch (IOException e) {
      throw new StageFailedException("enrich job could not be built: " + e.getMessage(), e);
    }
    StageStats stats = StageStats.read(fs, staging);
    List<String> problems = new ArrayList<>();
    for (LocalDate d : dates) {
      DateOutcome o = outcomes.get(d);
      o.linesRead = stats.get(d, StageStats.LINES_READ);
      o.events = stats.get(d, StageStats.EVENTS);
      o.emptyLines = stats.get(d, StageStats.EMPTY_LINES);
      o.quarantined.putAll(stats.withPrefix(d, StageStats.QUARANTINED_PREFIX));
      o.corruptFiles.addAll(stats.corruptFiles(d));
      if (!o.accountingHolds()) {
        problems.add(String.format("%s: accounting identity broken: lines_read %d != events %d + quarantined %d + empty_lines %d",
            d, o.linesRead, o.events, o.quarantinedTotal(), o.emptyLines));
      } else if (o.linesRead == 0) {
        problems.add(d + ": no input lines in " + l.rawPartition(d)
            + (o.corruptFiles.isEmpty() ? "" : " (corrupt files skipped: " + o.corruptFiles + ")"));
      } else if ((double) o.quarantinedTotal() / o.linesRead > cfg.maxBadFraction()) {
        problems.add(String.format("%s: %d of %d lines quarantined (%.2f%%, more than --max-bad-fraction %s); top reasons: %s; see %s",
            d, o.quarantinedTotal(), o.linesRead, 100.0 * o.quarantinedTotal() / o.linesRead,
            cfg.maxBadFraction(), o.topReasons(3), l.quarantine(d)));
      }
    }
    // Quarantine goes to the raw zone even when the run fails: it is what the operator needs.
    for (LocalDate d : dates) {
      swap.replace(ensureDir(Layout.staged(staging, EnrichJob.QUARANTINE, d)), l.quarantine(d), generation);
    }
    if (!problems.isEmpty()) {
      throw new StageFailedException("nothing published: " + String.join("; ", problems));
    }
    for (LocalDate d : dates) {
      swap.replace(ensureDir(Layout.staged(staging, EnrichJob.EVENTS, d)), l.events(d), generation);
      outcomes.get(d).enriched = true;
    }
    deleteQuietly(staging.getParent());
  }

  private void aggregate(List<LocalDate> dates, long generation, Map<LocalDate, DateOutcome> outcomes) {
    Layout l = cfg.layout();
    Set<LocalDate> inBatch = new HashSet<>(dates);
    Set<LocalDate> baselineMissing = new TreeSet<>();
    for (LocalDate d : dates) {
      LocalDate base = d.minusDays(7);
      if (!inBatch.contains(base) && !exists(l.aggregates(base))) {
        baselineMissing.add(d);
      }
      if (!exists(l.events(d))) {
        throw new StageFailedException("no events for " + d + ": " + l.events(d) + " does not exist (run enrich first)");
      }
    }
    out.printf("[2/3] aggregate %d date(s) with k=%d%s%n", dates.size(), cfg.minUsers(),
        baselineMissing.isEmpty() ? "" : "; no baseline (D-7) for " + baselineMissing);
    Path staging = l.warehouseStaging(generation, "aggregate");
    AggregateConfig ac = AggregateConfig.of(l.warehouse(), dates, baselineMissing, cfg.minUsers())
        .withReducers(LocalMode.aggregateReducers(conf, dates.size()));
    try {
      jobs.run(AggregateJob.create(conf, ac, staging), "aggregate");
    } catch (IOException e) {
      throw new StageFailedException("aggregate job could not be built: " + e.getMessage(), e);
    }
    StageStats stats = StageStats.read(fs, staging);
    for (LocalDate d : dates) {
      DateOutcome o = outcomes.get(d);
      o.cellsPublished = stats.get(d, StageStats.CELLS_PUBLISHED);
      o.hitsPublished = stats.get(d, StageStats.HITS_PUBLISHED);
      o.cellsSuppressed = stats.get(d, StageStats.CELLS_SUPPRESSED);
      o.hitsSuppressed = stats.get(d, StageStats.HITS_SUPPRESSED);
      o.baselineMissing = baselineMissing.contains(d);
      swap.replace(ensureDir(Layout.staged(staging, AggregateJob.CELLS_DIR, d)), l.aggregates(d), generation);
      o.aggregated = true;
    }
    deleteQuietly(staging.getParent());
  }

  private boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("checking " + p, e);
    }
  }

  private Path ensureDir(Path p) {
    try {
      fs.mkdirs(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("creating " + p, e);
    }
  }

  private void cleanStaging(long generation) {
    Layout l = cfg.layout();
    deleteQuietly(l.enrichStaging(generation).getParent());
    deleteQuietly(l.warehouseStaging(generation, "x").getParent());
  }

  private void deleteQuietly(Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException ignored) {
      // Staging is keyed by generation and invisible to readers; a leftover harms nothing.
    }
  }
}
