package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.release.Bounding.Contribution;
import nl.datapoints.etl.release.Bounding.Event;
import nl.datapoints.schemas.Level;
import org.junit.jupiter.api.Test;

class BoundingTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);
  private static final byte[] USER = new byte[16];

  private static Bounding bounding(byte[] key, int maxEvents, String cells, String hits) {
    return new Bounding(
        new PrivacyParams(
            BigDecimal.ONE,
            PrivacyParams.DEFAULT.split(),
            1e-8,
            maxEvents,
            PrivacyParams.perLevel(cells),
            PrivacyParams.perLevel(hits)),
        new NoiseStream(key));
  }

  private static Map<Level, Long> sums(List<Contribution> cs) {
    Map<Level, Long> out = new EnumMap<>(Level.class);
    cs.forEach(c -> out.merge(c.member().level(), c.hits(), Long::sum));
    return out;
  }

  /** A heavy user-day: 3,000 events over 6 pc4s, 24 hours, 3 activities and 5 SBI codes. */
  private static List<Event> heavy() {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      out.add(new Event(1011 + i % 6, i % 24, 1 + i % 3, String.valueOf(4711 + i % 5)));
    }
    return out;
  }

  @Test
  void aHeavyUserContributesAtMostTheSensitivityToEveryLevel() {
    Bounding.Result r =
        bounding(
                NoiseStreamTest.KEY,
                10,
                "total=10,hour=10,sbi=10,cell=3",
                "total=10,hour=10,sbi=10,cell=10")
            .bound(USER, D, heavy());
    assertEquals(2990, r.eventsDropped());
    for (Level l : List.of(Level.TOTAL, Level.HOUR, Level.SBI)) {
      assertEquals(10, sums(r.contributions()).get(l), l.toString());
    }
    // At most 3 of the (up to 10) cells of the kept events: fewer hits than the event cap.
    assertTrue(
        r.contributions().stream().filter(c -> c.member().level() == Level.CELL).count() <= 3);
    assertTrue(sums(r.contributions()).get(Level.CELL) <= 10);
    assertTrue(r.touched());
  }

  @Test
  void anOrdinaryUserIsNotTouched() {
    List<Event> two = List.of(new Event(1012, 9, 1, "4711"), new Event(1012, 9, 1, "4711"));
    Bounding.Result r =
        bounding(
                NoiseStreamTest.KEY,
                10,
                "total=10,hour=10,sbi=10,cell=3",
                "total=10,hour=10,sbi=10,cell=10")
            .bound(USER, D, two);
    assertEquals(
        List.of(
            new Contribution(1012, Member.TOTAL, 2),
            new Contribution(1012, Member.hour(9), 2),
            new Contribution(1012, Member.sbi("4711"), 2),
            new Contribution(1012, Member.cell(9, 1, "4711"), 2)),
        r.contributions());
    assertEquals(0, r.eventsDropped());
    assertTrue(!r.touched());
  }

  @Test
  void cellsAndHitsPerCellAreBoundedPerLevel() {
    List<Event> evs = new ArrayList<>();
    for (int pc4 = 1011; pc4 <= 1015; pc4++) {
      for (int i = 0; i < 4; i++) {
        evs.add(new Event(pc4, 10, 1, "56"));
      }
    }
    Bounding.Result r =
        bounding(
                NoiseStreamTest.KEY,
                100,
                "total=2,hour=100,sbi=100,cell=100",
                "total=3,hour=100,sbi=100,cell=1")
            .bound(USER, D, evs);
    List<Contribution> totals =
        r.contributions().stream().filter(c -> c.member().level() == Level.TOTAL).toList();
    assertEquals(2, totals.size());
    assertTrue(totals.stream().allMatch(c -> c.hits() == 3));
    assertEquals(3L, r.cellsDropped().get(Level.TOTAL));
    assertEquals(2L, r.hitsClamped().get(Level.TOTAL));
    assertEquals(5L, sums(r.contributions()).get(Level.CELL)); // 5 cells, 1 hit each
    assertEquals(15L, r.hitsClamped().get(Level.CELL));
  }

  @Test
  void theChoiceIsDeterministicForAKeyAndChangesWithIt() {
    List<Event> evs = heavy();
    Bounding.Result a =
        bounding(
                NoiseStreamTest.KEY,
                10,
                "total=10,hour=10,sbi=10,cell=3",
                "total=10,hour=10,sbi=10,cell=10")
            .bound(USER, D, evs);
    List<Event> reversed = new ArrayList<>(evs);
    java.util.Collections.reverse(reversed);
    Bounding.Result b =
        bounding(
                NoiseStreamTest.KEY,
                10,
                "total=10,hour=10,sbi=10,cell=3",
                "total=10,hour=10,sbi=10,cell=10")
            .bound(USER, D, reversed);
    assertEquals(a.contributions(), b.contributions(), "input order does not matter");
    byte[] other = NoiseStreamTest.KEY.clone();
    other[3] ^= 1;
    Bounding.Result c =
        bounding(other, 10, "total=10,hour=10,sbi=10,cell=3", "total=10,hour=10,sbi=10,cell=10")
            .bound(USER, D, evs);
    assertNotEquals(a.contributions(), c.contributions());
  }
}
