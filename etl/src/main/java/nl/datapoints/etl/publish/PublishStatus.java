package nl.datapoints.etl.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Published dates, ascending (driver; what {@code etl status} prints or serializes to JSON).
 *
 * @param table the HBase table
 * @param dates one entry per published date
 */
public record PublishStatus(String table, List<DateStatus> dates) {
  public PublishStatus {
    dates = List.copyOf(dates);
  }

  /** Human-readable lines, one per date. */
  public String format() {
    if (dates.isEmpty()) {
      return "table " + table + ": no published dates";
    }
    return dates.stream().map(DateStatus::format).collect(Collectors.joining("\n"));
  }
}
