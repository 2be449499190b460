package nl.datapoints.etl.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run report of one date (docs/formats.md §4.4), written by the driver as {@code
 * reports/dt=D/<generation>.json} and {@code latest.json}. Holds counts only: no user id, IP,
 * postcode or secret ever goes into it.
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunReport(
    @JsonProperty("date") String date,
    @JsonProperty("generation") long generation,
    @JsonProperty("status") String status,
    @JsonProperty("message") String message,
    @JsonProperty("lines_read") long linesRead,
    @JsonProperty("events") long events,
    @JsonProperty("empty_lines") long emptyLines,
    @JsonProperty("quarantined") Map<String, Long> quarantined,
    @JsonProperty("quarantined_total") long quarantinedTotal,
    @JsonProperty("accounting_ok") boolean accountingOk,
    @JsonProperty("cells_published") long cellsPublished,
    @JsonProperty("cells_suppressed") long cellsSuppressed,
    @JsonProperty("hits_published") long hitsPublished,
    @JsonProperty("hits_suppressed") long hitsSuppressed,
    @JsonProperty("baseline_missing") boolean baselineMissing,
    @JsonProperty("corrupt_files") List<String> corruptFiles,
    @JsonProperty("published") boolean published,
    @JsonProperty("min_users") int minUsers,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("finished_at") String finishedAt,
    @JsonProperty("release") Release release,
    @JsonProperty("bounding") Bounding bounding,
    @JsonProperty("privacy") Privacy privacy) {

  /**
   * What the release of the date holds (null when this run did not release or publish it).
   *
   * @param values released values (every public member of every gazetteer pc4, plus cells)
   * @param cellsSelected CELLs kept by partition selection
   * @param totalHits sum of the released TOTAL hits (noisy)
   * @param digest hex digest of the date's own released values (member, hits, scale; not the
   *     deltas, which are D-7's): equal digests, the same noise drawn
   */
  @JsonPropertyOrder({"values", "cells_selected", "total_hits", "digest"})
  public record Release(
      @JsonProperty("values") long values,
      @JsonProperty("cells_selected") long cellsSelected,
      @JsonProperty("total_hits") long totalHits,
      @JsonProperty("digest") String digest) {}

  /**
   * What the contribution bounds did to the date (null when this run did not release it).
   *
   * @param users user-days of the date
   * @param usersTouched user-days a bound removed something of
   * @param eventsKept events within the per-user-day cap
   * @param eventsDropped events above it
   * @param cellsDropped per level, members above the per-level cap
   * @param hitsClamped per level, hits above the per-member cap
   */
  @JsonPropertyOrder({
    "users",
    "users_touched",
    "events_kept",
    "events_dropped",
    "cells_dropped",
    "hits_clamped"
  })
  public record Bounding(
      @JsonProperty("users") long users,
      @JsonProperty("users_touched") long usersTouched,
      @JsonProperty("events_kept") long eventsKept,
      @JsonProperty("events_dropped") long eventsDropped,
      @JsonProperty("cells_dropped") Map<String, Long> cellsDropped,
      @JsonProperty("hits_clamped") Map<String, Long> hitsClamped) {}

  /**
   * The date's guarantee and what it has cost so far.
   *
   * @param unit the privacy unit ({@code user-day})
   * @param epsilon ε of this release of the date
   * @param delta δ of this release
   * @param epsilonSpent ε spent on the date over every distinct release of it (a rerun on unchanged
   *     input costs nothing, one on changed input draws fresh noise and costs ε again)
   * @param releases distinct releases of the date so far
   * @param levels per level its ε, sensitivity and noise scale; {@code select}: ε, δ, cells per
   *     user
   */
  @JsonPropertyOrder({"unit", "epsilon", "delta", "epsilon_spent", "releases", "levels"})
  public record Privacy(
      @JsonProperty("unit") String unit,
      @JsonProperty("epsilon") double epsilon,
      @JsonProperty("delta") double delta,
      @JsonProperty("epsilon_spent") double epsilonSpent,
      @JsonProperty("releases") int releases,
      @JsonProperty("levels") Map<String, Map<String, Object>> levels) {}

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Writes {@code <generation>.json} and {@code latest.json}; returns the former's path. */
  public Path write(FileSystem fs, Path reportsDir) {
    Path own = new Path(reportsDir, generation + ".json");
    try {
      fs.mkdirs(reportsDir);
      byte[] bytes = JSON.writeValueAsBytes(this);
      for (Path p : List.of(own, new Path(reportsDir, "latest.json"))) {
        Path tmp = new Path(reportsDir, "_" + p.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
          out.write(bytes);
        }
        fs.delete(p, false);
        if (!fs.rename(tmp, p)) {
          throw new IOException("could not rename " + tmp + " to " + p);
        }
      }
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException("writing run report " + own + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every report of a date's directory (one per generation), oldest first; {@code latest.json}
   * excluded.
   */
  public static List<RunReport> readAll(FileSystem fs, Path reportsDir) {
    try {
      if (!fs.exists(reportsDir)) {
        return List.of();
      }
      List<RunReport> out = new java.util.ArrayList<>();
      for (var st : fs.listStatus(reportsDir, p -> p.getName().matches("\\d+\\.json"))) {
        read(fs, st.getPath()).ifPresent(out::add);
      }
      out.sort(java.util.Comparator.comparingLong(RunReport::generation));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "listing run reports in " + reportsDir + ": " + e.getMessage(), e);
    }
  }

  /** Reads a report, or empty when there is none. */
  public static Optional<RunReport> read(FileSystem fs, Path file) {
    try {
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return Optional.of(JSON.readValue(in, RunReport.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading run report " + file + ": " + e.getMessage(), e);
    }
  }
}
