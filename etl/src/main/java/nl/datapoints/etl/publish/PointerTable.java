package nl.datapoints.etl.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.PointerRow.DatePointer;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;

/**
 * The HBase calls around the generation pointer row (driver); what the cells mean is {@link
 * PointerRow}'s. A flip writes a date's current and kept qualifiers in one {@code Put} guarded by
 * check-and-mutate on the value it read, so a flip is atomic and a concurrent flip of the same date
 * fails instead of losing a kept generation. Public for the benchmarks ({@code
 * nl.datapoints.bench.publish}), which publish the same rows by {@code Put}s and compare tables.
 */
public final class PointerTable {
  private final Table table;

  /** The pointer row of {@code table} (the caller owns and closes it). */
  public PointerTable(Table table) {
    this.table = table;
  }

  /** The pointer of one date, if it was ever published. */
  public Optional<DatePointer> read(LocalDate date) throws IOException {
    Result r =
        table.get(
            new Get(StoreLayout.POINTER_ROW)
                .addColumn(StoreLayout.FAMILY, PointerRow.currentQualifier(date))
                .addColumn(StoreLayout.FAMILY, PointerRow.keptQualifier(date)));
    return Optional.ofNullable(PointerRow.decodeStrict(cells(r)).get(date));
  }

  /** Every published date, ascending. */
  public List<DatePointer> readAll() throws IOException {
    Result r = table.get(new Get(StoreLayout.POINTER_ROW).addFamily(StoreLayout.FAMILY));
    return new ArrayList<>(PointerRow.decodeStrict(cells(r)).values());
  }

  /** The cells of a pointer-row read as qualifier → value, for {@link PointerRow#decode}. */
  static List<Map.Entry<byte[], byte[]>> cells(Result r) {
    return r.isEmpty()
        ? List.of()
        : Arrays.stream(r.rawCells())
            .map(c -> Map.entry(CellUtil.cloneQualifier(c), CellUtil.cloneValue(c)))
            .toList();
  }

  /**
   * Makes {@code fresh} the current generation of {@code date}, keeping what {@link
   * PointerRow#keptAfterPublish} keeps of the previous kept list (at least {@code
   * keepGenerations}), in one guarded flip.
   *
   * @return the kept list written
   */
  public List<Generation> publish(LocalDate date, Generation fresh, int keepGenerations)
      throws IOException {
    Optional<DatePointer> previous = read(date);
    List<Generation> kept =
        PointerRow.keptAfterPublish(
            fresh, previous.map(DatePointer::kept).orElse(List.of()), keepGenerations);
    flip(date, previous, fresh, kept);
    return kept;
  }

  /**
   * Makes {@code current} the date's generation and {@code kept} its kept list, in one Put, if the
   * date's current pointer still is {@code expected} (empty = never published).
   */
  void flip(
      LocalDate date, Optional<DatePointer> expected, Generation current, List<Generation> kept)
      throws IOException {
    Put put = new Put(StoreLayout.POINTER_ROW);
    PointerRow.flip(date, current, kept).forEach((q, v) -> put.addColumn(StoreLayout.FAMILY, q, v));
    byte[] q = PointerRow.currentQualifier(date);
    CheckAndMutate.Builder check = CheckAndMutate.newBuilder(StoreLayout.POINTER_ROW);
    CheckAndMutate cam =
        expected.isPresent()
            ? check.ifEquals(StoreLayout.FAMILY, q, expected.get().current().toBytes()).build(put)
            : check.ifNotExists(StoreLayout.FAMILY, q).build(put);
    if (!table.checkAndMutate(cam).isSuccess()) {
      throw new IOException(
          "pointer of "
              + date
              + " in table "
              + table.getName()
              + " changed while flipping to generation "
              + current.id()
              + " (another publish or rollback ran at the same time); run again");
    }
  }
}
