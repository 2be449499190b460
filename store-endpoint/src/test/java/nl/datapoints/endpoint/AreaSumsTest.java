package nl.datapoints.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleaseBlock.Entry;
import nl.datapoints.schemas.ReleaseBlock.Section;
import org.junit.jupiter.api.Test;

/**
 * Sums of parts added up are the sums of the whole: what lets each region sum its own rows. Rows
 * are random release blocks (every level, noisy values that do not add up across levels).
 */
class AreaSumsTest {
  private static final int DATES = 3;
  private static final int AREA = 5;

  /** The spec of an unfiltered query (shared by this package's tests). */
  static final AreaSums.Spec UNFILTERED =
      new AreaSums.Spec(
          Level.TOTAL,
          Level.TOTAL,
          Level.HOUR,
          Level.SBI,
          true,
          false,
          false,
          new int[0],
          new int[0]);

  /** One row: date, postcode4 index, area block, cells block. */
  private record Row(int date, int pc4, byte[] area, byte[] cells) {}

  private static List<Row> rows(long seed) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    String[] sbis = {"4711", "56", "0121", "6420"};
    for (int d = 0; d < DATES; d++) {
      for (int p = 0; p < AREA; p++) {
        List<Entry> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
          hours.add(new Entry(h, 0, "", true, r.nextInt(90) - 10, r.nextBoolean(), r.nextInt(50)));
        }
        List<Entry> sbi = new ArrayList<>();
        for (String s : sbis) {
          sbi.add(new Entry(-1, 0, s, true, r.nextInt(40) - 5, true, r.nextInt(30)));
        }
        List<Entry> cells = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          boolean released = r.nextBoolean();
          cells.add(
              new Entry(i * 5, 1 + i, sbis[i], released, released ? r.nextInt(20) : 0, true, i));
        }
        byte[] area =
            ReleaseBlock.encode(
                true,
                List.of(
                    new Section(
                        Level.TOTAL,
                        1.5,
                        2.5,
                        List.of(new Entry(-1, 0, "", true, r.nextInt(500), true, r.nextInt(400)))),
                    new Section(Level.HOUR, 2, 3, hours),
                    new Section(Level.SBI, 1, 1, sbi)));
        byte[] cell = ReleaseBlock.encode(true, List.of(new Section(Level.CELL, 0.5, 0.75, cells)));
        rows.add(new Row(d, p, area, cell));
      }
    }
    return rows;
  }

  private static AreaSums sum(AreaSums.Spec spec, List<Row> rows) {
    AreaSums s = new AreaSums(spec, DATES, AREA);
    for (Row row : rows) {
      s.block(row.date, row.pc4, false, row.area, 0, row.area.length);
      s.block(row.date, row.pc4, true, row.cells, 0, row.cells.length);
    }
    return s;
  }

  private static void assertSameSums(NoisySums expected, NoisySums actual, int slots) {
    for (int i = 0; i < slots; i++) {
      assertEquals(expected.any(i), actual.any(i), "any of slot " + i);
      assertEquals(expected.rawHits(i), actual.rawHits(i), "hits of slot " + i);
      assertEquals(expected.rawDelta(i), actual.rawDelta(i), "delta of slot " + i);
      assertEquals(expected.hitsMoe(i), actual.hitsMoe(i), "hits margin of slot " + i);
      assertEquals(expected.deltaMoe(i), actual.deltaMoe(i), "delta margin of slot " + i);
    }
  }

  private static void assertSame(AreaSums expected, AreaSums actual) {
    assertEquals(expected.blocks(), actual.blocks());
    assertSameSums(expected.totals(), actual.totals(), 1);
    assertSameSums(expected.hours(), actual.hours(), DATES * 24);
    assertSameSums(expected.points(), actual.points(), AREA);
    assertEquals(expected.bySbi().size(), actual.bySbi().size());
    for (int i = 0; i < expected.bySbi().size(); i++) {
      int key = expected.bySbi().key(i);
      int slot = actual.bySbi().slot(key);
      NoisySums e = expected.bySbi().sums();
      NoisySums a = actual.bySbi().sums();
      assertEquals(e.rawHits(i), a.rawHits(slot), "hits of SBI key " + key);
      assertEquals(e.rawDelta(i), a.rawDelta(slot), "delta of SBI key " + key);
      assertEquals(e.hitsMoe(i), a.hitsMoe(slot), "hits margin of SBI key " + key);
    }
  }

  private static byte[] sbiBlock(double scale, String... sbiHits) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < sbiHits.length; i += 2) {
      entries.add(new Entry(-1, 0, sbiHits[i], true, Long.parseLong(sbiHits[i + 1]), false, 0));
    }
    return ReleaseBlock.encode(false, List.of(new Section(Level.SBI, scale, Double.NaN, entries)));
  }

  @Test
  void perSbiSumsFollowEachRowsOwnSbisAndScales() {
    // Rows whose SBI sections list other SBIs at the same positions, at other noise scales.
    AreaSums s = new AreaSums(UNFILTERED, 1, 3);
    byte[][] blocks = {
      sbiBlock(1, "4711", "5", "56", "7"),
      sbiBlock(2, "56", "3", "6420", "4"),
      sbiBlock(1, "4711", "1", "56", "2"),
    };
    for (int p = 0; p < blocks.length; p++) {
      s.block(0, p, false, blocks[p], 0, blocks[p].length);
    }
    double v1 = ReleaseBlock.variance(1);
    double v2 = ReleaseBlock.variance(2);
    SbiSums sbi = s.bySbi();
    assertEquals(3, sbi.size());
    long[] hits = {6, 12, 4};
    double[][] variances = {{v1, v1}, {v1, v2, v1}, {v2}};
    String[] codes = {"4711", "56", "6420"};
    for (int i = 0; i < codes.length; i++) {
      int slot = sbi.slot(ReleaseBlock.sbiKey(codes[i]));
      double var = 0;
      double var2 = 0;
      for (double v : variances[i]) {
        var += v;
        var2 += v * v;
      }
      assertEquals(hits[i], sbi.sums().rawHits(slot), "hits of SBI " + codes[i]);
      assertEquals(
          nl.datapoints.schemas.Margins.moe95(var, var2),
          sbi.sums().hitsMoe(slot),
          "margin of SBI " + codes[i]);
    }
  }

  @Test
  void aBlockWithoutAHitsScaleIsRefusedEvenFirst() {
    byte[] block = sbiBlock(Double.NaN, "4711", "5");
    assertThrows(
        IllegalArgumentException.class,
        () -> new AreaSums(UNFILTERED, 1, 1).block(0, 0, false, block, 0, block.length));
  }

  @Test
  void partsSummedApartAndAddedAreTheWhole() {
    for (AreaSums.Spec spec :
        List.of(
            UNFILTERED,
            new AreaSums.Spec(
                Level.SBI,
                Level.SBI,
                Level.CELL,
                Level.SBI,
                true,
                true,
                true,
                new int[] {ReleaseBlock.sbiKey("56"), ReleaseBlock.sbiKey("4711")},
                new int[0]),
            new AreaSums.Spec(
                Level.CELL,
                Level.CELL,
                Level.CELL,
                Level.CELL,
                false,
                true,
                false,
                new int[0],
                new int[] {2, 3}))) {
      List<Row> rows = rows(11);
      AreaSums whole = sum(spec, rows);
      // Three "regions": by date, as a table split between dates holds them.
      AreaSums added = new AreaSums(spec, DATES, AREA);
      for (int d = 0; d < DATES; d++) {
        int date = d;
        AreaSums part = sum(spec, rows.stream().filter(r -> r.date == date).toList());
        added.add(part.toBytes());
      }
      assertSame(whole, added);
      assertTrue(whole.totals().any(0), "some value was summed for " + spec);
      // Dates asked for in groups: each group's sums count its dates from 0.
      AreaSums grouped = new AreaSums(spec, DATES, AREA);
      int[][] groups = {{0}, {1, 2}};
      for (int[] group : groups) {
        AreaSums part = new AreaSums(spec, group.length, AREA);
        for (Row row : rows) {
          for (int i = 0; i < group.length; i++) {
            if (row.date == group[i]) {
              part.block(i, row.pc4, false, row.area, 0, row.area.length);
              part.block(i, row.pc4, true, row.cells, 0, row.cells.length);
            }
          }
        }
        byte[] bytes = part.toBytes();
        if (group.length == 1) {
          grouped.add(bytes, group[0]);
        } else {
          // As the service adds a region's answer: a read-only view inside a larger buffer.
          byte[] framed = new byte[bytes.length + 5];
          System.arraycopy(bytes, 0, framed, 3, bytes.length);
          grouped.add(
              ByteBuffer.wrap(framed, 3, bytes.length).slice().asReadOnlyBuffer(), group[0]);
        }
      }
      assertSame(whole, grouped);
    }
  }

  @Test
  void unfilteredSumsTakeEachPartFromItsLevel() {
    List<Row> rows = rows(3);
    AreaSums s = sum(UNFILTERED, rows);
    long total = 0;
    long lastHourOfDate1 = 0;
    long pc4Two = 0;
    for (Row row : rows) {
      ReleaseBlock.Decoded b = ReleaseBlock.decode(row.area);
      long t = b.sections().get(0).entries().get(0).hits();
      total += t;
      pc4Two += row.pc4 == 2 ? t : 0;
      lastHourOfDate1 += row.date == 1 ? b.sections().get(1).entries().get(23).hits() : 0;
    }
    assertEquals(total, s.totals().rawHits(0));
    assertEquals(pc4Two, s.points().rawHits(2));
    assertEquals(lastHourOfDate1, s.hours().rawHits(24 + 23));
    assertEquals(DATES * AREA, s.blocks(), "only the area blocks are read");
  }

  @Test
  void anSbiFilterWithNoValidCodeMatchesNothing() {
    AreaSums.Spec none =
        new AreaSums.Spec(
            Level.SBI, Level.SBI, Level.CELL, Level.SBI, true, true, true, new int[0], new int[0]);
    AreaSums s = sum(none, rows(5));
    assertFalse(s.totals().any(0));
    assertEquals(0, s.bySbi().size());
  }

  @Test
  void emptySumsAddNothing() {
    AreaSums s = sum(UNFILTERED, rows(9));
    byte[] before = s.toBytes();
    s.add(new AreaSums(UNFILTERED, DATES, AREA).toBytes());
    assertTrue(Arrays.equals(before, s.toBytes()));
  }

  @Test
  void bytesOfAnotherShapeOrCutShortAreRefusedWithAReason() {
    AreaSums s = new AreaSums(UNFILTERED, DATES, AREA);
    byte[] other = sum(UNFILTERED, rows(1)).toBytes();
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AreaSums(UNFILTERED, DATES + 1, AREA).add(other));
    assertTrue(shape.getMessage().contains("3 dates x 5 postcode4s"), shape.getMessage());
    IllegalArgumentException beyond =
        assertThrows(IllegalArgumentException.class, () -> s.add(other, 1));
    assertTrue(beyond.getMessage().contains("from date 1"), beyond.getMessage());
    IllegalArgumentException cut =
        assertThrows(
            IllegalArgumentException.class, () -> s.add(Arrays.copyOf(other, other.length - 3)));
    assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    byte[] version = other.clone();
    version[0] = 9;
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> s.add(version));
    assertEquals("area sums version must be 1, got 9", v.getMessage());
  }
}
