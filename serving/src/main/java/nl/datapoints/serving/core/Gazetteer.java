package nl.datapoints.serving.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The postcode4 gazetteer with its geo index; immutable, shared by every request. */
public final class Gazetteer {
  private final Map<Integer, Place> byPc4;
  private final GeoIndex index;

  /** Builds the gazetteer; rejects duplicate postcode4s. */
  public Gazetteer(List<Place> places) {
    Map<Integer, Place> map = new TreeMap<>();
    for (Place p : places) {
      if (map.put(p.pc4(), p) != null) {
        throw new IllegalArgumentException("gazetteer lists postcode4 " + p.pc4() + " twice");
      }
    }
    this.byPc4 = Collections.unmodifiableMap(map);
    this.index = new GeoIndex(places);
  }

  /** The place of {@code pc4}, if the gazetteer knows it. */
  public Optional<Place> find(int pc4) {
    return Optional.ofNullable(byPc4.get(pc4));
  }

  /** Every postcode4 within {@code radiusKm} of {@code center}, ascending, always including it. */
  public int[] area(Place center, double radiusKm) {
    int[] found = index.within(center.lat(), center.lon(), radiusKm);
    if (Arrays.binarySearch(found, center.pc4()) >= 0) {
      return found;
    }
    int[] out = Arrays.copyOf(found, found.length + 1);
    out[found.length] = center.pc4();
    Arrays.sort(out);
    return out;
  }

  /** Every place, by postcode4. */
  public Collection<Place> places() {
    return byPc4.values();
  }

  /** Every postcode4, ascending. */
  public int[] pc4s() {
    return byPc4.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Number of places. */
  public int size() {
    return byPc4.size();
  }
}
