package nl.datapoints.etl.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.datapoints.schemas.Generation;

/** The generation rules of SPEC §5 (pure; runs in the driver): baseline, kept list, rollback target. */
final class Generations {
  private Generations() {}

  /**
   * A date has no baseline when any of its cells has a null delta, or when it has no cells at
   * all and D-7 was never published (nothing to tell a missing baseline from an empty day).
   */
  static boolean baselineMissing(DateTotals totals, boolean previousWeekExists) {
    return totals.nullDeltas() > 0 || (totals.cells() == 0 && !previousWeekExists);
  }

  /** The date seven days before {@code date}, whose aggregates are the baseline. */
  static LocalDate baselineDate(LocalDate date) {
    return date.minusDays(7);
  }

  /** Kept list after publishing {@code fresh}: it first, then the previous kept (without it), at most {@code keep}. */
  static List<Generation> keptAfterPublish(Generation fresh, List<Generation> previousKept, int keep) {
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
   * the kept generation just older than {@code currentId}.
   */
  static Generation rollbackTarget(LocalDate date, long currentId, List<Generation> kept,
      Optional<Long> requested) {
    if (requested.isPresent()) {
      long want = requested.get();
      return kept.stream().filter(g -> g.id() == want).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--generation for " + date
              + " must be one of the kept generations " + ids(kept) + ", got " + want));
    }
    for (int i = 0; i < kept.size(); i++) {
      if (kept.get(i).id() == currentId) {
        if (i + 1 < kept.size()) {
          return kept.get(i + 1);
        }
        break;
      }
    }
    throw new IllegalArgumentException("rollback of " + date + ": no kept generation older than the current "
        + currentId + "; kept generations are " + ids(kept));
  }

  static String ids(List<Generation> kept) {
    return kept.stream().map(g -> Long.toString(g.id())).collect(Collectors.joining(", ", "[", "]"));
  }
}
