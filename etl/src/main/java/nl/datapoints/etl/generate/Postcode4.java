package nl.datapoints.etl.generate;

/**
 * One synthetic gazetteer entry: a postcode4 centroid with how many people live there and how much
 * commerce it holds (weights relative to other entries).
 */
record Postcode4(int pc4, double lat, double lon, String name, double residents, double commerce) {}
