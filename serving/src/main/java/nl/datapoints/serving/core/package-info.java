/**
 * The service's domain, free of HBase and HTTP types: the gazetteer and its geo index ({@link
 * nl.datapoints.serving.core.Gazetteer}, {@link nl.datapoints.serving.core.GeoIndex}), parameter
 * parsing ({@link nl.datapoints.serving.core.QueryParser}), aggregation of row blocks ({@link
 * nl.datapoints.serving.core.AreaAggregator}) and the query service that ties them to a {@link
 * nl.datapoints.serving.core.CellStore}.
 *
 * <p>Failure modes are typed: {@code InvalidQueryException} (400), {@code UnknownPostcodeException}
 * (404), {@code StoreUnavailableException} (503); the resources map them to JSON errors.
 */
package nl.datapoints.serving.core;
