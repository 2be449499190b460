package nl.datapoints.schemas.reference;

/**
 * One gazetteer entry of {@code postcodes.csv}: a postcode4 and its WGS84 centroid.
 *
 * @param pc4 postcode4, 1000-9999
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 * @param name display name (may be empty)
 */
public record Postcode(int pc4, double lat, double lon, String name) {}
