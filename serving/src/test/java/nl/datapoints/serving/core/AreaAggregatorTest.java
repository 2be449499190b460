package nl.datapoints.serving.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Level;
import nl.datapoints.serving.TestRows.Release;
import nl.datapoints.serving.api.AreaAnswer;
import nl.datapoints.serving.api.AreaAnswer.Levels;
import nl.datapoints.serving.api.AreaAnswer.Point;
import nl.datapoints.serving.api.AreaAnswer.SbiStat;
import nl.datapoints.serving.api.AreaAnswer.TimelineEntry;
import nl.datapoints.serving.api.AreaAnswer.Totals;
import org.junit.jupiter.api.Test;

/**
 * The level rules, the margin arithmetic and the display rules of {@link AreaAggregator}. The rows
 * give every level values that do not add up to each other (as noisy levels do not), so a part
 * summed from the wrong level gives a wrong number.
 */
class AreaAggregatorTest {
  private static final Gazetteer GAZ =
      new Gazetteer(
          List.of(
              new Place(1016, 52.373, 4.883, "b"),
              new Place(1017, 52.3625, 4.89, "a"),
              new Place(1018, 52.367, 4.91, "c")));
  private static final SbiCatalog SBI =
      new SbiCatalog(Map.of("4711", "Supermarkets", "56", "Restaurants"));
  private static final int[] AREA = {1016, 1017, 1018};
  private static final List<String> ONE_DATE = List.of("2013-01-08");
  private static final boolean[] WITH_BASELINE = {false};

  // Variances of discrete Laplace noise, 2q / (1 - q)^2 with q = e^(-1/b), worked out by hand:
  // b = 1: q = 0.367879, 1 - q = 0.632121 → 0.735759 / 0.399576 = 1.841347.
  // b = 2: q = 0.606531, 1 - q = 0.393469 → 1.213061 / 0.154818 = 7.835396.
  // b = 0 is an exact value: variance 0, margin 0.

  /** A row with every level exact (scale 0), so only the level rules decide the numbers. */
  private static Release exact() {
    Release r = Release.of(true);
    for (Level l : Level.values()) {
      r.scales(l, 0, 0);
    }
    return r;
  }

  private static void feed(AreaAggregator agg, int date, int pc4Index, Release r) {
    agg.row(date, pc4Index, r.area(), r.cells());
  }

  private static AreaAggregator agg(Filter filter) {
    return new AreaAggregator(ONE_DATE, WITH_BASELINE, AREA, filter);
  }

  /** Two rows whose TOTAL, HOUR, SBI and CELL values all disagree. */
  private static void feedTwoRows(AreaAggregator agg) {
    feed(
        agg,
        0,
        0,
        exact()
            .total(100, 80L)
            .hour(9, 60, 50L)
            .hour(13, 30, 20L)
            .sbi("4711", 70, 40L)
            .sbi("56", 25, 30L)
            .cell(9, 1, "4711", 41, 21L)
            .cell(9, 2, "56", 11, 9L)
            .cell(13, 1, "4711", 17, 13L));
    feed(
        agg,
        0,
        2,
        exact()
            .total(10, 12L)
            .hour(9, 7, 8L)
            .sbi("4711", 0, 0L)
            .sbi("56", 9, 6L)
            .cell(9, 1, "56", 3, 5L));
  }

  @Test
  void unfilteredAnswersTotalsAndPointsFromTotalTimelineFromHourStatsFromSbi() {
    AreaAggregator agg = agg(Filter.NONE);
    feedTwoRows(agg);

    assertEquals(new Totals(110, 0, 92L, 0L, 0.1957, null), agg.totals());
    assertEquals(
        List.of(
            new Point("1016", 52.373, 4.883, 100, 0, 80L, 0L, 0.25, null),
            new Point("1018", 52.367, 4.91, 10, 0, 12L, 0L, -0.1667, null)),
        agg.points(GAZ));
    List<TimelineEntry> tl = agg.timeline();
    assertEquals(24, tl.size());
    assertEquals(new TimelineEntry("2013-01-08", 9, 67, 0, 58L, 0L, null), tl.get(9));
    assertEquals(new TimelineEntry("2013-01-08", 13, 30, 0, 20L, 0L, null), tl.get(13));
    assertEquals(new TimelineEntry("2013-01-08", 0, 0, 0, 0L, 0L, null), tl.get(0));
    // Every SBI with a released value appears, a released 0 included.
    assertEquals(
        List.of(
            new SbiStat("4711", "Supermarkets", 70, 0, 40L, 0L, 0.75, null),
            new SbiStat("56", "Restaurants", 34, 0, 36L, 0L, -0.0556, null)),
        agg.stats(SBI));
    assertEquals(new Levels("total", "total", "hour", "sbi"), agg.levels());
    assertEquals(CellStore.Blocks.AREA, agg.plan().blocks());
  }

  @Test
  void sbiFilterAnswersTotalsPointsAndStatsFromSbiAndTheTimelineFromCells() {
    AreaAggregator agg = agg(new Filter(List.of("56"), List.of()));
    feedTwoRows(agg);

    assertEquals(new Totals(34, 0, 36L, 0L, -0.0556, null), agg.totals());
    assertEquals(
        List.of(
            new Point("1016", 52.373, 4.883, 25, 0, 30L, 0L, -0.1667, null),
            new Point("1018", 52.367, 4.91, 9, 0, 6L, 0L, 0.5, null)),
        agg.points(GAZ));
    assertEquals(
        List.of(new SbiStat("56", "Restaurants", 34, 0, 36L, 0L, -0.0556, null)), agg.stats(SBI));
    // Hour 9 of SBI 56: the cells (9, 2, 56) = 11 and (9, 1, 56) = 3.
    assertEquals(new TimelineEntry("2013-01-08", 9, 14, 0, 14L, 0L, null), agg.timeline().get(9));
    assertEquals(0, agg.timeline().get(13).hits());
    assertEquals(new Levels("sbi", "sbi", "cell", "sbi"), agg.levels());
    assertEquals(CellStore.Blocks.AREA_AND_CELLS, agg.plan().blocks());
  }

  @Test
  void activityFilterAnswersEverythingFromTheMatchingCells() {
    AreaAggregator agg = agg(new Filter(List.of(), List.of(1)));
    feedTwoRows(agg);

    assertEquals(new Totals(61, 0, 39L, 0L, 0.5641, null), agg.totals());
    assertEquals(
        List.of(
            new Point("1016", 52.373, 4.883, 58, 0, 34L, 0L, 0.7059, null),
            new Point("1018", 52.367, 4.91, 3, 0, 5L, 0L, -0.4, null)),
        agg.points(GAZ));
    assertEquals(
        List.of(
            new SbiStat("4711", "Supermarkets", 58, 0, 34L, 0L, 0.7059, null),
            new SbiStat("56", "Restaurants", 3, 0, 5L, 0L, -0.4, null)),
        agg.stats(SBI));
    assertEquals(44, agg.timeline().get(9).hits());
    assertEquals(17, agg.timeline().get(13).hits());
    assertEquals(new Levels("cell", "cell", "cell", "cell"), agg.levels());
    assertEquals(CellStore.Blocks.CELLS, agg.plan().blocks());

    AreaAggregator both = agg(new Filter(List.of("4711"), List.of(2)));
    feedTwoRows(both);
    assertEquals(
        new Totals(0, 0, 0L, 0L, null, null), both.totals(), "no cell is activity 2 and SBI 4711");
    assertEquals(List.of(), both.stats(SBI));
    assertEquals(
        List.of(), both.points(GAZ), "a postcode without a matching released value is no point");
  }

  @Test
  void marginsComeFromTheSummedVariancesOfEachSectionsScale() {
    AreaAggregator agg = agg(Filter.NONE);
    feed(
        agg,
        0,
        0,
        Release.of(true)
            .scales(Level.TOTAL, 1, 2)
            .scales(Level.HOUR, 1, 1)
            .scales(Level.SBI, 2, 2)
            .total(40, 30L)
            .hour(5, 40, 30L)
            .sbi("56", 40, 30L));
    feed(
        agg,
        0,
        1,
        Release.of(true)
            .scales(Level.TOTAL, 1, 2)
            .scales(Level.HOUR, 2, 1)
            .scales(Level.SBI, 2, 2)
            .total(20, 10L)
            .hour(5, 20, 10L)
            .sbi("56", 20, 10L));

    // Totals: two values at b = 1: Σvar = 3.682694, Σvar² = 6.781118, n = (Σvar)² / Σvar² = 2.0,
    // z = 1.96 + 0.165 / √2 = 2.076673, moe = ⌈2.076673 × √3.682694⌉ = ⌈2.076673 × 1.919035⌉
    // = ⌈3.9852⌉ = 4.
    // Deltas at b = 2: Σvar = 15.670792, n = 2, moe = ⌈2.076673 × 3.958635⌉ = ⌈8.2208⌉ = 9.
    assertEquals(new Totals(60, 4, 40L, 9L, 0.5, null), agg.totals());
    // One value at b = 1: n = 1, z = 1.96 + 0.165 = 2.125, moe = ⌈2.125 × √1.841347⌉ = ⌈2.8835⌉ =
    // 3;
    // its delta at b = 2: ⌈2.125 × √7.835396⌉ = ⌈5.9483⌉ = 6.
    assertEquals(
        new Point("1016", 52.373, 4.883, 40, 3, 30L, 6L, 0.3333, null), agg.points(GAZ).get(0));
    // Hour 5 sums b = 1 and b = 2: Σvar = 9.676743, Σvar² = 3.390558 + 61.393433 = 64.783991,
    // n = 93.639361 / 64.783991 = 1.445409, z = 1.96 + 0.165 / √1.445409 = 2.097242,
    // moe = ⌈2.097242 × 3.110747⌉ = ⌈6.5240⌉ = 7; deltas at b = 1 twice: 4 (as the totals).
    assertEquals(new TimelineEntry("2013-01-08", 5, 60, 7, 40L, 4L, null), agg.timeline().get(5));
    assertEquals(
        new SbiStat("56", "Restaurants", 60, 9, 40L, 9L, 0.5, null), agg.stats(SBI).get(0));
  }

  @Test
  void aNegativeSumIsShownAsZeroWithItsMarginAndNoSingleValueIsClamped() {
    AreaAggregator agg = agg(Filter.NONE);
    feed(
        agg,
        0,
        0,
        Release.of(true)
            .scales(Level.TOTAL, 1, 1)
            .scales(Level.SBI, 1, 1)
            .total(-3, 5L)
            .sbi("56", -4, -2L));
    feed(
        agg,
        0,
        1,
        Release.of(true)
            .scales(Level.TOTAL, 1, 1)
            .scales(Level.SBI, 1, 1)
            .total(10, -1L)
            .sbi("56", 1, -3L));
    // Σ = -3 + 10 = 7, not 0 + 10: the negative value stays in the sum; delta 5 - 1 = 4.
    assertEquals(new Totals(7, 4, 4L, 4L, 0.75, null), agg.totals());
    // A point of one negative value: shown 0 with the margin of its noise; change from the shown 0.
    assertEquals(
        new Point("1016", 52.373, 4.883, 0, 3, 5L, 3L, -1.0, null), agg.points(GAZ).get(0));
    // Σ -4 + 1 = -3 → 0; its delta -5 → 0, so the change has no base.
    assertEquals(new SbiStat("56", "Restaurants", 0, 4, 0L, 4L, null, null), agg.stats(SBI).get(0));
  }

  @Test
  void valuesNotReleasedAddNeitherValueNorVariance() {
    AreaAggregator agg = agg(new Filter(List.of(), List.of(1)));
    Release r =
        Release.of(true)
            .scales(Level.CELL, 2, 1)
            .cell(9, 1, "4711", 20, null) // new this week: no released value on D-7
            .lapsedCell(9, 1, "56", 6); // released on D-7 only: hits an exact 0
    feed(agg, 0, 0, r);

    // Hits: one value at b = 2 → ⌈2.125 × 2.799178⌉ = ⌈5.9483⌉ = 6; delta: one value at b = 1 → 3.
    assertEquals(new Totals(20, 6, 6L, 3L, 2.3333, null), agg.totals());
    assertEquals(
        List.of(
            new SbiStat("4711", "Supermarkets", 20, 6, 0L, 0L, null, null),
            new SbiStat("56", "Restaurants", 0, 0, 6L, 3L, -1.0, null)),
        agg.stats(SBI),
        "an SBI with only a delta released appears, its hits an exact 0 with no margin");
  }

  @Test
  void deltaIsNullWithReasonBaselineMissingWhereverItSumsOverADateWithoutBaseline() {
    AreaAggregator agg =
        new AreaAggregator(
            List.of("2013-01-08", "2013-01-09"), new boolean[] {false, true}, AREA, Filter.NONE);
    feed(agg, 0, 1, exact().total(7, 2L).hour(3, 7, 2L).sbi("56", 7, 2L));
    feed(
        agg,
        1,
        1,
        Release.of(false)
            .scales(Level.TOTAL, 0, Double.NaN)
            .scales(Level.HOUR, 0, Double.NaN)
            .scales(Level.SBI, 0, Double.NaN)
            .total(1, null)
            .hour(3, 1, null)
            .sbi("56", 1, null));
    String missing = AreaAnswer.BASELINE_MISSING;
    assertEquals(new Totals(8, 0, null, null, null, missing), agg.totals());
    assertEquals(
        new Point("1017", 52.3625, 4.89, 8, 0, null, null, null, missing), agg.points(GAZ).get(0));
    assertEquals(
        new SbiStat("56", "Restaurants", 8, 0, null, null, null, missing), agg.stats(SBI).get(0));
    List<TimelineEntry> tl = agg.timeline();
    assertEquals(48, tl.size());
    assertEquals(new TimelineEntry("2013-01-08", 3, 7, 0, 2L, 0L, null), tl.get(3));
    assertEquals(new TimelineEntry("2013-01-09", 3, 1, 0, null, null, missing), tl.get(24 + 3));
    assertEquals(new TimelineEntry("2013-01-09", 0, 0, 0, null, null, missing), tl.get(24));
  }

  @Test
  void nothingPublishedHasANullDeltaWithReasonNotPublished() {
    AreaAggregator agg = new AreaAggregator(List.of(), new boolean[0], AREA, Filter.NONE);
    assertEquals(new Totals(0, 0, null, null, null, AreaAnswer.NOT_PUBLISHED), agg.totals());
    assertEquals(List.of(), agg.points(GAZ));
    assertEquals(List.of(), agg.stats(SBI));
    assertEquals(List.of(), agg.timeline());
  }

  @Test
  void percentageIsNullWhenTheShownDeltaIsZero() {
    AreaAggregator agg = agg(Filter.NONE);
    feed(agg, 0, 1, exact().total(7, 0L));
    assertEquals(new Totals(7, 0, 0L, 0L, null, null), agg.totals());
    assertNull(agg.points(GAZ).get(0).percentage());
  }

  @Test
  void statsSortByShownTotalDescendingThenCode() {
    AreaAggregator agg = agg(Filter.NONE);
    feed(
        agg,
        0,
        1,
        exact()
            .sbi("9999", 5, 0L)
            .sbi("1111", 5, 0L)
            .sbi("56", 7, 0L)
            .sbi("4711", -2, 0L)
            .sbi("8888", 0, 2L));
    List<String> order = agg.stats(SBI).stream().map(SbiStat::sbi).toList();
    assertEquals(
        List.of("56", "1111", "9999", "4711", "8888"),
        order,
        "a negative sum sorts as its shown 0");
    assertNull(agg.stats(SBI).get(1).label(), "unknown codes have no label");
  }

  @Test
  void sbiFilterKeepsLeadingZerosApartAndANonDecimalCodeMatchesNothing() {
    Release r = exact().sbi("0111", 10, 5L).sbi("111", 4, 4L).sbi("56", 6, 1L);
    AreaAggregator zero = agg(new Filter(List.of("0111"), List.of()));
    feed(zero, 0, 0, r);
    assertEquals(new Totals(10, 0, 5L, 0L, 1.0, null), zero.totals());
    assertEquals(List.of("0111"), zero.stats(SBI).stream().map(SbiStat::sbi).toList());

    AreaAggregator none = agg(new Filter(List.of("4x"), List.of()));
    feed(none, 0, 0, r);
    assertEquals(new Totals(0, 0, 0L, 0L, null, null), none.totals());
  }

  @Test
  void readsOnlyTheBlocksOfItsPlan() {
    Release r = exact().total(100, 1L).cell(4, 1, "56", 3, 1L);
    AreaAggregator unfiltered = agg(Filter.NONE);
    unfiltered.row(0, 0, null, r.cells());
    assertEquals(List.of(), unfiltered.points(GAZ), "an unfiltered query never sums cells");
    AreaAggregator activity = agg(new Filter(List.of(), List.of(1)));
    activity.row(0, 0, r.area(), null);
    assertEquals(0, activity.totals().total(), "an activity filter never sums the area block");
  }
}
