/**
 * The publish benchmark (run by {@code scripts/bench/publish}): the real publish stage (HFile job +
 * bulk load + pointer flip, {@code scripts/etl publish}) against the same rows written through
 * Puts, into one standalone HBase, and a comparison of the two tables.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.publish.PutPublish}: input {@code release/dt=D/*.parquet} (Avro
 *       {@code ReleasedValue}) and {@code _release.json}; creates its table with the publish
 *       stage's own {@code Publisher.createTable}, packs each (date, pc4) row with the publish
 *       stage's own {@code RowBlocks} ({@code r:a} and {@code d:c}, store layout 3), writes ONE Put
 *       per row (timestamp = generation, WAL on) through a shared {@code BufferedMutator}, then
 *       flips each date's pointer through {@code PointerRow} with check-and-mutate to a generation
 *       of format 2 (with the manifest's ε and δ), as the publish does. Prints one {@code PUTS}
 *       line with the phases' seconds.
 *   <li>{@link nl.datapoints.bench.publish.CompareTables}: {@code sizes} (store files on disk),
 *       {@code flush}, {@code verify} (what readers see in each table, through the pointer row:
 *       dates, rows, released values, TOTAL hits, the generations' ε and δ and a SHA-256 over every
 *       value, {@link nl.datapoints.bench.publish.TableView}) and {@code drop}.
 * </ul>
 *
 * Failure modes: a value that cannot be packed, a duplicate value or a date without a manifest
 * fails the Put run, as it fails a publish; a pointer changed by someone else while flipping fails
 * it too; {@code verify} prints {@code VERIFY DIFFERENT: why} and exits 1 when the tables differ.
 */
package nl.datapoints.bench.publish;
