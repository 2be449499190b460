/**
 * The reference data shared by the pipeline and the service: the one parser of {@code
 * postcodes.csv}, {@code merchants.csv} and {@code sbi.csv} ({@link
 * nl.datapoints.schemas.reference.ReferenceCsv}, rules in docs/formats.md §2) and the one
 * great-circle distance ({@link nl.datapoints.schemas.reference.GreatCircle}). Pure Java, no
 * Hadoop: the pipeline opens the files through Hadoop's file system, the service through {@code
 * java.nio}, and both hand a {@code Reader} to the same rules.
 */
package nl.datapoints.schemas.reference;
