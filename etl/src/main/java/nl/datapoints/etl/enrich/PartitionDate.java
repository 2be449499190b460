package nl.datapoints.etl.enrich;

import java.time.LocalDate;
import nl.datapoints.etl.common.Layout;

/**
 * Reads the partition date of a raw file from its parent directory {@code dt=YYYY-MM-DD} (pure
 * core).
 */
final class PartitionDate {
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
    return Layout.parsePartition(parent)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "raw file "
                        + path
                        + " must be in a partition directory "
                        + Layout.PARTITION_PATTERN
                        + ", got parent '"
                        + parent
                        + "'"));
  }
}
