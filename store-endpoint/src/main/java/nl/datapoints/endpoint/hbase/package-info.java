/**
 * The thin HBase adapter: the region coprocessor endpoint {@code datapoints.AreaSums} ({@link
 * nl.datapoints.endpoint.hbase.AreaSumsEndpoint}) and its protobuf descriptors ({@link
 * nl.datapoints.endpoint.hbase.AreaSumsProtocol}), against HBase 2's {@code com.google.protobuf}.
 * The build also ships this package relocated for hbase-shaded-* jars, as {@code
 * nl.datapoints.endpoint.shadedhbase} (classifier {@code hbase-shaded}).
 */
package nl.datapoints.endpoint.hbase;
