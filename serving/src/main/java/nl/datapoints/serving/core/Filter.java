package nl.datapoints.serving.core;

import java.util.List;

/**
 * The optional {@code sbi} and {@code activity} filters of an area query; empty lists mean "no
 * filter on that dimension". Lists are sorted and distinct so equal filters are equal keys.
 *
 * @param sbi accepted SBI codes
 * @param activity accepted activity ids
 */
record Filter(List<String> sbi, List<Integer> activity) {
  /** No filter at all. */
  public static final Filter NONE = new Filter(List.of(), List.of());

  public Filter {
    sbi = List.copyOf(sbi);
    activity = List.copyOf(activity);
  }

  /**
   * True when nothing is filtered, so the area block (TOTAL, HOUR, SBI) answers the query alone.
   */
  public boolean isEmpty() {
    return sbi.isEmpty() && activity.isEmpty();
  }
}
