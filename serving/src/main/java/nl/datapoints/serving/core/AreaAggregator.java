package nl.datapoints.serving.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.datapoints.schemas.Level;
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
 * <p>Values are streamed from the blocks ({@link ReleaseBlock#forEach}) into primitive sums ({@link
 * NoisySums}) with the SBI as an int key; nothing is allocated per value. Each sum carries Σ value,
 * Σ noise variance and Σ variance² ({@link ReleaseBlock#variance} of the section's scale), for hits
 * and for delta; a value that is not released adds nothing, not even variance. The answer shows
 * {@code max(0, sum)} with the sum's 95% margin: sums are unbiased because no single value is
 * clamped, and only a negative final sum is shown as 0. Having a baseline is a property of a date:
 * a delta that sums over a date whose generation says {@code baselineMissing} is null. Not
 * thread-safe: one instance per request.
 */
public final class AreaAggregator implements RowSink {
  private static final int HOURS = 24;

  private final List<String> dates;
  private final boolean[] baselineMissing;
  private final boolean anyBaselineMissing;
  private final int[] area;
  private final ReadPlan plan;
  private final boolean sbiFiltered;
  private final int[] sbiFilter;
  private final int[] activityFilter;

  private final NoisySums totals = new NoisySums(1);
  private final NoisySums hours;
  private final NoisySums points;
  private final SbiSums bySbi = new SbiSums();
  private final Adder adder = new Adder();

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
    this.sbiFiltered = !filter.sbi().isEmpty();
    // A filter code that is not decimal matches no value (it stays a filter: nothing passes).
    this.sbiFilter =
        filter.sbi().stream().mapToInt(ReleaseBlock::sbiKey).filter(k -> k > 0).sorted().toArray();
    this.activityFilter = filter.activity().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.hours = new NoisySums(dates.size() * HOURS);
    this.points = new NoisySums(area.length);
  }

  /** The plan this aggregator follows (the store must read its blocks). */
  public ReadPlan plan() {
    return plan;
  }

  @Override
  public void block(
      int dateIndex, int pc4Index, RowSink.Block block, byte[] array, int offset, int length) {
    boolean asked = block == RowSink.Block.AREA ? plan.blocks().area() : plan.blocks().cells();
    if (asked) {
      adder.at(dateIndex, pc4Index);
      ReleaseBlock.forEach(array, offset, length, adder);
    }
  }

  /**
   * Routes each value of a block to the sums whose level it is; one per aggregator, reused for
   * every row.
   */
  private final class Adder implements ReleaseBlock.Visitor {
    private int timelineBase;
    private int pc4Index;
    private boolean toTotals;
    private boolean toPoints;
    private boolean toTimeline;
    private boolean toStats;
    private boolean checkSbi;
    private boolean checkActivity;
    private double hitsVariance;
    private double deltaVariance;

    void at(int dateIndex, int pc4) {
      timelineBase = dateIndex * HOURS;
      pc4Index = pc4;
    }

    @Override
    public void section(Level level, double hitsScale, double deltaScale, int entries) {
      toTotals = level == plan.totals();
      toPoints = level == plan.points();
      toTimeline = level == plan.timeline();
      toStats = level == plan.stats();
      boolean used = toTotals || toPoints || toTimeline || toStats;
      hitsVariance = used ? ReleaseBlock.variance(hitsScale) : 0;
      // Without a baseline the block records no delta scale (NaN) and no delta is released.
      deltaVariance = used && !Double.isNaN(deltaScale) ? ReleaseBlock.variance(deltaScale) : 0;
      checkSbi = sbiFiltered && (level == Level.SBI || level == Level.CELL);
      checkActivity = activityFilter.length > 0 && level == Level.CELL;
    }

    @Override
    public void entry(
        int hour,
        int activity,
        int sbiKey,
        boolean released,
        long hits,
        boolean deltaReleased,
        long delta) {
      if (!released && !deltaReleased) {
        return;
      }
      if (checkActivity && Arrays.binarySearch(activityFilter, activity) < 0) {
        return;
      }
      if (checkSbi && Arrays.binarySearch(sbiFilter, sbiKey) < 0) {
        return;
      }
      if (toTotals) {
        add(totals, 0, released, hits, deltaReleased, delta);
      }
      if (toPoints) {
        add(points, pc4Index, released, hits, deltaReleased, delta);
      }
      if (toTimeline) {
        add(hours, timelineBase + hour, released, hits, deltaReleased, delta);
      }
      if (toStats) {
        add(bySbi.sums(), bySbi.slot(sbiKey), released, hits, deltaReleased, delta);
      }
    }

    private void add(
        NoisySums sums, int slot, boolean released, long hits, boolean deltaReleased, long delta) {
      if (released) {
        sums.addHits(slot, hits, hitsVariance);
      }
      if (deltaReleased) {
        sums.addDelta(slot, delta, deltaVariance);
      }
    }
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
