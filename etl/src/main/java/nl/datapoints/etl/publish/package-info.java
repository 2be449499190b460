/**
 * Publish: the differentially private release → HFiles → bulk load → atomic generation flip
 * (docs/formats.md §5.4; store layout 3).
 *
 * <p><b>Input</b>: {@code <warehouse>/release/dt=D/*.parquet} (Avro {@code ReleasedValue}) and its
 * manifest {@code _release.json} ({@link nl.datapoints.etl.release.ReleaseManifest}) for every date
 * D of the batch, read with {@code AvroParquetInputFormat} and the generated class's model (for the
 * date type). The release is the only thing published: the exact aggregates stay in the warehouse.
 *
 * <p><b>One job per batch</b> ({@link nl.datapoints.etl.publish.HFileJob}, driver): the mapper keys
 * every released value by its row key (date + pc4, {@code RowKey}), the value as its own Avro
 * binary ({@code ReleasedValueCodec}). A row's values come from many files and map tasks, so rows
 * can only be assembled in a reducer. {@code HFileOutputFormat2.configureIncrementalLoad} supplies
 * the output format, a {@code TotalOrderPartitioner} over the table's region start keys, one
 * reducer per region and the families' compression; it would also choose a sort reducer for
 * Put/KeyValue values, which does not apply here, so the job sets {@link
 * nl.datapoints.etl.publish.PublishReducer} afterwards. The reducer packs a row with {@link
 * nl.datapoints.etl.publish.RowBlocks}: {@code r:a} (the TOTAL, HOUR and SBI sections) and, when
 * the row has CELLs, {@code d:c}, each a {@code ReleaseBlock}, written in family then qualifier
 * order with timestamp = generation id; the shuffle sorts rows, so every HFile is sorted and falls
 * in one region.
 *
 * <p><b>Output</b>: HFiles under {@code <warehouse>/_publish/<generation>/hfiles/{d,r}/}, plus
 * per-date totals (values, released TOTAL hits, values with a null delta) in the named output
 * {@code _stats/part-r-N}, written once per reduce task in {@code cleanup()} through the output
 * committer (so a retried task does not count twice). The driver reads and removes {@code _stats}
 * before the bulk load (every directory there would be taken for a column family).
 *
 * <p><b>Publish</b> ({@link nl.datapoints.etl.publish.Publisher}, driver): reads every date's
 * manifest first (a date without one is refused before HBase is touched); creates the table on
 * first use (families {@code d} and {@code r}, {@code FAMILY_MAX_VERSIONS} versions, GZ compression
 * because SNAPPY needs native code the local and test JVMs lack, ROW blooms; split at every date of
 * the first batch, at pc4 first digits within a date, and at {@code ~} so the pointer row has its
 * own region; the table records store layout 3, and a table of another layout is refused), runs the
 * job, bulk-loads with {@code BulkLoadHFiles}, then per date writes the pointer row's {@code
 * YYYY-MM-DD} (current) and {@code YYYY-MM-DD/kept} (newest first, trimmed to {@code
 * keepGenerations}) in one Put, guarded by check-and-mutate on the current value it read. The
 * generation is format 2: its values, released total hits, baseline flag and the manifest's epsilon
 * and delta. baselineMissing = any value of the date has a null delta, or the date has no values
 * and {@code release/dt=D-7} does not exist.
 *
 * <p><b>Counters</b> ({@link nl.datapoints.etl.publish.PublishCounters}): CELLS_READ (values read),
 * BAD_CELL (values that cannot be packed), DUPLICATE_CELL, ROWS_WRITTEN, CELLS_WRITTEN (values
 * packed). Any BAD_CELL or DUPLICATE_CELL stops the publish before the bulk load.
 *
 * <p><b>Failure modes</b>: a failure before a date's flip (job, bad values, bulk load, crash)
 * leaves its previous generation current; readers ask for the time range {@code [g, g+1)} of the
 * current generation, so loaded-but-unflipped values are invisible. A batch flips date by date: a
 * crash during the flips leaves some dates on the new and some on the old generation, each whole. A
 * concurrent publish or rollback of the same date makes the later flip fail (run again). Unflipped
 * generations stay stored until compaction drops versions beyond {@code FAMILY_MAX_VERSIONS} (5);
 * with 3 kept, more than two failed publishes of a date between successful ones can push its oldest
 * kept generation out. A date with no release directory, or one without its manifest, is a caller
 * error (IllegalArgumentException); an empty directory with a manifest publishes an empty
 * generation.
 */
package nl.datapoints.etl.publish;
