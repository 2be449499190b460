package nl.datapoints.schemas;

/**
 * One entry of a {@link CellBlock}: the part of a {@link Cell} that is not in the row key.
 *
 * @param hour local hour 0-23, or {@link #ALL} in a rollup over hours
 * @param activity activity id 1-65535, or {@link #ALL} in a rollup over activities
 * @param sbi SBI code, or "" in a rollup over SBI codes
 * @param hits published hits, never negative
 * @param delta published hits of D-7, or null when the date has no baseline
 */
public record PackedCell(int hour, int activity, String sbi, long hits, Long delta) {
  /** Marks a dimension summed over in a rollup entry. */
  public static final int ALL = 0;

  public PackedCell {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be in 0..23, got " + hour);
    }
    if (activity < 0 || activity > 65535) {
      throw new IllegalArgumentException("activity must be in 0..65535, got " + activity);
    }
    if (sbi == null || sbi.length() > 5) {
      throw new IllegalArgumentException("sbi must be at most 5 characters, got " + sbi);
    }
    if (hits < 0) {
      throw new IllegalArgumentException("hits must not be negative, got " + hits);
    }
    if (delta != null && delta < 0) {
      throw new IllegalArgumentException("delta must not be negative, got " + delta);
    }
  }
}
