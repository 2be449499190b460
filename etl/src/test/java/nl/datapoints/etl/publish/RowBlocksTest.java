package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleaseBlock.Entry;
import nl.datapoints.schemas.ReleaseBlock.Section;
import nl.datapoints.schemas.ReleasedValue;
import org.junit.jupiter.api.Test;

class RowBlocksTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  static ReleasedValue value(
      Level level,
      Integer hour,
      Integer activity,
      String sbi,
      boolean released,
      long hits,
      double scale,
      Long delta,
      Double deltaScale) {
    return ReleasedValue.newBuilder()
        .setDate(D)
        .setPc4(1012)
        .setLevel(level)
        .setHour(hour)
        .setActivity(activity)
        .setSbi(sbi)
        .setReleased(released)
        .setHits(hits)
        .setHitsScale(released ? scale : 0)
        .setDelta(delta)
        .setDeltaScale(deltaScale)
        .build();
  }

  @Test
  void packsTheAreaLevelsAndTheCellsApart() {
    RowBlocks r =
        RowBlocks.of(
            List.of(
                value(Level.SBI, null, null, "56", true, -4, 50, 3L, 50.0),
                value(Level.HOUR, 13, null, null, true, 97, 40, 88L, 40.0),
                value(Level.TOTAL, null, null, null, true, 120, 28.5, 110L, 28.5),
                value(Level.CELL, 13, 1, "4711", true, 70, 100, 0L, 0.0),
                value(Level.CELL, 18, 2, "56", false, 0, 0, 220L, 100.0)));
    ReleaseBlock.Decoded area = ReleaseBlock.decode(r.area());
    assertTrue(area.baseline());
    assertEquals(
        List.of(
            new Section(
                Level.TOTAL, 28.5, 28.5, List.of(new Entry(-1, 0, "", true, 120, true, 110))),
            new Section(Level.HOUR, 40, 40, List.of(new Entry(13, 0, "", true, 97, true, 88))),
            new Section(Level.SBI, 50, 50, List.of(new Entry(-1, 0, "56", true, -4, true, 3)))),
        area.sections());
    assertEquals(
        List.of(
            new Section(
                Level.CELL,
                100,
                100,
                List.of(
                    new Entry(13, 1, "4711", true, 70, false, 0),
                    new Entry(18, 2, "56", false, 0, true, 220)))),
        ReleaseBlock.decode(r.cells()).sections());
    assertEquals(5, r.values());
    assertEquals(120, r.totalHits());
    assertEquals(0, r.nullDeltas());
  }

  @Test
  void aRowWithoutCellsHasNoCellsBlockAndNoBaselineNoDeltas() {
    RowBlocks r =
        RowBlocks.of(List.of(value(Level.TOTAL, null, null, null, true, 5, 28.5, null, null)));
    assertNull(r.cells());
    assertEquals(1, r.nullDeltas());
    assertEquals(false, ReleaseBlock.decode(r.area()).baseline());
  }

  @Test
  void countsADuplicateMemberOnce() {
    ReleasedValue t = value(Level.TOTAL, null, null, null, true, 5, 28.5, 1L, 28.5);
    RowBlocks r = RowBlocks.of(List.of(t, t));
    assertEquals(1, r.values());
    assertEquals(1, r.duplicates());
  }

  @Test
  void refusesMixedBaselinesAndMixedScales() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RowBlocks.of(
                List.of(
                    value(Level.TOTAL, null, null, null, true, 5, 28.5, 1L, 28.5),
                    value(Level.HOUR, 1, null, null, true, 5, 40, null, null))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RowBlocks.of(
                List.of(
                    value(Level.HOUR, 1, null, null, true, 5, 40, 1L, 40.0),
                    value(Level.HOUR, 2, null, null, true, 5, 41, 1L, 40.0))));
  }
}
