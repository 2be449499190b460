package nl.datapoints.serving.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nl.datapoints.schemas.reference.GreatCircle;
import org.junit.jupiter.api.Test;

class GeoIndexTest {
  private static List<Place> randomNetherlands(int n, long seed) {
    Random rnd = new Random(seed);
    List<Place> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Place(
              1000 + i, 50.75 + rnd.nextDouble() * 2.8, 3.35 + rnd.nextDouble() * 3.9, "p" + i));
    }
    return out;
  }

  private static int[] bruteForce(List<Place> places, double lat, double lon, double r) {
    return places.stream()
        .filter(p -> GreatCircle.distanceKm(lat, lon, p.lat(), p.lon()) <= r)
        .mapToInt(Place::pc4)
        .sorted()
        .toArray();
  }

  @Test
  void findsExactlyThePlacesBruteForceFindsForManyCentresAndRadii() {
    List<Place> places = randomNetherlands(4000, 42);
    GeoIndex index = new GeoIndex(places);
    Random rnd = new Random(7);
    int nonTrivial = 0;
    for (int q = 0; q < 300; q++) {
      Place c = places.get(rnd.nextInt(places.size()));
      double r = new double[] {0, 0.5, 1, 2.5, 5, 10, 25}[q % 7];
      int[] expected = bruteForce(places, c.lat(), c.lon(), r);
      assertArrayEquals(
          expected, index.within(c.lat(), c.lon(), r), "centre " + c + " radius " + r);
      if (expected.length > 10) {
        nonTrivial++;
      }
    }
    assertTrue(nonTrivial > 50, "the test must exercise areas with many places, got " + nonTrivial);
  }

  @Test
  void zeroRadiusAreaIsTheCentreItself() {
    Gazetteer g =
        new Gazetteer(
            List.of(new Place(1017, 52.36, 4.89, "a"), new Place(1018, 52.37, 4.91, "b")));
    assertArrayEquals(new int[] {1017}, g.area(g.find(1017).orElseThrow(), 0));
  }

  @Test
  void areaAlwaysIncludesTheCentreAndIsSorted() {
    Gazetteer g =
        new Gazetteer(
            List.of(
                new Place(1091, 52.356, 4.917, "c"),
                new Place(1017, 52.3625, 4.89, "a"),
                new Place(1016, 52.373, 4.883, "b"),
                new Place(3511, 52.09, 5.12, "u")));
    int[] area = g.area(g.find(1017).orElseThrow(), 3);
    assertArrayEquals(new int[] {1016, 1017, 1091}, area);
    int[] sorted = area.clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, area);
  }

  @Test
  void answersA25KmQueryInMicroseconds() {
    List<Place> places = randomNetherlands(4000, 1);
    GeoIndex index = new GeoIndex(places);
    int sink = 0;
    for (int i = 0; i < 2000; i++) {
      sink += index.within(52.37, 4.89, 25).length;
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < 2000; i++) {
      sink += index.within(52.37, 4.89, 25).length;
    }
    long perQueryMicros = (System.nanoTime() - t0) / 2000 / 1000;
    assertTrue(sink > 0);
    assertTrue(perQueryMicros < 500, "25 km lookup took " + perQueryMicros + " µs");
  }
}
