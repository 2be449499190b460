package nl.datapoints.bench.accuracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Hits per date × postcode4 of one warehouse source (the events or the k-suppressed cells), kept
 * per hour and per SBI code, and summed over an area and a set of dates (pure, in memory). Not
 * thread-safe.
 */
final class DaySums {
  static final int HOURS = 24;

  private final List<LocalDate> dates;
  private final Map<Long, Slot> slots = new HashMap<>();
  private final Map<String, Integer> sbiIndex = new HashMap<>();
  private final List<String> sbis = new ArrayList<>();

  /** Sums over the given dates; {@link #add} refuses any other date. */
  DaySums(List<LocalDate> dates) {
    this.dates = List.copyOf(dates);
  }

  /** The dates these sums may hold, as given. */
  List<LocalDate> dates() {
    return dates;
  }

  /**
   * Adds {@code hits} at one date, postcode4, hour and SBI code.
   *
   * @throws IllegalArgumentException for a date not given at construction or an hour outside 0-23
   */
  void add(LocalDate date, int pc4, int hour, String sbi, long hits) {
    add(dateIndex(date), pc4, hour, sbiIndex(sbi), hits);
  }

  /** As {@link #add(LocalDate, int, int, String, long)} with indexes already looked up. */
  void add(int dateIndex, int pc4, int hour, int sbi, long hits) {
    if (hour < 0 || hour >= HOURS) {
      throw new IllegalArgumentException("hour must be 0-23, got " + hour);
    }
    Slot s = slots.computeIfAbsent(key(dateIndex, pc4), k -> new Slot());
    s.total += hits;
    s.hours[hour] += hits;
    if (sbi >= s.bySbi.length) {
      s.bySbi = Arrays.copyOf(s.bySbi, Math.max(sbi + 1, s.bySbi.length * 2));
    }
    s.bySbi[sbi] += hits;
  }

  /** The index of {@code date} among {@link #dates()}. */
  int dateIndex(LocalDate date) {
    int i = dates.indexOf(date);
    if (i < 0) {
      throw new IllegalArgumentException("date " + date + " is not one of " + dates);
    }
    return i;
  }

  /** The index of an SBI code, assigned on first sight. */
  int sbiIndex(String sbi) {
    Integer i = sbiIndex.get(sbi);
    if (i == null) {
      i = sbis.size();
      sbiIndex.put(sbi, i);
      sbis.add(sbi);
    }
    return i;
  }

  /** All hits held. */
  long total() {
    long t = 0;
    for (Slot s : slots.values()) {
      t += s.total;
    }
    return t;
  }

  /** Hits per postcode4 over every date held, ascending by postcode4 (only postcode4s with any). */
  SortedMap<Integer, Long> byPc4() {
    SortedMap<Integer, Long> out = new TreeMap<>();
    slots.forEach((k, s) -> out.merge((int) (k & 0xFFFF_FFFFL), s.total, Long::sum));
    return out;
  }

  /**
   * The figures of an area over some of the dates: the total, the timeline in the order of {@code
   * queryDates} and the hits per SBI code (codes with hits only).
   */
  Figures sum(int[] area, List<LocalDate> queryDates) {
    long total = 0;
    long[] timeline = new long[queryDates.size() * HOURS];
    long[] bySbi = new long[sbis.size()];
    for (int d = 0; d < queryDates.size(); d++) {
      int di = dateIndex(queryDates.get(d));
      for (int pc4 : area) {
        Slot s = slots.get(key(di, pc4));
        if (s == null) {
          continue;
        }
        total += s.total;
        for (int h = 0; h < HOURS; h++) {
          timeline[d * HOURS + h] += s.hours[h];
        }
        // A slot's array has spare capacity beyond the codes seen so far (zeros).
        for (int i = 0; i < Math.min(s.bySbi.length, bySbi.length); i++) {
          bySbi[i] += s.bySbi[i];
        }
      }
    }
    Map<String, Long> sbi = new HashMap<>();
    for (int i = 0; i < bySbi.length; i++) {
      if (bySbi[i] != 0) {
        sbi.put(sbis.get(i), bySbi[i]);
      }
    }
    return new Figures(total, timeline, sbi);
  }

  private static long key(int dateIndex, int pc4) {
    return ((long) dateIndex << 32) | (pc4 & 0xFFFF_FFFFL);
  }

  private static final class Slot {
    long total;
    final long[] hours = new long[HOURS];
    long[] bySbi = new long[8];
  }
}
