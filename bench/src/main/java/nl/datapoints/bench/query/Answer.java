package nl.datapoints.bench.query;

import java.util.List;
import java.util.Map;

/**
 * One answer in a form both sides can give and {@code equals} compares: the area's postcodes, the
 * totals, and per SBI, per date/hour and per postcode {hits, delta}, each without the entries whose
 * hits and delta are both 0.
 *
 * @param area postcodes of the area, ascending
 * @param totals {total hits, total delta}
 * @param sbi SBI code → {hits, delta}, sorted
 * @param timeline {@code date/hour} → {hits, delta}, sorted
 * @param points postcode → {hits, delta}, sorted
 */
record Answer(
    List<Integer> area,
    List<Long> totals,
    Map<String, List<Long>> sbi,
    Map<String, List<Long>> timeline,
    Map<Integer, List<Long>> points) {

  /** One line for the check's output: sizes and totals. */
  String shape() {
    return "area="
        + area.size()
        + " total="
        + totals.get(0)
        + " delta="
        + totals.get(1)
        + " sbi="
        + sbi.size()
        + " timeline="
        + timeline.size()
        + " points="
        + points.size();
  }
}
