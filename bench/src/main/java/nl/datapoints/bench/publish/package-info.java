/**
 * The publish benchmark (run by {@code scripts/bench/publish}): the real publish stage (HFile job +
 * bulk load + pointer flip, {@code scripts/etl publish}) against the same rows written through
 * Puts, into one standalone HBase, and a comparison of the two tables.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.publish.PutPublish}: input {@code aggregates/dt=D/*.parquet}
 *       (Avro {@code Cell}); creates its table with the publish stage's own {@code
 *       Publisher.createTable}, packs each (date, pc4) row with the publish stage's own {@code
 *       RowBlocks}, writes ONE Put per row (timestamp = generation, WAL on) through a shared {@code
 *       BufferedMutator}, then flips each date's pointer through {@code PointerRow} with
 *       check-and-mutate, as the publish does. Prints one {@code PUTS} line with the phases'
 *       seconds.
 *   <li>{@link nl.datapoints.bench.publish.CompareTables}: {@code sizes} (store files on disk),
 *       {@code flush}, {@code verify} (what readers see in each table, through the pointer row:
 *       dates, rows, cells, hits and a SHA-256 over every value, {@link
 *       nl.datapoints.bench.publish.TableView}) and {@code drop}.
 * </ul>
 *
 * Failure modes: a cell that cannot be packed or a duplicate cell fails the Put run, as it fails a
 * publish; a pointer changed by someone else while flipping fails it too; {@code verify} prints
 * {@code VERIFY DIFFERENT: why} and exits 1 when the tables differ.
 */
package nl.datapoints.bench.publish;
