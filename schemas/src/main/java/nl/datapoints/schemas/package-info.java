/**
 * The record layouts and codecs shared by every part of datapoints: the Avro schemas ({@code
 * AnonymizedEvent}, {@code Cell}, {@code ReleasedValue}; generated from {@code src/main/avro}), the
 * HBase row key ({@link nl.datapoints.schemas.RowKey}), the packed value of a row of the release
 * ({@link nl.datapoints.schemas.ReleaseBlock}), the margins of error of sums of released values
 * ({@link nl.datapoints.schemas.Margins}), the generation pointer row ({@link
 * nl.datapoints.schemas.PointerRow}, {@link nl.datapoints.schemas.Generation}) and where they live
 * in the table ({@link nl.datapoints.schemas.StoreLayout}); the reference CSVs and the great-circle
 * distance in {@code nl.datapoints.schemas.reference}.
 *
 * <p>Nothing here depends on Hadoop or HBase, so the pipeline and the service share one codec.
 * Golden files in the tests pin every binary format: a change that cannot read them fails.
 */
package nl.datapoints.schemas;
