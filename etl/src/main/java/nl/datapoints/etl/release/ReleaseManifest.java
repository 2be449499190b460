package nl.datapoints.etl.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a date's release is and guarantees, written by the driver next to its values as {@code
 * release/dt=D/_release.json} (the leading {@code _} keeps it out of Hadoop's input globbing): the
 * privacy unit, ε and δ of the date, every level's budget, sensitivity and noise scale, and a
 * digest of the values. The publish records ε and δ in the date's generation; a rerun compares
 * digests to tell an identical release from a new one.
 *
 * @param unit the privacy unit ({@code user-day})
 * @param epsilon ε of the date
 * @param delta δ of the date
 * @param levels per level: epsilon, sensitivity and scale; {@code select}: epsilon, delta,
 *     max_cells
 * @param values released values of the date
 * @param cellsSelected CELLs kept by partition selection
 * @param totalHits sum of the released TOTAL hits
 * @param digest hex digest of the date's own released values (order-independent; deltas, which are
 *     D-7's release, left out)
 */
@JsonPropertyOrder({
  "unit",
  "epsilon",
  "delta",
  "levels",
  "values",
  "cells_selected",
  "total_hits",
  "digest"
})
public record ReleaseManifest(
    @JsonProperty("unit") String unit,
    @JsonProperty("epsilon") double epsilon,
    @JsonProperty("delta") double delta,
    @JsonProperty("levels") Map<String, Map<String, Object>> levels,
    @JsonProperty("values") long values,
    @JsonProperty("cells_selected") long cellsSelected,
    @JsonProperty("total_hits") long totalHits,
    @JsonProperty("digest") String digest) {
  /** File name inside {@code release/dt=D}. */
  public static final String FILE = "_release.json";

  /** The privacy unit of every release. */
  public static final String UNIT = "user-day";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * A value's share of its date's {@link #digest}: a 64-bit digest of the value's own fields —
   * member, released hits and noise scale — (a multiply-xorshift mix, not a cryptographic hash: it
   * only has to tell one release of a date from another), 0 for a value kept only for its delta.
   * Summed over a date, equal releases give equal sums whatever the order the values are written
   * in. Deltas and the values kept only for their delta are left out: they are D-7's release, so
   * re-releasing D-7 (a cascade) changes them without drawing any noise for this date, and the
   * date's ε spent, which counts distinct digests, must not grow. The release job and the
   * benchmarks' generated releases both sum this.
   */
  public static long digestOf(ReleasedValue v) {
    if (!v.getReleased()) {
      return 0;
    }
    long h = 0x243F6A8885A308D3L;
    h = mix(h, v.getPc4());
    h = mix(h, v.getLevel().ordinal());
    h = mix(h, v.getHour() == null ? -1 : v.getHour());
    h = mix(h, v.getActivity() == null ? -1 : v.getActivity());
    h = mix(h, v.getSbi() == null ? -1 : v.getSbi().hashCode());
    h = mix(h, v.getHits());
    h = mix(h, Double.doubleToLongBits(v.getHitsScale()));
    return h ^ (h >>> 31);
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }

  /**
   * The budget, sensitivity and scale of every level of {@code p}, as reports and manifests show
   * them.
   */
  public static Map<String, Map<String, Object>> levels(PrivacyParams p) {
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    for (nl.datapoints.schemas.Level l : nl.datapoints.schemas.Level.values()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("epsilon", p.epsilonOf(l).doubleValue());
      m.put("sensitivity", p.sensitivity(l));
      m.put("scale", p.scale(l));
      m.put("max_cells", p.maxCells().get(l));
      m.put("max_hits", p.maxHits().get(l));
      out.put(l.name().toLowerCase(), m);
    }
    Map<String, Object> select = new java.util.LinkedHashMap<>();
    select.put("epsilon", p.selectionEpsilon().doubleValue());
    select.put("delta", p.delta());
    select.put("max_cells", p.maxCells().get(nl.datapoints.schemas.Level.CELL));
    out.put(PrivacyParams.SELECT, select);
    Map<String, Object> events = new java.util.LinkedHashMap<>();
    events.put("max_events", p.maxEvents());
    out.put("user_day", events);
    return out;
  }

  /** Writes the manifest into {@code releaseDir}. */
  public void write(FileSystem fs, Path releaseDir) {
    Path file = new Path(releaseDir, FILE);
    try (OutputStream out = fs.create(file, true)) {
      out.write(JSON.writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
    }
  }

  /** The manifest of a release directory, or empty when it has none. */
  public static Optional<ReleaseManifest> read(FileSystem fs, Path releaseDir) {
    Path file = new Path(releaseDir, FILE);
    try {
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return Optional.of(JSON.readValue(in, ReleaseManifest.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
    }
  }
}
