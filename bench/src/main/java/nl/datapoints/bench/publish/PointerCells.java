package nl.datapoints.bench.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.PointerRow.DatePointer;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;

/**
 * The HBase reads around {@link PointerRow}, which alone says what the pointer row's cells mean.
 */
final class PointerCells {
  private PointerCells() {}

  /** Every published date of the table, ascending. */
  static SortedMap<LocalDate, DatePointer> readAll(Table t) throws IOException {
    return PointerRow.decodeStrict(
        cells(t.get(new Get(StoreLayout.POINTER_ROW).addFamily(StoreLayout.FAMILY))));
  }

  /** The pointer of one date, if it was published. */
  static Optional<DatePointer> read(Table t, LocalDate date) throws IOException {
    Result r =
        t.get(
            new Get(StoreLayout.POINTER_ROW)
                .addColumn(StoreLayout.FAMILY, PointerRow.currentQualifier(date))
                .addColumn(StoreLayout.FAMILY, PointerRow.keptQualifier(date)));
    return Optional.ofNullable(PointerRow.decodeStrict(cells(r)).get(date));
  }

  private static List<Map.Entry<byte[], byte[]>> cells(Result r) {
    return r.isEmpty()
        ? List.of()
        : Arrays.stream(r.rawCells())
            .map(c -> Map.entry(CellUtil.cloneQualifier(c), CellUtil.cloneValue(c)))
            .toList();
  }
}
