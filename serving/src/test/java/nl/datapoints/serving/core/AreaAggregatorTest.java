package nl.datapoints.serving.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.PackedCell;
import nl.datapoints.serving.api.AreaAnswer.Point;
import nl.datapoints.serving.api.AreaAnswer.SbiStat;
import nl.datapoints.serving.api.AreaAnswer.TimelineEntry;
import nl.datapoints.serving.api.AreaAnswer.Totals;
import org.junit.jupiter.api.Test;

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

  private static PackedCell cell(int hour, int activity, String sbi, long hits, Long delta) {
    return new PackedCell(hour, activity, sbi, hits, delta);
  }

  /** Feeds one row as the store would: rollups derived from the cells with the schemas codec. */
  private static void feed(AreaAggregator agg, int date, int pc4Index, List<PackedCell> cells) {
    agg.row(
        date,
        pc4Index,
        CellBlock.encode(CellBlock.rollupByHour(cells)),
        CellBlock.encode(CellBlock.rollupBySbi(cells)),
        CellBlock.encode(cells));
  }

  @Test
  void sumsRollupsIntoTotalsTimelinePointsAndStats() {
    AreaAggregator agg =
        new AreaAggregator(List.of("2013-01-08"), new boolean[] {false}, AREA, Filter.NONE);
    feed(
        agg,
        0,
        0,
        List.of(cell(9, 1, "4711", 10, 5L), cell(9, 2, "56", 4, 4L), cell(13, 1, "4711", 6, 0L)));
    feed(agg, 0, 2, List.of(cell(9, 1, "56", 2, 3L)));

    assertEquals(new Totals(22, 12L, 0.8333), agg.totals());
    List<TimelineEntry> tl = agg.timeline();
    assertEquals(24, tl.size());
    assertEquals(new TimelineEntry("2013-01-08", 0, 0, 0L), tl.get(0));
    assertEquals(new TimelineEntry("2013-01-08", 9, 16, 12L), tl.get(9));
    assertEquals(new TimelineEntry("2013-01-08", 13, 6, 0L), tl.get(13));
    assertEquals(
        List.of(
            new Point("1016", 52.373, 4.883, 20, 9L, 1.2222),
            new Point("1018", 52.367, 4.91, 2, 3L, -0.3333)),
        agg.points(GAZ));
    assertEquals(
        List.of(
            new SbiStat("4711", "Supermarkets", 16, 5L, 2.2),
            new SbiStat("56", "Restaurants", 6, 7L, -0.1429)),
        agg.stats(SBI));
  }

  @Test
  void statsSortByTotalDescendingThenCodeAndSkipEmptyOnes() {
    AreaAggregator agg =
        new AreaAggregator(List.of("2013-01-08"), new boolean[] {false}, AREA, Filter.NONE);
    feed(
        agg,
        0,
        1,
        List.of(
            cell(1, 1, "9999", 5, 0L),
            cell(1, 1, "1111", 5, 0L),
            cell(1, 1, "56", 7, 0L),
            cell(2, 1, "4711", 0, 0L),
            cell(2, 1, "8888", 0, 2L)));
    List<String> order = agg.stats(SBI).stream().map(SbiStat::sbi).toList();
    assertEquals(List.of("56", "1111", "9999", "8888"), order);
    assertNull(agg.stats(SBI).get(1).label(), "unknown codes have no label");
  }

  @Test
  void percentageIsNullWhenDeltaIsZero() {
    AreaAggregator agg =
        new AreaAggregator(List.of("2013-01-08"), new boolean[] {false}, AREA, Filter.NONE);
    feed(agg, 0, 1, List.of(cell(1, 1, "56", 7, 0L)));
    assertEquals(new Totals(7, 0L, null), agg.totals());
    assertNull(agg.points(GAZ).get(0).percentage());
    assertEquals(0L, agg.points(GAZ).get(0).delta());
  }

  @Test
  void deltaIsNullWhereverItSumsOverADateWithoutBaseline() {
    AreaAggregator agg =
        new AreaAggregator(
            List.of("2013-01-08", "2013-01-09"), new boolean[] {false, true}, AREA, Filter.NONE);
    feed(agg, 0, 1, List.of(cell(3, 1, "56", 7, 2L)));
    feed(agg, 1, 1, List.of(cell(3, 1, "56", 1, null)));
    assertEquals(new Totals(8, null, null), agg.totals());
    assertEquals(new Point("1017", 52.3625, 4.89, 8, null, null), agg.points(GAZ).get(0));
    assertEquals(new SbiStat("56", "Restaurants", 8, null, null), agg.stats(SBI).get(0));
    List<TimelineEntry> tl = agg.timeline();
    assertEquals(48, tl.size());
    assertEquals(new TimelineEntry("2013-01-08", 3, 7, 2L), tl.get(3));
    assertEquals(new TimelineEntry("2013-01-09", 3, 1, null), tl.get(24 + 3));
    assertEquals(new TimelineEntry("2013-01-09", 0, 0, null), tl.get(24));
  }

  @Test
  void anEmptySumOverDatesWithBaselineIsZero() {
    AreaAggregator agg =
        new AreaAggregator(List.of("2013-01-08"), new boolean[] {false}, AREA, Filter.NONE);
    assertEquals(new Totals(0, 0L, null), agg.totals());
    assertEquals(List.of(), agg.points(GAZ));
    assertEquals(List.of(), agg.stats(SBI));
    assertEquals(24, agg.timeline().stream().filter(t -> t.hits() == 0 && t.delta() == 0L).count());
  }

  @Test
  void filtersReadEveryCellAndKeepMatchingSbiAndActivity() {
    List<PackedCell> cells =
        List.of(
            cell(9, 1, "4711", 10, 5L),
            cell(9, 2, "4711", 4, 4L),
            cell(10, 1, "56", 6, 1L),
            cell(11, 3, "56", 100, 1L));
    AreaAggregator bySbi =
        new AreaAggregator(
            List.of("2013-01-08"),
            new boolean[] {false},
            AREA,
            new Filter(List.of("4711"), List.of()));
    feed(bySbi, 0, 0, cells);
    assertEquals(new Totals(14, 9L, 0.5556), bySbi.totals());

    AreaAggregator byActivity =
        new AreaAggregator(
            List.of("2013-01-08"), new boolean[] {false}, AREA, new Filter(List.of(), List.of(1)));
    feed(byActivity, 0, 0, cells);
    assertEquals(new Totals(16, 6L, 1.6667), byActivity.totals());
    assertEquals(2, byActivity.stats(SBI).size());

    AreaAggregator both =
        new AreaAggregator(
            List.of("2013-01-08"),
            new boolean[] {false},
            AREA,
            new Filter(List.of("56"), List.of(1, 3)));
    feed(both, 0, 0, cells);
    assertEquals(new Totals(106, 2L, 52.0), both.totals());
    assertEquals(6, both.timeline().get(10).hits());
    assertEquals(100, both.timeline().get(11).hits());
  }

  @Test
  void sbiFilterKeepsLeadingZerosApartAndANonDecimalCodeMatchesNothing() {
    List<PackedCell> cells =
        List.of(cell(9, 1, "0111", 10, 5L), cell(9, 1, "111", 4, 4L), cell(10, 1, "56", 6, 1L));
    AreaAggregator zero =
        new AreaAggregator(
            List.of("2013-01-08"),
            new boolean[] {false},
            AREA,
            new Filter(List.of("0111"), List.of()));
    feed(zero, 0, 0, cells);
    assertEquals(new Totals(10, 5L, 1.0), zero.totals());
    assertEquals(List.of("0111"), zero.stats(SBI).stream().map(SbiStat::sbi).toList());

    AreaAggregator none =
        new AreaAggregator(
            List.of("2013-01-08"),
            new boolean[] {false},
            AREA,
            new Filter(List.of("4x"), List.of()));
    feed(none, 0, 0, cells);
    assertEquals(new Totals(0, 0L, null), none.totals());
  }
}
