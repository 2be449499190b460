package nl.datapoints.etl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.etl.reference.ReferenceData;
import nl.datapoints.etl.release.BoundJob;
import nl.datapoints.etl.release.PrivacyParams;
import nl.datapoints.etl.release.ReleaseConfig;
import nl.datapoints.etl.release.ReleaseJob;
import nl.datapoints.etl.release.ReleaseKey;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.fs.Path;

/**
 * Stage 3 of a run (driver): the differentially private release of the batch — the bound job
 * (contributions per user-day) and the release job (noise per date × pc4) into staging, then per
 * date a manifest ({@link ReleaseManifest}) and the swap into {@code release/dt=D}. The date's
 * report records the bounds' effect, the release's digest and the ε spent on the date over every
 * distinct release of it. A date whose D-7 is neither in the batch nor released has no baseline:
 * its deltas are null.
 */
final class ReleaseStage {
  private final RunContext ctx;

  ReleaseStage(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Releases {@code dates} with {@code key}, which the driver loaded before any stage ran. */
  void run(
      List<LocalDate> dates,
      long generation,
      Map<LocalDate, DateOutcome> outcomes,
      ReleaseKey key) {
    Warehouse wh = ctx.warehouse();
    Layout l = wh.layout();
    Set<LocalDate> inBatch = new HashSet<>(dates);
    Set<LocalDate> stored = new TreeSet<>();
    Set<LocalDate> missing = new TreeSet<>();
    Map<LocalDate, Path> storedDirs = new LinkedHashMap<>();
    List<Path> events = new ArrayList<>();
    for (LocalDate d : dates) {
      if (!wh.exists(l.events(d))) {
        throw new StageFailedException(
            "no events for " + d + ": " + l.events(d) + " does not exist (run enrich first)");
      }
      events.add(l.events(d));
      LocalDate base = d.minusDays(7);
      if (!inBatch.contains(base)) {
        if (wh.exists(l.release(base))) {
          stored.add(d);
          storedDirs.put(d, l.release(base));
        } else {
          missing.add(d);
        }
      }
    }
    PrivacyParams privacy = ctx.cfg().privacy();
    ctx.out()
        .printf(
            "[3/4] release %d date(s): epsilon %s per date, unit user-day%s%n",
            dates.size(),
            privacy.epsilon().toPlainString(),
            missing.isEmpty() ? "" : "; no baseline (D-7) for " + missing);
    ReleaseConfig rc =
        new ReleaseConfig(
            l.warehouse(),
            l.ref(),
            dates,
            stored,
            privacy,
            LocalMode.aggregateReducers(ctx.conf(), dates.size()));
    Path boundStaging = l.warehouseStaging(generation, "bound");
    Path releaseStaging = l.warehouseStaging(generation, "release");
    List<Integer> pc4s;
    try {
      pc4s = new ArrayList<>(ReferenceData.load(ctx.conf(), l.ref()).postcodes().keySet());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the gazetteer in " + l.ref(), e);
    }
    try {
      ctx.jobs().run(BoundJob.create(ctx.conf(), rc, events, boundStaging, key), "bound");
      ctx.jobs()
          .run(
              ReleaseJob.create(
                  ctx.conf(),
                  rc,
                  new Path(boundStaging, BoundJob.CONTRIBUTIONS),
                  pc4s,
                  storedDirs,
                  releaseStaging,
                  key),
              "release");
    } catch (IOException e) {
      throw new StageFailedException("release jobs could not be built: " + e.getMessage(), e);
    }
    StageStats bound = wh.stats(new Path(boundStaging, BoundJob.CONTRIBUTIONS));
    StageStats release = wh.stats(releaseStaging);
    Map<String, Map<String, Object>> levels = ReleaseManifest.levels(privacy);
    double epsilon = privacy.epsilon().doubleValue();
    for (LocalDate d : dates) {
      DateOutcome o = outcomes.get(d);
      String digest = String.format("%016x", release.get(d, StageStats.RELEASE_DIGEST));
      o.release =
          new RunReport.Release(
              release.get(d, StageStats.VALUES_RELEASED),
              release.get(d, StageStats.CELLS_SELECTED),
              release.get(d, StageStats.TOTAL_HITS_RELEASED),
              digest);
      o.bounding =
          new RunReport.Bounding(
              bound.get(d, StageStats.USERS),
              bound.get(d, StageStats.USERS_TOUCHED),
              bound.get(d, StageStats.EVENTS_KEPT),
              bound.get(d, StageStats.EVENTS_DROPPED),
              perLevel(bound, d, StageStats.CELLS_DROPPED_PREFIX),
              perLevel(bound, d, StageStats.HITS_CLAMPED_PREFIX));
      o.privacy = spent(wh.reports(d), digest, epsilon, privacy.delta(), levels);
      o.baselineMissing = missing.contains(d);
      Path staged = Layout.staged(releaseStaging, ReleaseJob.RELEASE, d);
      wh.mkdirs(staged);
      new ReleaseManifest(
              ReleaseManifest.UNIT,
              epsilon,
              privacy.delta(),
              levels,
              o.release.values(),
              o.release.cellsSelected(),
              o.release.totalHits(),
              digest)
          .write(wh.fileSystem(), staged);
      wh.swapIn(staged, l.release(d), generation);
      o.released = true;
    }
    wh.dropStaging(boundStaging);
    wh.dropStaging(releaseStaging);
  }

  private static Map<String, Long> perLevel(StageStats stats, LocalDate d, String prefix) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Level l : Level.values()) {
      String name = l.name().toLowerCase();
      out.put(name, stats.get(d, prefix + name));
    }
    return out;
  }

  /**
   * The guarantee of this release and the ε spent on the date: ε once per distinct release of it
   * (earlier reports with another digest drew other noise; one with the same digest is this release
   * again and costs nothing more).
   */
  static RunReport.Privacy spent(
      List<RunReport> earlier,
      String digest,
      double epsilon,
      double delta,
      Map<String, Map<String, Object>> levels) {
    Map<String, Double> releases = new LinkedHashMap<>();
    for (RunReport r : earlier) {
      if (r.release() != null && r.privacy() != null) {
        releases.putIfAbsent(r.release().digest(), r.privacy().epsilon());
      }
    }
    releases.putIfAbsent(digest, epsilon);
    double sum = releases.values().stream().mapToDouble(Double::doubleValue).sum();
    return new RunReport.Privacy(
        ReleaseManifest.UNIT, epsilon, delta, sum, releases.size(), levels);
  }
}
