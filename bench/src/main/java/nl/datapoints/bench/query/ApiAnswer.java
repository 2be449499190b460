package nl.datapoints.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.bench.query.Answer.Num;

/**
 * Reads the service's JSON answer ({@code GET /api/...}, docs/api.md §2) into an {@link Answer}
 * (pure): every shown number with its margin ({@code total}/{@code hits}, {@code *_moe}, {@code
 * delta}, {@code delta_moe}; a null delta stays null).
 */
final class ApiAnswer {
  private ApiAnswer() {}

  static Answer of(JsonNode a) {
    List<Integer> area = new ArrayList<>();
    need(a, "postcodes").forEach(p -> area.add(Integer.parseInt(p.asText())));
    Collections.sort(area);
    Num totals = num(need(a, "totals"), "total");
    Map<String, Num> sbi = new TreeMap<>();
    need(a, "stats").forEach(s -> sbi.put(s.get("sbi").asText(), num(s, "total")));
    Map<String, Num> timeline = new TreeMap<>();
    need(a, "timeline")
        .forEach(
            e ->
                timeline.put(e.get("date").asText() + "/" + e.get("hour").asInt(), num(e, "hits")));
    Map<Integer, Num> points = new TreeMap<>();
    need(a, "points")
        .forEach(p -> points.put(Integer.parseInt(p.get("postcode").asText()), num(p, "hits")));
    return new Answer(area, totals, sbi, timeline, points);
  }

  /** {@code hits} (named {@code total} in totals and stats), its margin, delta and its margin. */
  private static Num num(JsonNode n, String hits) {
    return new Num(
        need(n, hits).asLong(),
        need(n, hits + "_moe").asLong(),
        nullable(need(n, "delta")),
        nullable(need(n, "delta_moe")));
  }

  private static Long nullable(JsonNode n) {
    return n.isNull() ? null : n.asLong();
  }

  private static JsonNode need(JsonNode a, String field) {
    JsonNode n = a.get(field);
    if (n == null) {
      throw new IllegalStateException("the service's answer has no '" + field + "': " + a);
    }
    return n;
  }
}
