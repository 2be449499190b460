package nl.datapoints.serving.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.serving.api.AreaAnswer.Point;
import nl.datapoints.serving.api.AreaAnswer.SbiStat;
import nl.datapoints.serving.api.AreaAnswer.TimelineEntry;
import nl.datapoints.serving.api.AreaAnswer.Totals;

/**
 * Sums the row blocks of one area query into totals, per-SBI stats, timeline and points.
 *
 * <p>Unfiltered queries read the per-hour rollup (timeline, points, totals) and the per-SBI rollup
 * (stats); filtered ones read every cell and keep the matching ones. Entries are streamed from the
 * blocks into primitive arrays with the SBI as an int key ({@link CellBlock#sbiKey}); nothing is
 * allocated per entry. Having a baseline is a property of a date: a delta that sums over a date
 * whose generation says {@code baselineMissing} is null. Not thread-safe: one instance per request.
 */
public final class AreaAggregator implements RowSink {
  private static final int HOURS = 24;

  private final List<String> dates;
  private final boolean[] baselineMissing;
  private final boolean anyBaselineMissing;
  private final int[] area;
  private final boolean filtered;
  private final boolean sbiFiltered;
  private final int[] sbiFilter;
  private final int[] activityFilter;

  private final long[] hourHits;
  private final long[] hourDelta;
  private final long[] pointHits;
  private final long[] pointDelta;
  private final SbiSums bySbi = new SbiSums();
  private long totalHits;
  private long totalDelta;

  /**
   * An aggregator for the given published dates (ascending) and area.
   *
   * @param dates ISO dates, in the order the store's date indexes refer to
   * @param baselineMissing per date, whether its generation has no baseline
   * @param area postcode4s, ascending, in the order the store's pc4 indexes refer to
   * @param filter sbi/activity filter; empty means rollups are read
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
    this.filtered = !filter.isEmpty();
    this.sbiFiltered = !filter.sbi().isEmpty();
    // A filter code that is not decimal matches no cell (it stays a filter: nothing passes).
    this.sbiFilter =
        filter.sbi().stream().mapToInt(CellBlock::sbiKey).filter(k -> k > 0).sorted().toArray();
    this.activityFilter = filter.activity().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.hourHits = new long[dates.size() * HOURS];
    this.hourDelta = new long[dates.size() * HOURS];
    this.pointHits = new long[area.length];
    this.pointDelta = new long[area.length];
  }

  @Override
  public void row(int dateIndex, int pc4Index, byte[] byHour, byte[] bySbi, byte[] cells) {
    int base = dateIndex * HOURS;
    if (!filtered) {
      if (byHour != null) {
        CellBlock.forEachKeyed(
            byHour, (hour, activity, sbi, hits, dp1) -> addHourly(base, pc4Index, hour, hits, dp1));
      }
      if (bySbi != null) {
        CellBlock.forEachKeyed(bySbi, (hour, activity, sbi, hits, dp1) -> addSbi(sbi, hits, dp1));
      }
      return;
    }
    if (cells != null) {
      CellBlock.forEachKeyed(
          cells,
          (hour, activity, sbi, hits, dp1) -> {
            if (accepts(activity, sbi)) {
              addHourly(base, pc4Index, hour, hits, dp1);
              addSbi(sbi, hits, dp1);
            }
          });
    }
  }

  private boolean accepts(int activity, int sbiKey) {
    return (activityFilter.length == 0 || Arrays.binarySearch(activityFilter, activity) >= 0)
        && (!sbiFiltered || Arrays.binarySearch(sbiFilter, sbiKey) >= 0);
  }

  private void addHourly(int base, int pc4Index, int hour, long hits, long deltaPlusOne) {
    long delta = deltaPlusOne == 0 ? 0 : deltaPlusOne - 1;
    hourHits[base + hour] += hits;
    hourDelta[base + hour] += delta;
    pointHits[pc4Index] += hits;
    pointDelta[pc4Index] += delta;
    totalHits += hits;
    totalDelta += delta;
  }

  private void addSbi(int sbiKey, long hits, long deltaPlusOne) {
    bySbi.add(sbiKey, hits, deltaPlusOne == 0 ? 0 : deltaPlusOne - 1);
  }

  /** Sums over the area and every date. */
  public Totals totals() {
    Long delta = anyBaselineMissing ? null : totalDelta;
    return new Totals(totalHits, delta, Percentages.change(totalHits, delta));
  }

  /** Per SBI with hits or delta, by total descending then code; labels from {@code catalog}. */
  public List<SbiStat> stats(SbiCatalog catalog) {
    List<SbiStat> out = new ArrayList<>(bySbi.size());
    bySbi.forEach(
        (key, hits, rawDelta) -> {
          if (hits == 0 && rawDelta == 0) {
            return;
          }
          String sbi = CellBlock.sbiOfKey(key);
          Long delta = anyBaselineMissing ? null : rawDelta;
          out.add(
              new SbiStat(sbi, catalog.label(sbi), hits, delta, Percentages.change(hits, delta)));
        });
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
      for (int h = 0; h < HOURS; h++) {
        int i = d * HOURS + h;
        out.add(
            new TimelineEntry(
                dates.get(d), h, hourHits[i], baselineMissing[d] ? null : hourDelta[i]));
      }
    }
    return out;
  }

  /**
   * Per postcode4 of the area with hits or delta, by postcode; centroids from {@code gazetteer}.
   */
  public List<Point> points(Gazetteer gazetteer) {
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < area.length; i++) {
      if (pointHits[i] == 0 && pointDelta[i] == 0) {
        continue;
      }
      Place p = gazetteer.find(area[i]).orElseThrow();
      Long delta = anyBaselineMissing ? null : pointDelta[i];
      out.add(
          new Point(
              p.postcode(),
              p.lat(),
              p.lon(),
              pointHits[i],
              delta,
              Percentages.change(pointHits[i], delta)));
    }
    return out;
  }
}
