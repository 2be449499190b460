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
    @JsonProperty("finished_at") String finishedAt) {

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
