package nl.datapoints.bench.accuracy;

import java.util.Map;

/**
 * The figures of one area answer that the accuracy bench compares: the total, the timeline (hits
 * per date × hour, in the query's date order, 24 slots per date) and the hits per SBI code. Exact
 * sums from {@code events/}, sums of the k-suppressed cells, or the service's shown values.
 *
 * @param total hits over the area and the dates
 * @param timeline hits per slot {@code dateIndex * 24 + hour}
 * @param bySbi hits per SBI code (codes without hits may be absent)
 */
record Figures(long total, long[] timeline, Map<String, Long> bySbi) {
  Figures {
    timeline = timeline.clone();
    bySbi = Map.copyOf(bySbi);
  }

  @Override
  public long[] timeline() {
    return timeline.clone();
  }
}
