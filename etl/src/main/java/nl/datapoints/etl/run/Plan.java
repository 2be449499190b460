package nl.datapoints.etl.run;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * What one run does: the dates to enrich, to aggregate, to release and to publish (each ascending,
 * without duplicates). A nightly run or a backfill does all four for its dates (plus, with cascade,
 * aggregates, releases and publishes the dates whose delta depends on them); a stage command for an
 * Oozie action does one.
 */
public record Plan(
    List<LocalDate> enrich,
    List<LocalDate> aggregate,
    List<LocalDate> release,
    List<LocalDate> publish) {
  public Plan {
    enrich = List.copyOf(new TreeSet<>(enrich));
    aggregate = List.copyOf(new TreeSet<>(aggregate));
    release = List.copyOf(new TreeSet<>(release));
    publish = List.copyOf(new TreeSet<>(publish));
  }

  /**
   * Every stage for {@code dates}, and aggregate + release + publish for {@code cascade} (whose
   * deltas are the released values of dates in the range).
   */
  public static Plan full(List<LocalDate> dates, List<LocalDate> cascade, boolean publish) {
    TreeSet<LocalDate> later = new TreeSet<>(dates);
    later.addAll(cascade);
    List<LocalDate> all = List.copyOf(later);
    return new Plan(dates, all, all, publish ? all : List.of());
  }

  /** Only the enrich stage for {@code dates}. */
  public static Plan enrichOnly(List<LocalDate> dates) {
    return new Plan(dates, List.of(), List.of(), List.of());
  }

  /** Only the aggregate stage for {@code dates}. */
  public static Plan aggregateOnly(List<LocalDate> dates) {
    return new Plan(List.of(), dates, List.of(), List.of());
  }

  /** Only the release stage for {@code dates}. */
  public static Plan releaseOnly(List<LocalDate> dates) {
    return new Plan(List.of(), List.of(), dates, List.of());
  }

  /** Only the publish stage for {@code dates}. */
  public static Plan publishOnly(List<LocalDate> dates) {
    return new Plan(List.of(), List.of(), List.of(), dates);
  }

  /** Every date some stage touches. */
  TreeSet<LocalDate> all() {
    TreeSet<LocalDate> all = new TreeSet<>(enrich);
    all.addAll(aggregate);
    all.addAll(release);
    all.addAll(publish);
    return all;
  }
}
