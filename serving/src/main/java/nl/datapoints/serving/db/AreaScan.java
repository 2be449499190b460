package nl.datapoints.serving.db;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.serving.core.CellStore.DatedGeneration;

/**
 * The key ranges of an area on a set of dates (pure): runs of consecutive postcode4s per date, so
 * one scan with a multi-range filter seeks from run to run and from date to date instead of opening
 * a scanner per date or per row.
 */
final class AreaScan {
  private AreaScan() {}

  /** A run of consecutive postcode4s, both ends included. */
  record Run(int first, int last) {}

  /** A key range, both ends included. */
  record Range(byte[] first, byte[] last) {}

  /** The runs of {@code pc4s} (ascending, distinct), in order. */
  static List<Run> runs(int[] pc4s) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < pc4s.length; ) {
      int j = i;
      while (j + 1 < pc4s.length && pc4s[j + 1] == pc4s[j] + 1) {
        j++;
      }
      runs.add(new Run(pc4s[i], pc4s[j]));
      i = j + 1;
    }
    return runs;
  }

  /** Per date (in key order) the ranges of the runs of {@code pc4s} (ascending, distinct). */
  static List<Range> ranges(List<DatedGeneration> dates, int[] pc4s) {
    List<Run> runs = runs(pc4s);
    List<Range> out = new ArrayList<>(dates.size() * runs.size());
    for (LocalDate d : sortedDates(dates)) {
      for (Run run : runs) {
        out.add(new Range(RowKey.of(d, run.first()).toBytes(), RowKey.of(d, run.last()).toBytes()));
      }
    }
    return out;
  }

  /** The distinct generations of {@code dates}, ascending (what one scan must read). */
  static long[] distinctGenerations(List<DatedGeneration> dates) {
    return dates.stream().mapToLong(DatedGeneration::generation).distinct().sorted().toArray();
  }

  /**
   * {@code dates} split into at most {@code parts} contiguous groups of near-equal size, in order
   * (one scan each); never an empty group.
   */
  static List<List<DatedGeneration>> groups(List<DatedGeneration> dates, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, got " + parts);
    }
    int n = Math.min(parts, dates.size());
    List<List<DatedGeneration>> out = new ArrayList<>(n);
    for (int g = 0, from = 0; g < n; g++) {
      int to = from + (dates.size() - from) / (n - g);
      out.add(List.copyOf(dates.subList(from, to)));
      from = to;
    }
    return out;
  }

  private static List<LocalDate> sortedDates(List<DatedGeneration> dates) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("at least one date must be read");
    }
    return dates.stream().map(DatedGeneration::date).sorted().toList();
  }

  /** Which generation each date is read at, and the index the sink knows the date by. */
  static final class Generations {
    private final Map<LocalDate, Integer> index = new HashMap<>();
    private final long[] generation;

    Generations(List<DatedGeneration> dates) {
      generation = new long[dates.size()];
      for (int i = 0; i < dates.size(); i++) {
        if (index.put(dates.get(i).date(), i) != null) {
          throw new IllegalArgumentException("date " + dates.get(i).date() + " is read twice");
        }
        generation[i] = dates.get(i).generation();
      }
    }

    /** The index of {@code date} in the list, or -1 when it is not read. */
    int indexOf(LocalDate date) {
      Integer i = index.get(date);
      return i == null ? -1 : i;
    }

    /** The generation of the date at {@code index}. */
    long generation(int index) {
      return generation[index];
    }
  }
}
