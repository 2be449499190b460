package nl.datapoints.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the service's JSON answer ({@code GET /api/...}) into an {@link Answer} (pure). The service
 * lists every hour of the timeline, SQL only the hours with cells: timeline entries with hits and
 * delta 0 are left out here. SBIs and points are taken as the service gives them, so a zero entry
 * it should not list shows up as a difference.
 */
final class ApiAnswer {
  private ApiAnswer() {}

  static Answer of(JsonNode a) {
    List<Integer> area = new ArrayList<>();
    need(a, "postcodes").forEach(p -> area.add(Integer.parseInt(p.asText())));
    Collections.sort(area);
    JsonNode t = need(a, "totals");
    List<Long> totals = List.of(t.get("total").asLong(), t.get("delta").asLong());
    Map<String, List<Long>> sbi = new TreeMap<>();
    need(a, "stats")
        .forEach(
            s ->
                sbi.put(
                    s.get("sbi").asText(),
                    List.of(s.get("total").asLong(), s.get("delta").asLong())));
    Map<String, List<Long>> timeline = new TreeMap<>();
    need(a, "timeline")
        .forEach(
            e ->
                putNonZero(
                    timeline,
                    e.get("date").asText() + "/" + e.get("hour").asInt(),
                    e.get("hits").asLong(),
                    e.get("delta").asLong()));
    Map<Integer, List<Long>> points = new TreeMap<>();
    need(a, "points")
        .forEach(
            p ->
                points.put(
                    Integer.parseInt(p.get("postcode").asText()),
                    List.of(p.get("hits").asLong(), p.get("delta").asLong())));
    return new Answer(area, totals, sbi, timeline, points);
  }

  static <K> void putNonZero(Map<K, List<Long>> m, K key, long hits, long delta) {
    if (hits != 0 || delta != 0) {
      m.put(key, List.of(hits, delta));
    }
  }

  private static JsonNode need(JsonNode a, String field) {
    JsonNode n = a.get(field);
    if (n == null) {
      throw new IllegalStateException("the service's answer has no '" + field + "': " + a);
    }
    return n;
  }
}
