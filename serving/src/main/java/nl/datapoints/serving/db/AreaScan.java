package nl.datapoints.serving.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The key ranges of an area on one date (pure): runs of consecutive postcode4s, so one scan with a
 * multi-range filter seeks from run to run instead of opening a scanner per row.
 */
final class AreaScan {
  private AreaScan() {}

  /** A run of consecutive postcode4s, both ends included. */
  record Run(int first, int last) {}

  /** The runs of {@code pc4s} (ascending, distinct), in order. */
  static List<Run> runs(int[] pc4s) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < pc4s.length; ) {
      int j = i;
      while (j + 1 < pc4s.length && pc4s[j + 1] == pc4s[j] + 1) {
        j++;
      }
      runs.add(new Run(pc4s[i], pc4s[j]));
      i = j + 1;
    }
    return runs;
  }
}
