package nl.datapoints.serving.db;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.serving.core.CellStore.DatedGeneration;

/**
 * The key ranges of an area on a set of dates (pure): runs of postcode4s with no other known
 * postcode4 between them, per date, so one scan with a multi-range filter seeks from run to run and
 * from date to date instead of opening a scanner per date or per row. A number no postcode4 has
 * (Amsterdam's area skips hundreds) has no rows, so a run spans it for free: the hardest area, 115
 * postcode4s around 1012, is 28 runs of consecutive numbers but 10 runs of the gazetteer.
 */
final class AreaScan {
  private AreaScan() {}

  /** A run of consecutive postcode4s, both ends included. */
  record Run(int first, int last) {}

  /** A key range, both ends included. */
  record Range(byte[] first, byte[] last) {}

  /**
   * The runs of {@code pc4s} (ascending, distinct), in order: a run goes on from one postcode4 to
   * the next when no postcode4 of {@code known} (ascending; empty: every number is one) lies
   * between them.
   */
  static List<Run> runs(int[] pc4s, int[] known) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < pc4s.length; ) {
      int j = i;
      while (j + 1 < pc4s.length && adjacent(pc4s[j], pc4s[j + 1], known)) {
        j++;
      }
      runs.add(new Run(pc4s[i], pc4s[j]));
      i = j + 1;
    }
    return runs;
  }

  /** Whether no postcode4 lies between {@code a < b}: none of {@code known}, or none at all. */
  static boolean adjacent(int a, int b, int[] known) {
    if (b == a + 1) {
      return true;
    }
    if (known.length == 0) {
      return false;
    }
    // The first known above a, and the first known at or above b: the same one when none lies
    // strictly between.
    int above = Arrays.binarySearch(known, a);
    above = above >= 0 ? above + 1 : -above - 1;
    int atB = Arrays.binarySearch(known, b);
    atB = atB >= 0 ? atB : -atB - 1;
    return above == atB;
  }

  /**
   * Per date (in key order) the ranges of the runs of {@code pc4s} (ascending, distinct) among
   * {@code known} ({@link #runs}).
   */
  static List<Range> ranges(List<DatedGeneration> dates, int[] pc4s, int[] known) {
    List<Run> runs = runs(pc4s, known);
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
