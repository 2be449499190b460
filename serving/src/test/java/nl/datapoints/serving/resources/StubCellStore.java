package nl.datapoints.serving.resources;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.TestRows.Release;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.RowSink;
import nl.datapoints.serving.core.StoreUnavailableException;

/**
 * An in-memory {@link CellStore}: rows per date, generation and pc4, encoded with the real codec.
 */
final class StubCellStore implements CellStore {
  private final Map<String, Release> rows = new HashMap<>();
  private final Map<LocalDate, Generation> current = new HashMap<>();
  volatile boolean down;
  int reads;
  Blocks lastBlocks;

  void publish(LocalDate date, Generation g) {
    current.put(date, g);
  }

  void put(LocalDate date, long generation, int pc4, Release release) {
    rows.put(date + "/" + generation + "/" + pc4, release);
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
    lastBlocks = blocks;
    for (int d = 0; d < dates.size(); d++) {
      for (int p = 0; p < pc4s.length; p++) {
        Release r = rows.get(dates.get(d).date() + "/" + dates.get(d).generation() + "/" + pc4s[p]);
        if (r != null) {
          sink.row(d, p, blocks.area() ? r.area() : null, blocks.cells() ? r.cells() : null);
        }
      }
    }
  }
}
