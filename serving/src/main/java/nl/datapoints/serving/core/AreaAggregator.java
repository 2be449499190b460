package nl.datapoints.serving.core;

import java.util.ArrayList;
import java.util.List;
import nl.datapoints.endpoint.AreaSums;
import nl.datapoints.endpoint.NoisySums;
import nl.datapoints.endpoint.SbiSums;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.serving.api.AreaAnswer;
import nl.datapoints.serving.api.AreaAnswer.Levels;
import nl.datapoints.serving.api.AreaAnswer.Point;
import nl.datapoints.serving.api.AreaAnswer.SbiStat;
import nl.datapoints.serving.api.AreaAnswer.TimelineEntry;
import nl.datapoints.serving.api.AreaAnswer.Totals;

/**
 * Sums the release blocks of one area query into totals, per-SBI stats, timeline and points, each
 * part from the level its {@link ReadPlan} names (the coarsest that answers it).
 *
 * <p>The sums are an {@link AreaSums}: summed here from the blocks the store hands over ({@link
 * #block}), or next to the data by the store's regions and added ({@link #sums()}); either way
 * nothing is allocated per value. Each sum carries Σ value, Σ noise variance and Σ variance²
 * ({@link ReleaseBlock#variance} of the section's scale), for hits and for delta; a value that is
 * not released adds nothing, not even variance. The answer shows {@code max(0, sum)} with the sum's
 * 95% margin: sums are unbiased because no single value is clamped, and only a negative final sum
 * is shown as 0. Having a baseline is a property of a date: a delta that sums over a date whose
 * generation says {@code baselineMissing} is null. Not thread-safe: one instance per request.
 */
public final class AreaAggregator implements RowSink {
  private static final int HOURS = AreaSums.HOURS;

  private final List<String> dates;
  private final boolean[] baselineMissing;
  private final boolean anyBaselineMissing;
  private final int[] area;
  private final ReadPlan plan;
  private final AreaSums sums;
  private final NoisySums totals;
  private final NoisySums hours;
  private final NoisySums points;
  private final SbiSums bySbi;

  /**
   * An aggregator for the given published dates (ascending) and area.
   *
   * @param dates ISO dates, in the order the store's date indexes refer to (empty: nothing
   *     published)
   * @param baselineMissing per date, whether its generation has no baseline
   * @param area postcode4s, ascending, in the order the store's pc4 indexes refer to
   * @param filter sbi/activity filter; it chooses the {@link ReadPlan}
   */
  public AreaAggregator(List<String> dates, boolean[] baselineMissing, int[] area, Filter filter) {
    this.dates = dates;
    this.baselineMissing = baselineMissing.clone();
    boolean any = false;
    for (boolean b : baselineMissing) {
      any |= b;
    }
    this.anyBaselineMissing = any;
    this.area = area;
    this.plan = ReadPlan.of(filter);
    // A filter code that is not decimal matches no value (it stays a filter: nothing passes).
    int[] sbiFilter =
        filter.sbi().stream().mapToInt(ReleaseBlock::sbiKey).filter(k -> k > 0).toArray();
    int[] activityFilter = filter.activity().stream().mapToInt(Integer::intValue).toArray();
    this.sums =
        new AreaSums(
            new AreaSums.Spec(
                plan.totals(),
                plan.points(),
                plan.timeline(),
                plan.stats(),
                plan.blocks().area(),
                plan.blocks().cells(),
                !filter.sbi().isEmpty(),
                sbiFilter,
                activityFilter),
            dates.size(),
            area.length);
    this.totals = sums.totals();
    this.hours = sums.hours();
    this.points = sums.points();
    this.bySbi = sums.bySbi();
  }

  /** The plan this aggregator follows (the store must read its blocks). */
  public ReadPlan plan() {
    return plan;
  }

  /** The sums this aggregator answers from: a store that sums next to the data adds to them. */
  public AreaSums sums() {
    return sums;
  }

  @Override
  public void block(
      int dateIndex, int pc4Index, RowSink.Block block, byte[] array, int offset, int length) {
    sums.block(dateIndex, pc4Index, block == RowSink.Block.CELLS, array, offset, length);
  }

  /**
   * Sums over the area and every date; with no date published, 0 and a null delta ({@code
   * not_published}).
   */
  public Totals totals() {
    if (dates.isEmpty()) {
      return new Totals(0, 0, null, null, null, AreaAnswer.NOT_PUBLISHED);
    }
    Long delta = delta(totals, 0, anyBaselineMissing);
    long shown = totals.shownHits(0);
    return new Totals(
        shown,
        totals.hitsMoe(0),
        delta,
        deltaMoe(totals, 0, anyBaselineMissing),
        Percentages.change(shown, delta),
        reason(anyBaselineMissing));
  }

  /**
   * Per SBI with any released value, by shown total descending then code; labels from {@code
   * catalog}.
   */
  public List<SbiStat> stats(SbiCatalog catalog) {
    NoisySums s = bySbi.sums();
    List<SbiStat> out = new ArrayList<>(bySbi.size());
    for (int slot = 0; slot < bySbi.size(); slot++) {
      if (!s.any(slot)) {
        continue;
      }
      String sbi = ReleaseBlock.sbiOfKey(bySbi.key(slot));
      long shown = s.shownHits(slot);
      Long delta = delta(s, slot, anyBaselineMissing);
      out.add(
          new SbiStat(
              sbi,
              catalog.label(sbi),
              shown,
              s.hitsMoe(slot),
              delta,
              deltaMoe(s, slot, anyBaselineMissing),
              Percentages.change(shown, delta),
              reason(anyBaselineMissing)));
    }
    out.sort(
        (a, b) ->
            a.total() != b.total()
                ? Long.compare(b.total(), a.total())
                : a.sbi().compareTo(b.sbi()));
    return out;
  }

  /** Every date × hour 0-23, zeros included, by date then hour. */
  public List<TimelineEntry> timeline() {
    List<TimelineEntry> out = new ArrayList<>(dates.size() * HOURS);
    for (int d = 0; d < dates.size(); d++) {
      boolean missing = baselineMissing[d];
      for (int h = 0; h < HOURS; h++) {
        int i = d * HOURS + h;
        out.add(
            new TimelineEntry(
                dates.get(d),
                h,
                hours.shownHits(i),
                hours.hitsMoe(i),
                delta(hours, i, missing),
                deltaMoe(hours, i, missing),
                reason(missing)));
      }
    }
    return out;
  }

  /**
   * Per postcode4 of the area with any released value, by postcode; centroids from {@code
   * gazetteer}.
   */
  public List<Point> points(Gazetteer gazetteer) {
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < area.length; i++) {
      if (!points.any(i)) {
        continue;
      }
      Place p = gazetteer.find(area[i]).orElseThrow();
      long shown = points.shownHits(i);
      Long delta = delta(points, i, anyBaselineMissing);
      out.add(
          new Point(
              p.postcode(),
              p.lat(),
              p.lon(),
              shown,
              points.hitsMoe(i),
              delta,
              deltaMoe(points, i, anyBaselineMissing),
              Percentages.change(shown, delta),
              reason(anyBaselineMissing)));
    }
    return out;
  }

  /** Which level answered each part. */
  public Levels levels() {
    return new Levels(
        ReadPlan.name(plan.totals()),
        ReadPlan.name(plan.points()),
        ReadPlan.name(plan.timeline()),
        ReadPlan.name(plan.stats()));
  }

  private static Long delta(NoisySums s, int slot, boolean baselineMissing) {
    return baselineMissing ? null : s.shownDelta(slot);
  }

  private static Long deltaMoe(NoisySums s, int slot, boolean baselineMissing) {
    return baselineMissing ? null : s.deltaMoe(slot);
  }

  private static String reason(boolean baselineMissing) {
    return baselineMissing ? AreaAnswer.BASELINE_MISSING : null;
  }
}
