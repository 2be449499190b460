package nl.datapoints.serving.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AreaAnswer} field by field, in the order and with the names its annotations
 * declare: the same bytes as Jackson's bean serializer (ApiFixturesTest pins both), without its
 * per-property dispatch. The answer is the service's largest and most frequent body (tens of KB,
 * hundreds of objects), so its writing is a measurable share of a request's CPU.
 */
final class AreaAnswerWriter extends StdSerializer<AreaAnswer> {
  private static final long serialVersionUID = 1L;

  private static final SerializableString POSTCODE = name("postcode");
  private static final SerializableString CENTER = name("center");
  private static final SerializableString RADIUS_KM = name("radius_km");
  private static final SerializableString DATES = name("dates");
  private static final SerializableString MISSING_DATES = name("missing_dates");
  private static final SerializableString POSTCODES = name("postcodes");
  private static final SerializableString TOTALS = name("totals");
  private static final SerializableString STATS = name("stats");
  private static final SerializableString TIMELINE = name("timeline");
  private static final SerializableString POINTS = name("points");
  private static final SerializableString GENERATIONS = name("generations");
  private static final SerializableString PRIVACY = name("privacy");
  private static final SerializableString LEVELS = name("levels");
  private static final SerializableString LAT = name("lat");
  private static final SerializableString LON = name("lon");
  private static final SerializableString TOTAL = name("total");
  private static final SerializableString TOTAL_MOE = name("total_moe");
  private static final SerializableString DELTA = name("delta");
  private static final SerializableString DELTA_MOE = name("delta_moe");
  private static final SerializableString PERCENTAGE = name("percentage");
  private static final SerializableString DELTA_REASON = name("delta_reason");
  private static final SerializableString SBI = name("sbi");
  private static final SerializableString LABEL = name("label");
  private static final SerializableString DATE = name("date");
  private static final SerializableString HOUR = name("hour");
  private static final SerializableString HITS = name("hits");
  private static final SerializableString HITS_MOE = name("hits_moe");
  private static final SerializableString UNIT = name("unit");
  private static final SerializableString EPSILON = name("epsilon");
  private static final SerializableString EPSILON_OVER_DATES = name("epsilon_over_dates");

  AreaAnswerWriter() {
    super(AreaAnswer.class);
  }

  private static SerializableString name(String s) {
    return new SerializedString(s);
  }

  @Override
  public void serialize(AreaAnswer a, JsonGenerator g, SerializerProvider provider)
      throws IOException {
    g.writeStartObject(a);
    g.writeFieldName(POSTCODE);
    string(g, a.postcode());
    g.writeFieldName(CENTER);
    if (a.center() == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeFieldName(LAT);
      g.writeNumber(a.center().lat());
      g.writeFieldName(LON);
      g.writeNumber(a.center().lon());
      g.writeEndObject();
    }
    g.writeFieldName(RADIUS_KM);
    g.writeNumber(a.radiusKm());
    g.writeFieldName(DATES);
    strings(g, a.dates());
    g.writeFieldName(MISSING_DATES);
    strings(g, a.missingDates());
    g.writeFieldName(POSTCODES);
    strings(g, a.postcodes());
    g.writeFieldName(TOTALS);
    totals(g, a.totals());
    g.writeFieldName(STATS);
    stats(g, a.stats());
    g.writeFieldName(TIMELINE);
    timeline(g, a.timeline());
    g.writeFieldName(POINTS);
    points(g, a.points());
    g.writeFieldName(GENERATIONS);
    generations(g, a.generations());
    g.writeFieldName(PRIVACY);
    privacy(g, a.privacy());
    g.writeFieldName(LEVELS);
    levels(g, a.levels());
    g.writeEndObject();
  }

  private static void totals(JsonGenerator g, AreaAnswer.Totals t) throws IOException {
    if (t == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(TOTAL);
    g.writeNumber(t.total());
    g.writeFieldName(TOTAL_MOE);
    g.writeNumber(t.totalMoe());
    delta(g, t.delta(), t.deltaMoe());
    g.writeFieldName(PERCENTAGE);
    number(g, t.percentage());
    g.writeFieldName(DELTA_REASON);
    string(g, t.deltaReason());
    g.writeEndObject();
  }

  private static void stats(JsonGenerator g, List<AreaAnswer.SbiStat> stats) throws IOException {
    if (stats == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (AreaAnswer.SbiStat s : stats) {
      g.writeStartObject();
      g.writeFieldName(SBI);
      string(g, s.sbi());
      g.writeFieldName(LABEL);
      string(g, s.label());
      g.writeFieldName(TOTAL);
      g.writeNumber(s.total());
      g.writeFieldName(TOTAL_MOE);
      g.writeNumber(s.totalMoe());
      delta(g, s.delta(), s.deltaMoe());
      g.writeFieldName(PERCENTAGE);
      number(g, s.percentage());
      g.writeFieldName(DELTA_REASON);
      string(g, s.deltaReason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void timeline(JsonGenerator g, List<AreaAnswer.TimelineEntry> timeline)
      throws IOException {
    if (timeline == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (AreaAnswer.TimelineEntry e : timeline) {
      g.writeStartObject();
      g.writeFieldName(DATE);
      string(g, e.date());
      g.writeFieldName(HOUR);
      g.writeNumber(e.hour());
      g.writeFieldName(HITS);
      g.writeNumber(e.hits());
      g.writeFieldName(HITS_MOE);
      g.writeNumber(e.hitsMoe());
      delta(g, e.delta(), e.deltaMoe());
      g.writeFieldName(DELTA_REASON);
      string(g, e.deltaReason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void points(JsonGenerator g, List<AreaAnswer.Point> points) throws IOException {
    if (points == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (AreaAnswer.Point p : points) {
      g.writeStartObject();
      g.writeFieldName(POSTCODE);
      string(g, p.postcode());
      g.writeFieldName(LAT);
      g.writeNumber(p.lat());
      g.writeFieldName(LON);
      g.writeNumber(p.lon());
      g.writeFieldName(HITS);
      g.writeNumber(p.hits());
      g.writeFieldName(HITS_MOE);
      g.writeNumber(p.hitsMoe());
      delta(g, p.delta(), p.deltaMoe());
      g.writeFieldName(PERCENTAGE);
      number(g, p.percentage());
      g.writeFieldName(DELTA_REASON);
      string(g, p.deltaReason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void generations(JsonGenerator g, Map<String, Long> generations)
      throws IOException {
    if (generations == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (Map.Entry<String, Long> e : generations.entrySet()) {
      g.writeFieldName(e.getKey());
      number(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void privacy(JsonGenerator g, AreaAnswer.Privacy p) throws IOException {
    if (p == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(UNIT);
    string(g, p.unit());
    g.writeFieldName(EPSILON);
    number(g, p.epsilon());
    g.writeFieldName(DELTA);
    number(g, p.delta());
    g.writeFieldName(EPSILON_OVER_DATES);
    number(g, p.epsilonOverDates());
    g.writeEndObject();
  }

  private static void levels(JsonGenerator g, AreaAnswer.Levels l) throws IOException {
    if (l == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(TOTALS);
    string(g, l.totals());
    g.writeFieldName(POINTS);
    string(g, l.points());
    g.writeFieldName(TIMELINE);
    string(g, l.timeline());
    g.writeFieldName(STATS);
    string(g, l.stats());
    g.writeEndObject();
  }

  private static void delta(JsonGenerator g, Long delta, Long deltaMoe) throws IOException {
    g.writeFieldName(DELTA);
    number(g, delta);
    g.writeFieldName(DELTA_MOE);
    number(g, deltaMoe);
  }

  private static void strings(JsonGenerator g, List<String> values) throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (String v : values) {
      string(g, v);
    }
    g.writeEndArray();
  }

  private static void string(JsonGenerator g, String v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeString(v);
    }
  }

  private static void number(JsonGenerator g, Long v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v.longValue());
    }
  }

  private static void number(JsonGenerator g, Double v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v.doubleValue());
    }
  }
}
