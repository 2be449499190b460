package nl.datapoints.schemas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The one codec of the generation pointer row (docs/formats.md §5): its qualifiers, how its cells
 * decode into a date's current and kept generations, the two values a flip writes, and the
 * kept-generations rule. The publish job, the service and the benchmarks all read and write the
 * pointer row through this class; only the HBase calls around it live in each of them.
 *
 * <p>Layout: row {@link StoreLayout#POINTER_ROW}, family {@link StoreLayout#FAMILY}; per published
 * date a qualifier {@code YYYY-MM-DD} holding the current {@link Generation} and a qualifier {@code
 * YYYY-MM-DD/kept} holding the kept generations, newest first. A flip writes both in one {@code
 * Put}, which HBase applies atomically.
 */
public final class PointerRow {
  private static final String KEPT_SUFFIX = "/kept";
  private static final int DATE_LENGTH = 10;

  private PointerRow() {}

  /**
   * One published date as the pointer row records it.
   *
   * @param date the date
   * @param current the generation readers see
   * @param kept kept generations, newest first (rollback targets; includes the current one)
   */
  public record DatePointer(LocalDate date, Generation current, List<Generation> kept) {
    public DatePointer {
      if (date == null || current == null) {
        throw new IllegalArgumentException("a date pointer needs a date and a current generation");
      }
      kept = List.copyOf(kept);
    }
  }

  /** Qualifier of the current generation of {@code date}: the ISO date, e.g. {@code 2013-01-08}. */
  public static byte[] currentQualifier(LocalDate date) {
    return date.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Qualifier of the kept generations of {@code date}: e.g. {@code 2013-01-08/kept}. */
  public static byte[] keptQualifier(LocalDate date) {
    return (date + KEPT_SUFFIX).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Decodes the cells of the pointer row, given as qualifier → value, into one entry per published
   * date, ascending. A cell that does not decode is passed to {@code malformed} with the reason and
   * skipped, so one bad entry never hides the other dates; a kept list without a current generation
   * is not a published date and is ignored.
   */
  public static SortedMap<LocalDate, DatePointer> decode(
      Iterable<Map.Entry<byte[], byte[]>> cells, BiConsumer<String, String> malformed) {
    Map<LocalDate, Generation> current = new TreeMap<>();
    Map<LocalDate, List<Generation>> kept = new TreeMap<>();
    for (Map.Entry<byte[], byte[]> cell : cells) {
      String name = new String(cell.getKey(), StandardCharsets.US_ASCII);
      try {
        if (name.length() == DATE_LENGTH) {
          current.put(LocalDate.parse(name), Generation.parse(cell.getValue()));
        } else if (name.length() == DATE_LENGTH + KEPT_SUFFIX.length()
            && name.endsWith(KEPT_SUFFIX)) {
          kept.put(
              LocalDate.parse(name.substring(0, DATE_LENGTH)),
              Generation.parseList(cell.getValue()));
        } else {
          malformed.accept(name, "not a pointer-row qualifier");
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        malformed.accept(name, e.getMessage());
      }
    }
    SortedMap<LocalDate, DatePointer> out = new TreeMap<>();
    current.forEach((d, g) -> out.put(d, new DatePointer(d, g, kept.getOrDefault(d, List.of()))));
    return Collections.unmodifiableSortedMap(out);
  }

  /** As {@link #decode(Iterable, BiConsumer)}, failing on the first malformed cell. */
  public static SortedMap<LocalDate, DatePointer> decodeStrict(
      Iterable<Map.Entry<byte[], byte[]>> cells) {
    return decode(
        cells,
        (q, why) -> {
          throw new IllegalStateException("pointer row cell '" + q + "' is malformed: " + why);
        });
  }

  /**
   * The two cells a flip writes for {@code date} (qualifier → value, current first), to be put in
   * ONE mutation so readers see both or neither.
   */
  public static Map<byte[], byte[]> flip(
      LocalDate date, Generation current, List<Generation> kept) {
    if (kept.stream().noneMatch(g -> g.id() == current.id())) {
      throw new IllegalArgumentException(
          "the current generation "
              + current.id()
              + " of "
              + date
              + " must be one of its kept generations "
              + ids(kept));
    }
    Map<byte[], byte[]> cells = new LinkedHashMap<>();
    cells.put(currentQualifier(date), current.toBytes());
    cells.put(keptQualifier(date), Generation.listToBytes(kept));
    return cells;
  }

  /**
   * The kept list after publishing {@code fresh}: it first, then the previous kept generations
   * (without it), at most {@code keep} in all.
   */
  public static List<Generation> keptAfterPublish(
      Generation fresh, List<Generation> previousKept, int keep) {
    if (keep < StoreLayout.MIN_KEPT_GENERATIONS) {
      throw new IllegalArgumentException(
          "at least "
              + StoreLayout.MIN_KEPT_GENERATIONS
              + " generations must be kept, got "
              + keep);
    }
    List<Generation> out = new ArrayList<>(keep);
    out.add(fresh);
    for (Generation g : previousKept) {
      if (out.size() == keep) {
        break;
      }
      if (g.id() != fresh.id()) {
        out.add(g);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The generation a rollback makes current: {@code requested} when given (it must be kept), else
   * the kept generation just older than the current one.
   *
   * @throws IllegalArgumentException when the requested generation is not kept, or there is no
   *     older kept generation
   */
  public static Generation rollbackTarget(DatePointer pointer, Optional<Long> requested) {
    List<Generation> kept = pointer.kept();
    if (requested.isPresent()) {
      long want = requested.get();
      return kept.stream()
          .filter(g -> g.id() == want)
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "--generation for "
                          + pointer.date()
                          + " must be one of the kept generations "
                          + ids(kept)
                          + ", got "
                          + want));
    }
    for (int i = 0; i + 1 < kept.size(); i++) {
      if (kept.get(i).id() == pointer.current().id()) {
        return kept.get(i + 1);
      }
    }
    throw new IllegalArgumentException(
        "rollback of "
            + pointer.date()
            + ": no kept generation older than the current "
            + pointer.current().id()
            + "; kept generations are "
            + ids(kept));
  }

  /** The ids of {@code generations} as {@code [g1, g2]}. */
  public static String ids(List<Generation> generations) {
    return generations.stream()
        .map(g -> Long.toString(g.id()))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
