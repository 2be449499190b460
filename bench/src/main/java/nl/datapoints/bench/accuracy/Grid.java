package nl.datapoints.bench.accuracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;

/**
 * The accuracy bench's grid of queries (pure, deterministic for a seed): centres × radii × date
 * sets.
 *
 * <p>Centres: half of them ({@value #WEIGHTED} kind, rounded up) drawn without replacement with
 * probability proportional to the postcode4's hits (where the data is, so mostly dense town
 * centres), the other half ({@value #UNIFORM} kind) drawn uniformly from the rest of the gazetteer
 * (every place alike, so mostly sparse, rural ones). Both draws use weighted random keys
 * (Efraimidis–Spirakis) from one {@link Random} of the seed, visiting postcode4s in ascending
 * order, so the same seed, gazetteer and weights give the same centres.
 */
final class Grid {
  static final String WEIGHTED = "weighted";
  static final String UNIFORM = "uniform";

  /** The radii of the grid, km. */
  static final List<Double> RADII = List.of(1.0, 2.0, 5.0, 10.0);

  /** The date sets of the grid: the last date and the last seven. */
  static final List<Integer> DATE_COUNTS = List.of(1, 7);

  /** A centre and how it was drawn. */
  record Centre(int pc4, String kind) {}

  /** One query of the grid. */
  record Query(Centre centre, double radiusKm, List<LocalDate> dates) {
    Query {
      dates = List.copyOf(dates);
    }
  }

  private Grid() {}

  /**
   * {@code n} distinct centres out of {@code gazetteer}: {@code ceil(n/2)} weighted by {@code hits}
   * (postcode4s without hits are never drawn there), then the rest uniformly among the postcode4s
   * not drawn yet.
   *
   * @throws IllegalArgumentException when n is not 1..gazetteer size or fewer than ceil(n/2)
   *     postcode4s have hits
   */
  static List<Centre> centres(
      SortedSet<Integer> gazetteer, Map<Integer, Long> hits, int n, long seed) {
    if (n < 1 || n > gazetteer.size()) {
      throw new IllegalArgumentException(
          "--centres must be 1.." + gazetteer.size() + " (the gazetteer's size), got " + n);
    }
    int weighted = (n + 1) / 2;
    Random random = new Random(seed);
    List<Keyed> keyed = new ArrayList<>();
    for (int pc4 : gazetteer) {
      long w = hits.getOrDefault(pc4, 0L);
      double u = random.nextDouble();
      if (w > 0) {
        // Efraimidis–Spirakis: the k largest u^(1/w), compared as log(u) / w.
        keyed.add(new Keyed(pc4, Math.log(u) / w));
      }
    }
    if (keyed.size() < weighted) {
      throw new IllegalArgumentException(
          "need "
              + weighted
              + " postcode4s with hits for the weighted centres, the data has "
              + keyed.size());
    }
    keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
    List<Centre> out = new ArrayList<>(n);
    for (int i = 0; i < weighted; i++) {
      out.add(new Centre(keyed.get(i).pc4(), WEIGHTED));
    }
    List<Keyed> rest = new ArrayList<>();
    for (int pc4 : gazetteer) {
      double u = random.nextDouble();
      if (out.stream().noneMatch(c -> c.pc4() == pc4)) {
        rest.add(new Keyed(pc4, u));
      }
    }
    rest.sort(Comparator.comparingDouble(Keyed::key));
    for (int i = 0; i < n - weighted; i++) {
      out.add(new Centre(rest.get(i).pc4(), UNIFORM));
    }
    return out;
  }

  /**
   * Every centre × {@link #RADII} × {@link #DATE_COUNTS}: the last of {@code dates} (ascending) and
   * the last seven of them, in that order per centre and radius.
   *
   * @throws IllegalArgumentException when fewer than seven dates are given
   */
  static List<Query> queries(List<Centre> centres, List<LocalDate> dates) {
    int most = DATE_COUNTS.get(DATE_COUNTS.size() - 1);
    if (dates.size() < most) {
      throw new IllegalArgumentException(
          "the grid needs at least " + most + " dates, the warehouse has " + dates.size());
    }
    List<Query> out = new ArrayList<>();
    for (Centre c : centres) {
      for (double r : RADII) {
        for (int k : DATE_COUNTS) {
          out.add(new Query(c, r, dates.subList(dates.size() - k, dates.size())));
        }
      }
    }
    return out;
  }

  private record Keyed(int pc4, double key) {}
}
