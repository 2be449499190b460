package nl.datapoints.serving.resources;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PackedCell;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.RowSink;
import nl.datapoints.serving.core.StoreUnavailableException;

/**
 * An in-memory {@link CellStore}: rows per date, generation and pc4, encoded with the real codec.
 */
final class StubCellStore implements CellStore {
  private final Map<String, List<PackedCell>> rows = new HashMap<>();
  private final Map<LocalDate, Generation> current = new HashMap<>();
  volatile boolean down;
  int reads;

  void publish(LocalDate date, Generation g) {
    current.put(date, g);
  }

  void put(LocalDate date, long generation, int pc4, List<PackedCell> cells) {
    rows.put(date + "/" + generation + "/" + pc4, cells);
  }

  @Override
  public PublishedDates published() {
    if (down) {
      throw new StoreUnavailableException(
          "stub store is down", new java.io.IOException("connection refused"));
    }
    return new PublishedDates(current, Map.of());
  }

  @Override
  public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink) {
    if (down) {
      throw new StoreUnavailableException("stub store is down", null);
    }
    reads++;
    for (int d = 0; d < dates.size(); d++) {
      for (int p = 0; p < pc4s.length; p++) {
        List<PackedCell> cells =
            rows.get(dates.get(d).date() + "/" + dates.get(d).generation() + "/" + pc4s[p]);
        if (cells == null) {
          continue;
        }
        if (blocks == Blocks.ROLLUPS) {
          sink.row(
              d,
              p,
              CellBlock.encode(CellBlock.rollupByHour(cells)),
              CellBlock.encode(CellBlock.rollupBySbi(cells)),
              null);
        } else {
          sink.row(d, p, null, null, CellBlock.encode(cells));
        }
      }
    }
  }
}
