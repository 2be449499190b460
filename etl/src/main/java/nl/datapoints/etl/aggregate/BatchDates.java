package nl.datapoints.etl.aggregate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The dates of one aggregate batch as epoch days, with O(1) membership and index look-ups so the
 * per-event work stays small. Pure (no Hadoop types); used by tasks.
 */
final class BatchDates {
  private final int first;
  private final int[] indexByOffset; // -1 = not in batch
  private final boolean[] missingByIndex;
  private final LocalDate[] dates;
  private final String[] labels;

  BatchDates(List<LocalDate> sortedDates, Collection<LocalDate> baselineMissing) {
    if (sortedDates.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one date");
    }
    this.dates = sortedDates.toArray(new LocalDate[0]);
    this.first = Math.toIntExact(dates[0].toEpochDay());
    int last = Math.toIntExact(dates[dates.length - 1].toEpochDay());
    this.indexByOffset = new int[last - first + 1];
    Arrays.fill(indexByOffset, -1);
    this.missingByIndex = new boolean[dates.length];
    this.labels = new String[dates.length];
    for (int i = 0; i < dates.length; i++) {
      indexByOffset[Math.toIntExact(dates[i].toEpochDay()) - first] = i;
      missingByIndex[i] = baselineMissing.contains(dates[i]);
      labels[i] = dates[i].toString();
    }
  }

  /** Position of the epoch day in the batch, or -1 when it is not a date of the batch. */
  int indexOf(int epochDay) {
    int offset = epochDay - first;
    return offset < 0 || offset >= indexByOffset.length ? -1 : indexByOffset[offset];
  }

  boolean contains(int epochDay) {
    return indexOf(epochDay) >= 0;
  }

  /** True when the batch date at {@code index} has no baseline: its deltas are null. */
  boolean baselineMissingAt(int index) {
    return missingByIndex[index];
  }

  int size() {
    return dates.length;
  }

  LocalDate date(int index) {
    return dates[index];
  }

  /** The date at {@code index} as {@code YYYY-MM-DD}. */
  String label(int index) {
    return labels[index];
  }
}
