package nl.datapoints.etl.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Published dates, ascending (driver; what {@code etl status} prints or serializes to JSON).
 *
 * @param table the HBase table
 * @param layout the store layout version the table records (0 when the table does not exist)
 * @param dates one entry per published date
 */
public record PublishStatus(String table, int layout, List<DateStatus> dates) {
  public PublishStatus {
    dates = List.copyOf(dates);
  }

  /** Human-readable lines: the table and its layout, then one line per date. */
  public String format() {
    if (layout == 0) {
      return "table " + table + ": does not exist";
    }
    String head = "table " + table + " (store layout " + layout + ")";
    if (dates.isEmpty()) {
      return head + ": no published dates";
    }
    return head + "\n" + dates.stream().map(DateStatus::format).collect(Collectors.joining("\n"));
  }
}
