/**
 * Reference data of the pipeline: the postcode4 gazetteer ({@code postcodes.csv}), the merchant →
 * SBI map ({@code merchants.csv}) and the SBI labels ({@code sbi.csv}).
 *
 * <p>{@link nl.datapoints.etl.reference.ReferenceData} loads the three files through a Hadoop
 * {@code FileSystem} (HDFS or local), in the driver or in each task's {@code setup()}. Input: CSV
 * with a fixed header; the last column may be double-quoted. Failure modes: a missing file, a wrong
 * header, a malformed or duplicate row is an {@code IllegalArgumentException} naming the file and
 * the line; nothing is skipped silently. Lookups (postcode4 known, merchant → SBI) allocate
 * nothing: a bitmap over 0–9999 and an open-addressing map keyed by the 64-bit merchant id.
 */
package nl.datapoints.etl.reference;
