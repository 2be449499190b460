package nl.datapoints.serving.core;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.datapoints.schemas.reference.GreatCircle;

/**
 * Finds every place within a great-circle radius of a centre.
 *
 * <p>Places are sorted by latitude; a query binary-searches the latitude band the radius can reach,
 * skips places outside the longitude window and checks the rest with the haversine distance. A few
 * thousand postcode4s answer in microseconds without any tree structure.
 */
final class GeoIndex {
  private static final double KM_PER_DEGREE_LAT = Math.PI * GreatCircle.EARTH_RADIUS_KM / 180.0;

  private final double[] lats;
  private final double[] lons;
  private final int[] pc4s;

  /** Builds the index over {@code places}. */
  public GeoIndex(List<Place> places) {
    Place[] sorted = places.toArray(new Place[0]);
    Arrays.sort(sorted, Comparator.comparingDouble(Place::lat));
    lats = new double[sorted.length];
    lons = new double[sorted.length];
    pc4s = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      lats[i] = sorted[i].lat();
      lons[i] = sorted[i].lon();
      pc4s[i] = sorted[i].pc4();
    }
  }

  /** The postcode4s whose centroid lies within {@code radiusKm} of the point, ascending. */
  public int[] within(double lat, double lon, double radiusKm) {
    double dLat = radiusKm / KM_PER_DEGREE_LAT;
    double cos = Math.cos(Math.toRadians(Math.min(89.0, Math.abs(lat) + dLat)));
    double dLon = cos < 1e-6 ? 360.0 : dLat / cos;
    int from = lowerBound(lat - dLat);
    int[] out = new int[16];
    int n = 0;
    for (int i = from; i < lats.length && lats[i] <= lat + dLat; i++) {
      if (Math.abs(lons[i] - lon) > dLon) {
        continue;
      }
      if (GreatCircle.distanceKm(lat, lon, lats[i], lons[i]) <= radiusKm) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = pc4s[i];
      }
    }
    int[] result = Arrays.copyOf(out, n);
    Arrays.sort(result);
    return result;
  }

  private int lowerBound(double lat) {
    int lo = 0;
    int hi = lats.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lats[mid] < lat) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
