package nl.datapoints.etl.publish;

import java.time.Instant;
import java.util.List;
import nl.datapoints.schemas.Generation;

/**
 * The pointer of one published date (driver; printed and serialized to JSON by the CLI).
 *
 * @param date ISO date
 * @param current the generation readers see
 * @param kept kept generations, newest first (rollback targets)
 */
public record DateStatus(String date, Generation current, List<Generation> kept) {
  public DateStatus {
    kept = List.copyOf(kept);
  }

  /** The status view of a date's pointer. */
  public static DateStatus of(nl.datapoints.schemas.PointerRow.DatePointer p) {
    return new DateStatus(p.date().toString(), p.current(), p.kept());
  }

  /**
   * One line: date, generation, values (cells of a generation without a privacy guarantee), the
   * released total hits, the guarantee, baseline, publish time, kept ids.
   */
  public String format() {
    return date
        + "  generation "
        + current.id()
        + (current.isPrivate() ? "  values " : "  cells ")
        + current.cells()
        + "  hits "
        + current.hits()
        + (current.isPrivate()
            ? "  epsilon "
                + current.privacyEpsilon()
                + " delta "
                + current.privacyDelta()
                + " per user-day"
            : "")
        + (current.baselineMissing() ? "  baseline missing" : "")
        + "  published "
        + Instant.ofEpochMilli(current.publishedAt())
        + "  kept "
        + nl.datapoints.schemas.PointerRow.ids(kept);
  }
}
