package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /api/{postcode}/{dates}[/{radius}]}; field names are the contract of
 * docs/api.md §2.2 (with the fields of the differentially private release).
 *
 * <p>Every hits, total and delta is a sum of released (noisy) values, shown as {@code max(0, sum)},
 * with its 95% margin of error beside it ({@code *_moe}); a null delta says why in {@code
 * delta_reason}.
 *
 * @param postcode the centre postcode4
 * @param center its centroid
 * @param radiusKm the radius used
 * @param dates the requested dates, ascending, distinct
 * @param missingDates requested dates that are not published
 * @param postcodes every postcode4 of the area, ascending
 * @param totals sums over the area and the published dates
 * @param stats per SBI with any released value, by shown total descending then sbi
 * @param timeline per published date × hour 0-23
 * @param points per postcode4 of the area with any released value, by postcode
 * @param generations the generation each published date was read at
 * @param privacy the guarantee of the values the answer was computed from
 * @param levels which released level answered each part
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
  "generations",
  "privacy",
  "levels"
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
    @JsonProperty("generations") Map<String, Long> generations,
    @JsonProperty("privacy") Privacy privacy,
    @JsonProperty("levels") Levels levels) {

  /** {@code delta_reason}: a date summed over was released without a release of its D-7. */
  public static final String BASELINE_MISSING = "baseline_missing";

  /** {@code delta_reason}: none of the requested dates is published, so nothing is compared. */
  public static final String NOT_PUBLISHED = "not_published";

  /** A centroid. */
  @JsonPropertyOrder({"lat", "lon"})
  public record Center(@JsonProperty("lat") double lat, @JsonProperty("lon") double lon) {}

  /** Sums over the whole answer; delta, its margin and percentage may be null (see deltaReason). */
  @JsonPropertyOrder({"total", "total_moe", "delta", "delta_moe", "percentage", "delta_reason"})
  public record Totals(
      @JsonProperty("total") long total,
      @JsonProperty("total_moe") long totalMoe,
      @JsonProperty("delta") Long delta,
      @JsonProperty("delta_moe") Long deltaMoe,
      @JsonProperty("percentage") Double percentage,
      @JsonProperty("delta_reason") String deltaReason) {}

  /** Sums of one SBI code. */
  @JsonPropertyOrder({
    "sbi",
    "label",
    "total",
    "total_moe",
    "delta",
    "delta_moe",
    "percentage",
    "delta_reason"
  })
  public record SbiStat(
      @JsonProperty("sbi") String sbi,
      @JsonProperty("label") String label,
      @JsonProperty("total") long total,
      @JsonProperty("total_moe") long totalMoe,
      @JsonProperty("delta") Long delta,
      @JsonProperty("delta_moe") Long deltaMoe,
      @JsonProperty("percentage") Double percentage,
      @JsonProperty("delta_reason") String deltaReason) {}

  /** Sums of one hour of one date. */
  @JsonPropertyOrder({"date", "hour", "hits", "hits_moe", "delta", "delta_moe", "delta_reason"})
  public record TimelineEntry(
      @JsonProperty("date") String date,
      @JsonProperty("hour") int hour,
      @JsonProperty("hits") long hits,
      @JsonProperty("hits_moe") long hitsMoe,
      @JsonProperty("delta") Long delta,
      @JsonProperty("delta_moe") Long deltaMoe,
      @JsonProperty("delta_reason") String deltaReason) {}

  /** Sums of one postcode4 over the dates. */
  @JsonPropertyOrder({
    "postcode",
    "lat",
    "lon",
    "hits",
    "hits_moe",
    "delta",
    "delta_moe",
    "percentage",
    "delta_reason"
  })
  public record Point(
      @JsonProperty("postcode") String postcode,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("hits") long hits,
      @JsonProperty("hits_moe") long hitsMoe,
      @JsonProperty("delta") Long delta,
      @JsonProperty("delta_moe") Long deltaMoe,
      @JsonProperty("percentage") Double percentage,
      @JsonProperty("delta_reason") String deltaReason) {}

  /**
   * The guarantee of the release the answer was computed from (everything the service does with
   * released values is post-processing and costs no further privacy).
   *
   * @param unit the privacy unit: {@code user-day}
   * @param epsilon the largest ε of the read dates' generations (per user-day); null when no date
   *     was read or one of them has no recorded guarantee
   * @param delta the largest δ of the read dates' generations; null with epsilon
   * @param epsilonOverDates Σ ε over the read dates: what a user present on every date of the
   *     answer could lose at most (basic composition); null with epsilon
   */
  @JsonPropertyOrder({"unit", "epsilon", "delta", "epsilon_over_dates"})
  public record Privacy(
      @JsonProperty("unit") String unit,
      @JsonProperty("epsilon") Double epsilon,
      @JsonProperty("delta") Double delta,
      @JsonProperty("epsilon_over_dates") Double epsilonOverDates) {}

  /**
   * The released level ({@code total}, {@code hour}, {@code sbi}, {@code cell}) each part was
   * summed from. {@code cell} values exist only for the cells partition selection kept (cells with
   * few users are left out), so a part from {@code cell} is a lower bound beyond its margin.
   */
  @JsonPropertyOrder({"totals", "points", "timeline", "stats"})
  public record Levels(
      @JsonProperty("totals") String totals,
      @JsonProperty("points") String points,
      @JsonProperty("timeline") String timeline,
      @JsonProperty("stats") String stats) {}
}
