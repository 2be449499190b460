/**
 * The sums of an area query, free of HBase types (pure): {@link nl.datapoints.endpoint.AreaSums}
 * sums release blocks per part at the level a query reads, {@link
 * nl.datapoints.endpoint.SumsRequest} is what the service asks a region for and {@link
 * nl.datapoints.endpoint.AreaRows} walks a date's rows against the area. The service sums with them
 * over the rows it scans, and each region server over its own rows (the endpoint, {@code
 * nl.datapoints.endpoint.hbase}); the bytes of the one add to the sums of the other.
 */
package nl.datapoints.endpoint;
