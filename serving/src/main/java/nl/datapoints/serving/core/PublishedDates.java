package nl.datapoints.serving.core;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.PointerRow.DatePointer;

/**
 * A snapshot of the pointer row: per published date its current generation and the kept ones.
 * Immutable; the store replaces the whole snapshot when the pointer row changes.
 */
public final class PublishedDates {
  /** Nothing published yet. */
  public static final PublishedDates EMPTY = new PublishedDates(Map.of(), Map.of());

  private final NavigableMap<LocalDate, Generation> current;
  private final Map<LocalDate, List<Generation>> kept;

  /** A snapshot from the current and kept generations per date. */
  public PublishedDates(Map<LocalDate, Generation> current, Map<LocalDate, List<Generation>> kept) {
    this.current = Collections.unmodifiableNavigableMap(new TreeMap<>(current));
    this.kept = Map.copyOf(kept);
  }

  /** A snapshot of the pointer row as {@link PointerRow#decode} reads it. */
  public static PublishedDates of(SortedMap<LocalDate, DatePointer> pointers) {
    Map<LocalDate, Generation> current = new TreeMap<>();
    Map<LocalDate, List<Generation>> kept = new TreeMap<>();
    pointers.forEach(
        (d, p) -> {
          current.put(d, p.current());
          kept.put(d, p.kept());
        });
    return new PublishedDates(current, kept);
  }

  /** The current generation of {@code date}, or null when the date is not published. */
  public Generation current(LocalDate date) {
    return current.get(date);
  }

  /** Every published date with its current generation, ascending. */
  public NavigableMap<LocalDate, Generation> all() {
    return current;
  }

  /** The kept generations of {@code date}, newest first (empty when none are recorded). */
  public List<Generation> kept(LocalDate date) {
    return kept.getOrDefault(date, List.of());
  }

  /** The newest published date, or null when nothing is published. */
  public LocalDate newest() {
    return current.isEmpty() ? null : current.lastKey();
  }
}
