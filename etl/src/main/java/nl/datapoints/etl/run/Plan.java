package nl.datapoints.etl.run;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * What one run does: the dates to enrich, to aggregate and to publish (each ascending, without
 * duplicates). A nightly run or a backfill does all three for its dates (plus, with cascade,
 * aggregates and publishes the dates whose delta depends on them); a stage command for an Oozie
 * action does one.
 */
public record Plan(List<LocalDate> enrich, List<LocalDate> aggregate, List<LocalDate> publish) {
  public Plan {
    enrich = List.copyOf(new TreeSet<>(enrich));
    aggregate = List.copyOf(new TreeSet<>(aggregate));
    publish = List.copyOf(new TreeSet<>(publish));
  }

  /** Every stage for {@code dates}, and aggregate + publish for {@code cascade}. */
  public static Plan full(List<LocalDate> dates, List<LocalDate> cascade, boolean publish) {
    TreeSet<LocalDate> agg = new TreeSet<>(dates);
    agg.addAll(cascade);
    return new Plan(dates, List.copyOf(agg), publish ? List.copyOf(agg) : List.of());
  }

  /** Only the enrich stage for {@code dates}. */
  public static Plan enrichOnly(List<LocalDate> dates) {
    return new Plan(dates, List.of(), List.of());
  }

  /** Only the aggregate stage for {@code dates}. */
  public static Plan aggregateOnly(List<LocalDate> dates) {
    return new Plan(List.of(), dates, List.of());
  }

  /** Only the publish stage for {@code dates}. */
  public static Plan publishOnly(List<LocalDate> dates) {
    return new Plan(List.of(), List.of(), dates);
  }

  /** Every date some stage touches. */
  TreeSet<LocalDate> all() {
    TreeSet<LocalDate> all = new TreeSet<>(enrich);
    all.addAll(aggregate);
    all.addAll(publish);
    return all;
  }
}
