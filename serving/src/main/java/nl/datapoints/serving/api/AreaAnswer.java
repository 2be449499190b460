package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /api/{postcode}/{dates}[/{radius}]}; field names are the contract of
 * docs/api.md §2.2.
 *
 * @param postcode the centre postcode4
 * @param center its centroid
 * @param radiusKm the radius used
 * @param dates the requested dates, ascending, distinct
 * @param missingDates requested dates that are not published
 * @param postcodes every postcode4 of the area, ascending
 * @param totals sums over the area and the published dates
 * @param stats per SBI with hits or delta, by total descending then sbi
 * @param timeline per published date × hour 0-23
 * @param points per postcode4 of the area with hits or delta, by postcode
 * @param generations the generation each published date was read at
 */
@JsonPropertyOrder({
  "postcode",
  "center",
  "radius_km",
  "dates",
  "missing_dates",
  "postcodes",
  "totals",
  "stats",
  "timeline",
  "points",
  "generations"
})
public record AreaAnswer(
    @JsonProperty("postcode") String postcode,
    @JsonProperty("center") Center center,
    @JsonProperty("radius_km") double radiusKm,
    @JsonProperty("dates") List<String> dates,
    @JsonProperty("missing_dates") List<String> missingDates,
    @JsonProperty("postcodes") List<String> postcodes,
    @JsonProperty("totals") Totals totals,
    @JsonProperty("stats") List<SbiStat> stats,
    @JsonProperty("timeline") List<TimelineEntry> timeline,
    @JsonProperty("points") List<Point> points,
    @JsonProperty("generations") Map<String, Long> generations) {

  /** A centroid. */
  @JsonPropertyOrder({"lat", "lon"})
  public record Center(@JsonProperty("lat") double lat, @JsonProperty("lon") double lon) {}

  /** Sums over the whole answer; delta and percentage may be null. */
  @JsonPropertyOrder({"total", "delta", "percentage"})
  public record Totals(
      @JsonProperty("total") long total,
      @JsonProperty("delta") Long delta,
      @JsonProperty("percentage") Double percentage) {}

  /** Sums of one SBI code. */
  @JsonPropertyOrder({"sbi", "label", "total", "delta", "percentage"})
  public record SbiStat(
      @JsonProperty("sbi") String sbi,
      @JsonProperty("label") String label,
      @JsonProperty("total") long total,
      @JsonProperty("delta") Long delta,
      @JsonProperty("percentage") Double percentage) {}

  /** Sums of one hour of one date. */
  @JsonPropertyOrder({"date", "hour", "hits", "delta"})
  public record TimelineEntry(
      @JsonProperty("date") String date,
      @JsonProperty("hour") int hour,
      @JsonProperty("hits") long hits,
      @JsonProperty("delta") Long delta) {}

  /** Sums of one postcode4 over the dates. */
  @JsonPropertyOrder({"postcode", "lat", "lon", "hits", "delta", "percentage"})
  public record Point(
      @JsonProperty("postcode") String postcode,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("hits") long hits,
      @JsonProperty("delta") Long delta,
      @JsonProperty("percentage") Double percentage) {}
}
