package nl.datapoints.etl.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;

/**
 * Reads and flips the generation pointer row (driver). A flip writes a date's current and kept
 * qualifiers in one {@code Put} guarded by check-and-mutate on the value it read, so a flip is
 * atomic and a concurrent flip of the same date fails instead of losing a kept generation.
 */
final class PointerRow {
  private final Table table;

  PointerRow(Table table) {
    this.table = table;
  }

  /** The pointer of one date, if it was ever published. */
  Optional<DateStatus> read(LocalDate date) throws IOException {
    Get get = new Get(StoreLayout.POINTER_ROW)
        .addColumn(StoreLayout.FAMILY, StoreLayout.currentQualifier(date))
        .addColumn(StoreLayout.FAMILY, StoreLayout.keptQualifier(date));
    Result r = table.get(get);
    byte[] current = r.getValue(StoreLayout.FAMILY, StoreLayout.currentQualifier(date));
    if (current == null) {
      return Optional.empty();
    }
    byte[] kept = r.getValue(StoreLayout.FAMILY, StoreLayout.keptQualifier(date));
    return Optional.of(new DateStatus(date.toString(), Generation.parse(current),
        kept == null ? List.of() : Generation.parseList(kept)));
  }

  /** Every published date, ascending. */
  List<DateStatus> readAll() throws IOException {
    Result r = table.get(new Get(StoreLayout.POINTER_ROW).addFamily(StoreLayout.FAMILY));
    TreeMap<LocalDate, DateStatus> out = new TreeMap<>();
    if (r.isEmpty()) {
      return List.of();
    }
    for (Cell c : r.rawCells()) {
      LocalDate date = StoreLayout.dateOfCurrentQualifier(CellUtil.cloneQualifier(c));
      if (date != null) {
        byte[] kept = r.getValue(StoreLayout.FAMILY, StoreLayout.keptQualifier(date));
        out.put(date, new DateStatus(date.toString(), Generation.parse(CellUtil.cloneValue(c)),
            kept == null ? List.of() : Generation.parseList(kept)));
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Makes {@code current} the date's generation and {@code kept} its kept list, in one Put, if
   * the date's current pointer still is {@code expected} (empty = never published).
   */
  void flip(LocalDate date, Optional<DateStatus> expected, Generation current, List<Generation> kept)
      throws IOException {
    byte[] q = StoreLayout.currentQualifier(date);
    Put put = new Put(StoreLayout.POINTER_ROW)
        .addColumn(StoreLayout.FAMILY, q, current.toBytes())
        .addColumn(StoreLayout.FAMILY, StoreLayout.keptQualifier(date), Generation.listToBytes(kept));
    CheckAndMutate.Builder check = CheckAndMutate.newBuilder(StoreLayout.POINTER_ROW);
    CheckAndMutate cam = expected.isPresent()
        ? check.ifEquals(StoreLayout.FAMILY, q, expected.get().current().toBytes()).build(put)
        : check.ifNotExists(StoreLayout.FAMILY, q).build(put);
    if (!table.checkAndMutate(cam).isSuccess()) {
      throw new IOException("pointer of " + date + " in table " + table.getName()
          + " changed while flipping to generation " + current.id()
          + " (another publish or rollback ran at the same time); run again");
    }
  }
}
