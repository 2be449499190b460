package nl.datapoints.etl.enrich;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.etl.common.StageStats;

/**
 * Per-partition-date tallies of one task, rendered as {@link StageStats} lines (pure core, runs in
 * tasks).
 */
final class EnrichStats {

  /** Tallies of one date. */
  static final class Tally {
    long linesRead;
    long events;
    long emptyLines;
    final long[] quarantined = new long[Reason.values().length];
    final List<String> corruptFiles = new ArrayList<>();
  }

  private final Map<LocalDate, Tally> byDate = new TreeMap<>();
  private LocalDate lastDate;
  private Tally last;

  /** The tally of a date, created empty on first use (so a date with no lines still reports 0). */
  Tally of(LocalDate date) {
    if (!date.equals(lastDate)) {
      last = byDate.computeIfAbsent(date, d -> new Tally());
      lastDate = date;
    }
    return last;
  }

  /** Counts a line read of the date. */
  public void lineRead(LocalDate date) {
    of(date).linesRead++;
  }

  public void event(LocalDate date) {
    of(date).events++;
  }

  public void emptyLine(LocalDate date) {
    of(date).emptyLines++;
  }

  public void quarantined(LocalDate date, Reason reason) {
    of(date).quarantined[reason.ordinal()]++;
  }

  public void corruptFile(LocalDate date, String file) {
    of(date).corruptFiles.add(file);
  }

  /** Touches a date so it is reported even with no lines. */
  public void seen(LocalDate date) {
    of(date);
  }

  /** The stats lines, ordered by date; zero quarantine reasons are left out. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    byDate.forEach(
        (date, t) -> {
          out.add(StageStats.line(date, StageStats.LINES_READ, t.linesRead));
          out.add(StageStats.line(date, StageStats.EVENTS, t.events));
          out.add(StageStats.line(date, StageStats.EMPTY_LINES, t.emptyLines));
          for (Reason r : Reason.values()) {
            if (t.quarantined[r.ordinal()] > 0) {
              out.add(
                  StageStats.line(
                      date, StageStats.QUARANTINED_PREFIX + r.name(), t.quarantined[r.ordinal()]));
            }
          }
          t.corruptFiles.forEach(f -> out.add(StageStats.corruptFileLine(date, f)));
        });
    return out;
  }

  /** Quarantined counts of a date by reason (tests, tools). */
  public Map<Reason, Long> quarantined(LocalDate date) {
    Map<Reason, Long> result = new EnumMap<>(Reason.class);
    Tally t = byDate.get(date);
    if (t != null) {
      for (Reason r : Reason.values()) {
        if (t.quarantined[r.ordinal()] > 0) {
          result.put(r, t.quarantined[r.ordinal()]);
        }
      }
    }
    return result;
  }
}
