package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellPartitionerTest {
  private static final LocalDate D1 = LocalDate.parse("2013-01-01");
  private static final LocalDate D2 = LocalDate.parse("2013-01-02");
  private static final BatchDates TWO = new BatchDates(List.of(D1, D2), Set.of());

  @Test
  void givesEachDateItsOwnReducersAndSpreadsCellsOverThem() {
    Set<Integer> d1 = partitions(D1, 6);
    Set<Integer> d2 = partitions(D2, 6);
    assertEquals(Set.of(0, 1, 2), d1);
    assertEquals(Set.of(3, 4, 5), d2);
  }

  @Test
  void sendsWholeDatesRoundRobinWithFewerReducersThanDates() {
    BatchDates three = new BatchDates(List.of(D1, D2, D1.plusDays(2)), Set.of());
    assertEquals(1, CellPartitioner.partition(three, new CellKey(day(D2), 1, 1000, 1, "1"), 2));
    assertEquals(
        0, CellPartitioner.partition(three, new CellKey(day(D1.plusDays(2)), 1, 1000, 1, "1"), 2));
  }

  private static Set<Integer> partitions(LocalDate d, int n) {
    Set<Integer> seen = new HashSet<>();
    for (int pc4 = 1000; pc4 < 1100; pc4++) {
      int p = CellPartitioner.partition(TWO, new CellKey(day(d), 10, pc4, 1, "4711"), n);
      assertTrue(p >= 0 && p < n);
      seen.add(p);
    }
    return seen;
  }

  private static int day(LocalDate d) {
    return (int) d.toEpochDay();
  }
}
