package nl.datapoints.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the service's area answer (docs/api.md §2.2) the accuracy bench reads (pure): the
 * shown values as {@link Figures}, and every figure with its 95% margin for the "too few" share.
 *
 * @param postcodes the area as the service computed it
 * @param figures shown total, timeline (date × hour in the query's date order) and hits per SBI
 * @param total the shown total and its margin
 * @param points every point's shown hits and margin
 * @param stats every stats entry's shown total and margin
 * @param hours every timeline entry's shown hits and margin
 */
record ServiceAnswer(
    int[] postcodes,
    Figures figures,
    Figure total,
    List<Figure> points,
    List<Figure> stats,
    List<Figure> hours) {

  /** A shown value and its 95% margin of error. */
  record Figure(long value, long moe) {}

  ServiceAnswer {
    postcodes = postcodes.clone();
    points = List.copyOf(points);
    stats = List.copyOf(stats);
    hours = List.copyOf(hours);
  }

  /**
   * Reads an answer to a query over {@code dates}.
   *
   * @throws IllegalStateException when a field is missing, a date is not published or the timeline
   *     does not hold 24 entries per date
   */
  static ServiceAnswer parse(JsonNode a, List<LocalDate> dates) {
    if (need(a, "missing_dates").size() != 0) {
      throw new IllegalStateException(
          "the service has not published " + a.get("missing_dates") + " (asked " + dates + ")");
    }
    JsonNode pcs = need(a, "postcodes");
    int[] postcodes = new int[pcs.size()];
    for (int i = 0; i < postcodes.length; i++) {
      postcodes[i] = Integer.parseInt(pcs.get(i).asText());
    }
    JsonNode t = need(a, "totals");
    Figure total = figure(t, "total", "total_moe");
    List<Figure> points = new ArrayList<>();
    need(a, "points").forEach(p -> points.add(figure(p, "hits", "hits_moe")));
    List<Figure> stats = new ArrayList<>();
    Map<String, Long> bySbi = new HashMap<>();
    for (JsonNode s : need(a, "stats")) {
      Figure f = figure(s, "total", "total_moe");
      stats.add(f);
      if (f.value() != 0) {
        bySbi.put(need(s, "sbi").asText(), f.value());
      }
    }
    JsonNode tl = need(a, "timeline");
    if (tl.size() != dates.size() * DaySums.HOURS) {
      throw new IllegalStateException(
          "timeline has " + tl.size() + " entries, expected 24 per date for " + dates);
    }
    long[] timeline = new long[tl.size()];
    List<Figure> hours = new ArrayList<>();
    for (JsonNode e : tl) {
      int d = dates.indexOf(LocalDate.parse(need(e, "date").asText()));
      int h = need(e, "hour").asInt();
      if (d < 0 || h < 0 || h >= DaySums.HOURS) {
        throw new IllegalStateException("timeline entry outside the query: " + e);
      }
      Figure f = figure(e, "hits", "hits_moe");
      timeline[d * DaySums.HOURS + h] = f.value();
      hours.add(f);
    }
    return new ServiceAnswer(
        postcodes, new Figures(total.value(), timeline, bySbi), total, points, stats, hours);
  }

  private static Figure figure(JsonNode n, String value, String moe) {
    return new Figure(need(n, value).asLong(), need(n, moe).asLong());
  }

  private static JsonNode need(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalStateException("the service's answer has no '" + field + "': " + n);
    }
    return v;
  }
}
