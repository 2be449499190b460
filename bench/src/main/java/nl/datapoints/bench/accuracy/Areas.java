package nl.datapoints.bench.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import nl.datapoints.schemas.reference.GreatCircle;
import nl.datapoints.schemas.reference.Postcode;

/**
 * The area of a query as the service computes it (docs/api.md §2.1): every gazetteer postcode4
 * whose centroid lies within the radius of the centre's centroid by {@link GreatCircle}, the centre
 * always included, ascending. A plain scan over the gazetteer (a few thousand entries), so it does
 * not share the service's index code, only its definition; the bench checks every answer's {@code
 * postcodes} against it.
 */
final class Areas {
  private final SortedMap<Integer, Postcode> gazetteer;

  Areas(SortedMap<Integer, Postcode> gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * The area of {@code centre} and {@code radiusKm}.
   *
   * @throws IllegalArgumentException when the centre is not in the gazetteer
   */
  int[] of(int centre, double radiusKm) {
    Postcode c = gazetteer.get(centre);
    if (c == null) {
      throw new IllegalArgumentException("centre " + centre + " is not in the gazetteer");
    }
    List<Integer> in = new ArrayList<>();
    for (Postcode p : gazetteer.values()) {
      if (p.pc4() == centre
          || GreatCircle.distanceKm(c.lat(), c.lon(), p.lat(), p.lon()) <= radiusKm) {
        in.add(p.pc4());
      }
    }
    return in.stream().mapToInt(Integer::intValue).toArray();
  }
}
