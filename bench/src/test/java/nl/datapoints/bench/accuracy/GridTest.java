package nl.datapoints.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GridTest {
  private static final SortedSet<Integer> GAZETTEER =
      IntStream.range(1000, 1200).boxed().collect(Collectors.toCollection(TreeSet::new));

  /** Hits on the first 50 postcode4s only, 1011 by far the densest. */
  private static Map<Integer, Long> hits() {
    Map<Integer, Long> h = new HashMap<>();
    for (int pc4 = 1000; pc4 < 1050; pc4++) {
      h.put(pc4, 10L);
    }
    h.put(1011, 1_000_000_000L);
    return h;
  }

  @Test
  void theSameSeedGivesTheSameCentres() {
    assertEquals(Grid.centres(GAZETTEER, hits(), 40, 7), Grid.centres(GAZETTEER, hits(), 40, 7));
    assertNotEquals(Grid.centres(GAZETTEER, hits(), 40, 7), Grid.centres(GAZETTEER, hits(), 40, 8));
  }

  @Test
  void halfAreDrawnByHitsHalfUniformlyAllDistinct() {
    List<Grid.Centre> c = Grid.centres(GAZETTEER, hits(), 41, 3);
    assertEquals(41, c.size());
    assertEquals(41, c.stream().map(Grid.Centre::pc4).collect(Collectors.toSet()).size());
    List<Grid.Centre> weighted =
        c.stream().filter(x -> x.kind().equals(Grid.WEIGHTED)).collect(Collectors.toList());
    assertEquals(21, weighted.size());
    // Weighted centres have hits; the dominant postcode4 is always among them, drawn first.
    assertTrue(weighted.stream().allMatch(x -> hits().containsKey(x.pc4())));
    assertEquals(1011, weighted.get(0).pc4());
    // The uniform half reaches the postcode4s without hits (150 of the 200).
    assertTrue(
        c.stream()
            .filter(x -> x.kind().equals(Grid.UNIFORM))
            .anyMatch(x -> !hits().containsKey(x.pc4())));
  }

  @Test
  void uniformCentresFollowNoWeight() {
    // Over many seeds every gazetteer entry is drawn as a uniform centre about equally often.
    Map<Integer, Integer> seen = new HashMap<>();
    for (long seed = 0; seed < 400; seed++) {
      for (Grid.Centre c : Grid.centres(GAZETTEER, hits(), 2, seed)) {
        if (c.kind().equals(Grid.UNIFORM)) {
          seen.merge(c.pc4(), 1, Integer::sum);
        }
      }
    }
    long withoutHits = seen.keySet().stream().filter(p -> !hits().containsKey(p)).count();
    assertTrue(withoutHits > 100, "uniform centres without hits: " + withoutHits);
  }

  @Test
  void refusesMoreCentresThanTheDataAllows() {
    assertThrows(IllegalArgumentException.class, () -> Grid.centres(GAZETTEER, hits(), 201, 1));
    assertThrows(IllegalArgumentException.class, () -> Grid.centres(GAZETTEER, hits(), 0, 1));
    // 51 weighted centres needed, 50 postcode4s have hits.
    assertThrows(IllegalArgumentException.class, () -> Grid.centres(GAZETTEER, hits(), 102, 1));
  }

  @Test
  void queriesCrossCentresRadiiAndTheLastOneOrSevenDates() {
    List<LocalDate> dates =
        IntStream.range(0, 8)
            .mapToObj(i -> LocalDate.of(2013, 1, 7).plusDays(i))
            .collect(Collectors.toList());
    List<Grid.Centre> c = Grid.centres(GAZETTEER, hits(), 3, 1);
    List<Grid.Query> q = Grid.queries(c, dates);
    assertEquals(3 * 4 * 2, q.size());
    assertEquals(List.of(LocalDate.of(2013, 1, 14)), q.get(0).dates());
    assertEquals(dates.subList(1, 8), q.get(1).dates());
    assertEquals(
        Grid.RADII, q.stream().map(Grid.Query::radiusKm).distinct().collect(Collectors.toList()));
    assertEquals(new HashSet<>(c), q.stream().map(Grid.Query::centre).collect(Collectors.toSet()));
    assertThrows(IllegalArgumentException.class, () -> Grid.queries(c, dates.subList(0, 6)));
  }
}
