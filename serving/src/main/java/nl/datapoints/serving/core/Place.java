package nl.datapoints.serving.core;

/**
 * One gazetteer entry: a postcode4 and its WGS84 centroid.
 *
 * @param pc4 postcode4, 1000-9999
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param name place name (may be empty)
 */
public record Place(int pc4, double lat, double lon, String name) {
  /** The postcode4 as the API shows it: four digits. */
  public String postcode() {
    return Integer.toString(pc4);
  }
}
