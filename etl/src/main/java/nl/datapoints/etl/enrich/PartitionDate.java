package nl.datapoints.etl.enrich;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the partition date of a raw file from its parent directory {@code dt=YYYY-MM-DD} (pure core). */
public final class PartitionDate {
  private PartitionDate() {}

  /**
   * The date of {@code .../dt=YYYY-MM-DD/file}.
   *
   * @throws IllegalArgumentException when the parent directory is not {@code dt=YYYY-MM-DD}
   */
  public static LocalDate ofFile(String path) {
    int slash = path.lastIndexOf('/');
    int parentStart = slash <= 0 ? -1 : path.lastIndexOf('/', slash - 1);
    String parent = slash <= 0 ? "" : path.substring(parentStart + 1, slash);
    if (parent.startsWith("dt=")) {
      try {
        return LocalDate.parse(parent.substring(3));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("raw file " + path + " must be in a partition directory"
        + " dt=YYYY-MM-DD, got parent '" + parent + "'");
  }
}
