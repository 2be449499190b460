package nl.datapoints.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.datapoints.testkit.ReferenceModel.Bounds;
import nl.datapoints.testkit.ReferenceModel.CellKey;
import nl.datapoints.testkit.ReferenceModel.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's release figures on a hand-made day: user a has 12 events in one cell of 1012 (2 above
 * the event cap), user b 4 events in 4 hours of 1017 (one cell above the CELL cap of 3), user c one
 * event in 5611; plus a bad line.
 */
class ReferenceModelTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);
  private static final Map<Level, Bounds> DEFAULTS =
      Map.of(
          Level.TOTAL,
          new Bounds(10, 10, 10),
          Level.HOUR,
          new Bounds(10, 10, 10),
          Level.SBI,
          new Bounds(10, 10, 10),
          Level.CELL,
          new Bounds(10, 3, 10));
  @TempDir Path tmp;
  private ReferenceModel model;

  private static String line(String time, String user, String postcode, int merchant) {
    return String.join(
        "\t",
        D + "T" + time + "+01:00",
        user,
        "10.0.0.1",
        postcode,
        Integer.toString(merchant),
        "1");
  }

  @BeforeEach
  void day() throws IOException {
    Path ref = Files.createDirectories(tmp.resolve("ref"));
    Files.writeString(
        ref.resolve("postcodes.csv"),
        "pc4,lat,lon,name\n1012,52.37,4.89,a\n1017,52.36,4.89,b\n"
            + "5611,51.44,5.47,c\n9999,53.2,6.5,d\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n1,4711\n2,93\n");
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n56,Restaurants\n");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      lines.add(line("10:1" + (i % 10) + ":00", "a", "1012AB", 1));
    }
    for (int h = 8; h < 12; h++) {
      lines.add(line(String.format("%02d:00:00", h), "b", "1017CD", 2));
    }
    lines.add(line("23:59:00", "c", "5611", 1));
    lines.add("not a line");
    Path raw = Files.createDirectories(tmp.resolve("raw").resolve("dt=" + D));
    Files.writeString(raw.resolve("part-0.tsv"), String.join("\n", lines) + "\n");
    model = new ReferenceModel(ref);
    model.readPartition(tmp.resolve("raw"), D);
  }

  @Test
  void theDomainIsTheGazetteerAndEverySbiCodeOfBothFiles() {
    assertEquals(Set.of(1012, 1017, 5611, 9999), model.pc4Domain());
    assertEquals(List.of("4711", "56", "93"), List.copyOf(model.sbiDomain()));
  }

  @Test
  void trueHitsCountEveryEventInOneMemberOfEachLevel() {
    assertEquals(
        Map.of(
            new CellKey(-1, 1012, 0, ""),
            12L,
            new CellKey(-1, 1017, 0, ""),
            4L,
            new CellKey(-1, 5611, 0, ""),
            1L),
        model.trueHits(D, Level.TOTAL));
    assertEquals(1L, model.trueHits(D, Level.HOUR).get(new CellKey(9, 1017, 0, "")));
    assertEquals(4L, model.trueHits(D, Level.SBI).get(new CellKey(-1, 1017, 0, "93")));
    assertEquals(12L, model.trueHits(D, Level.CELL).get(new CellKey(10, 1012, 1, "4711")));
    assertEquals(17L, model.goodEvents.get(D));
  }

  @Test
  void boundingFiguresPerUserDay() {
    assertEquals(3, model.userDays(D));
    assertEquals(2, model.eventsDropped(D, 10), "a's 12 events, 2 above the cap");
    assertEquals(2, model.usersTouched(D, DEFAULTS), "a (events) and b (4 cells > 3)");
    assertEquals(
        1, model.usersTouched(D, Map.of(Level.TOTAL, new Bounds(10, 10, 10))), "only a at TOTAL");
    assertArrayEquals(
        new long[] {1, 1},
        model.cellsDroppedRange(D, Level.CELL, DEFAULTS.get(Level.CELL)),
        "b's fourth cell; a keeps its only cell");
    assertArrayEquals(
        new long[] {0, 0}, model.cellsDroppedRange(D, Level.TOTAL, DEFAULTS.get(Level.TOTAL)));
    assertArrayEquals(
        new long[] {0, 1},
        model.cellsDroppedRange(D, Level.HOUR, new Bounds(2, 1, 10)),
        "capped at 2 events, b keeps 1 or 2 of its 4 hours, so drops 0 or 1 of them at 1 hour per user-day");
  }

  @Test
  void maxRemovedBoundsWhatBoundingCanTakeFromEachMember() {
    assertEquals(
        Map.of(new CellKey(-1, 1012, 0, ""), 2L),
        model.maxRemoved(D, Level.TOTAL, DEFAULTS.get(Level.TOTAL)),
        "only the event cap binds: a loses at most 2 of its 12");
    Map<CellKey, Long> cells = model.maxRemoved(D, Level.CELL, DEFAULTS.get(Level.CELL));
    assertEquals(
        12L,
        cells.get(new CellKey(10, 1012, 1, "4711")),
        "a is over the event cap: all of it may go");
    for (int h = 8; h < 12; h++) {
      assertEquals(
          1L,
          cells.get(new CellKey(h, 1017, 1, "93")),
          "b is over the cell cap: any of its cells may go");
    }
    assertEquals(null, cells.get(new CellKey(23, 5611, 1, "4711")), "c is bound by nothing");
    assertEquals(5, cells.size());
  }
}
