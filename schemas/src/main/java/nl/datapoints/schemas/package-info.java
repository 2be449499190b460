/**
 * The record layouts shared by every part of datapoints: the Avro schemas ({@code AnonymizedEvent},
 * {@code Cell}; generated from {@code src/main/avro}), the HBase row key ({@link
 * nl.datapoints.schemas.RowKey}), the packed value of a row ({@link
 * nl.datapoints.schemas.CellBlock}), the generation pointer ({@link
 * nl.datapoints.schemas.Generation}) and where they live in the table ({@link
 * nl.datapoints.schemas.StoreLayout}).
 *
 * <p>Nothing here depends on Hadoop or HBase, so the pipeline and the service share one codec.
 * Golden files in the tests pin every binary format: a change that cannot read them fails.
 */
package nl.datapoints.schemas;
