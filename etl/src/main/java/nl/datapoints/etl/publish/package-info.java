/**
 * Publish: aggregates → HFiles → bulk load → atomic generation flip (docs/formats.md §5.4).
 *
 * <p><b>Input</b>: {@code <warehouse>/aggregates/dt=D/*.parquet} (Avro {@code Cell}) for every date
 * D of the batch, read with {@code AvroParquetInputFormat} and {@link
 * nl.datapoints.etl.publish.CellDataSupplier} (the generated class's model, for the date type).
 *
 * <p><b>One job per batch</b> ({@link nl.datapoints.etl.publish.HFileJob}, driver): the mapper keys
 * every cell by its row key (date + pc4, {@code RowKey}) with a one-entry {@code CellBlock} as
 * value; a combiner merges a row's blocks inside the map task. A row's cells come from many files
 * and map tasks, so rows can only be assembled in a reducer. {@code
 * HFileOutputFormat2.configureIncrementalLoad} supplies the output format, a {@code
 * TotalOrderPartitioner} over the table's region start keys, one reducer per region and the
 * family's compression; it would also choose a sort reducer for Put/KeyValue values, which does not
 * apply here, so the job sets {@link nl.datapoints.etl.publish.PublishReducer} afterwards. The
 * reducer decodes a row's blocks, packs {@code c} (all cells), {@code h} (per hour) and {@code s}
 * (per SBI) and writes three KeyValues in qualifier order with timestamp = generation id; the
 * shuffle sorts rows, so every HFile is sorted and falls in one region.
 *
 * <p><b>Output</b>: HFiles under {@code <warehouse>/_publish/<generation>/hfiles/d/}, plus per-date
 * totals (cells, hits, cells with null delta) in the named output {@code _stats/part-r-N}, written
 * once per reduce task in {@code cleanup()} through the output committer (so a retried task does
 * not count twice). The driver reads and removes {@code _stats} before the bulk load (every
 * directory there would be taken for a column family).
 *
 * <p><b>Publish</b> ({@link nl.datapoints.etl.publish.Publisher}, driver): creates the table on
 * first use (family {@code d}, {@code FAMILY_MAX_VERSIONS} versions, GZ compression because SNAPPY
 * needs native code the local and test JVMs lack, ROW blooms; split at every date of the first
 * batch, at pc4 first digits within a date, and at {@code ~} so the pointer row has its own
 * region), runs the job, bulk-loads with {@code BulkLoadHFiles}, then per date writes the pointer
 * row's {@code YYYY-MM-DD} (current) and {@code YYYY-MM-DD/kept} (newest first, trimmed to {@code
 * keepGenerations}) in one Put, guarded by check-and-mutate on the current value it read.
 * baselineMissing = any cell of the date has a null delta, or the date has no cells and {@code
 * aggregates/dt=D-7} does not exist.
 *
 * <p><b>Counters</b> ({@link nl.datapoints.etl.publish.PublishCounters}): CELLS_READ, BAD_CELL
 * (cannot be packed), DUPLICATE_CELL, ROWS_WRITTEN, CELLS_WRITTEN. Any BAD_CELL or DUPLICATE_CELL
 * stops the publish before the bulk load.
 *
 * <p><b>Failure modes</b>: a failure before a date's flip (job, bad cells, bulk load, crash) leaves
 * its previous generation current; readers ask for the time range {@code [g, g+1)} of the current
 * generation, so loaded-but-unflipped cells are invisible. A batch flips date by date: a crash
 * during the flips leaves some dates on the new and some on the old generation, each whole. A
 * concurrent publish or rollback of the same date makes the later flip fail (run again). Unflipped
 * generations stay stored until compaction drops versions beyond {@code FAMILY_MAX_VERSIONS} (5);
 * with 3 kept, more than two failed publishes of a date between successful ones can push its oldest
 * kept generation out. A date with no aggregates directory is a caller error
 * (IllegalArgumentException); an empty directory publishes an empty generation.
 */
package nl.datapoints.etl.publish;
