package nl.datapoints.etl.enrich;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import nl.datapoints.etl.common.Layout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Settings of the enrich job, built in the driver and read back in tasks through the one codec
 * {@link #writeTo}/{@link #readFrom} (keys under {@value #PREFIX}). Holds no secret: the HMAC key
 * travels in the job's credentials.
 *
 * @param rawDir raw zone root holding {@code dt=YYYY-MM-DD} partitions
 * @param refDir reference directory ({@code postcodes.csv}, {@code merchants.csv}, {@code sbi.csv})
 * @param dates partition dates of the batch, non-empty, no duplicates
 * @param skipCorruptFiles whether a corrupt compressed file is skipped (from the corrupt point on)
 *     and reported instead of failing the job
 * @param maxLineBytes longest accepted line in bytes (without newline), 1 to 16 MiB
 */
public record EnrichConfig(
    Path rawDir, Path refDir, List<LocalDate> dates, boolean skipCorruptFiles, int maxLineBytes) {
  /** Configuration key prefix of this job. */
  public static final String PREFIX = "datapoints.enrich.";

  /** Default longest line: 64 KiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 65_536;

  static final int MAX_MAX_LINE_BYTES = 16 << 20;

  private static final String RAW_DIR = PREFIX + "raw-dir";
  private static final String REF_DIR = PREFIX + "ref-dir";
  private static final String DATES = PREFIX + "dates";
  private static final String SKIP_CORRUPT = PREFIX + "skip-corrupt-files";
  private static final String MAX_LINE = PREFIX + "max-line-bytes";

  /** Validates; messages name the option, what is allowed and what was given. */
  public EnrichConfig {
    if (rawDir == null) {
      throw new IllegalArgumentException("--raw must be a directory, got nothing");
    }
    if (refDir == null) {
      throw new IllegalArgumentException("--ref must be a directory, got nothing");
    }
    if (dates == null || dates.isEmpty()) {
      throw new IllegalArgumentException("dates must list at least one date, got none");
    }
    if (new HashSet<>(dates).size() != dates.size()) {
      throw new IllegalArgumentException("dates must not repeat a date, got " + dates);
    }
    if (maxLineBytes < 1 || maxLineBytes > MAX_MAX_LINE_BYTES) {
      throw new IllegalArgumentException(
          "maxLineBytes must be 1-" + MAX_MAX_LINE_BYTES + ", got " + maxLineBytes);
    }
    dates = List.copyOf(dates);
    // One spelling per directory (no trailing slash), so a round trip through text is equal.
    rawDir = new Path(rawDir.toString());
    refDir = new Path(refDir.toString());
  }

  /** A config with the default maximum line length. */
  public EnrichConfig(Path rawDir, Path refDir, List<LocalDate> dates, boolean skipCorruptFiles) {
    this(rawDir, refDir, dates, skipCorruptFiles, DEFAULT_MAX_LINE_BYTES);
  }

  /** The input directory of one date: {@code <raw>/dt=YYYY-MM-DD}. */
  public Path partitionDir(LocalDate date) {
    return Layout.partitionOf(rawDir, date);
  }

  /** Writes this config into the Hadoop configuration (driver). */
  public void writeTo(Configuration conf) {
    conf.set(RAW_DIR, rawDir.toString());
    conf.set(REF_DIR, refDir.toString());
    List<String> text = new ArrayList<>();
    dates.forEach(d -> text.add(d.toString()));
    conf.set(DATES, String.join(",", text));
    conf.setBoolean(SKIP_CORRUPT, skipCorruptFiles);
    conf.setInt(MAX_LINE, maxLineBytes);
  }

  /** Reads the config back (tasks). */
  public static EnrichConfig readFrom(Configuration conf) {
    String raw = conf.get(RAW_DIR);
    String ref = conf.get(REF_DIR);
    String dateList = conf.get(DATES, "");
    if (raw == null || ref == null) {
      throw new IllegalArgumentException(
          RAW_DIR
              + " and "
              + REF_DIR
              + " must be set (EnrichConfig.writeTo), got "
              + raw
              + " and "
              + ref);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (String d : dateList.split(",")) {
      if (d.isBlank()) {
        continue;
      }
      try {
        dates.add(LocalDate.parse(d.strip()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(DATES + " must be YYYY-MM-DD dates, got '" + d + "'", e);
      }
    }
    return new EnrichConfig(
        new Path(raw),
        new Path(ref),
        dates,
        conf.getBoolean(SKIP_CORRUPT, false),
        conf.getInt(MAX_LINE, DEFAULT_MAX_LINE_BYTES));
  }
}
