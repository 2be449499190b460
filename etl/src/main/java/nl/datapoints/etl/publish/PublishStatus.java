package nl.datapoints.etl.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Collectors;
import nl.datapoints.schemas.StoreLayout;

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

  /**
   * True when the table is in the layout this build writes and reads ({@link StoreLayout#VERSION})
   * or does not exist yet; false for a table a publish would refuse (drop it and publish again).
   */
  @JsonProperty("layout_ok")
  public boolean layoutOk() {
    return layout == 0 || layout == StoreLayout.VERSION;
  }

  /** Human-readable lines: the table and its layout, then one line per date. */
  public String format() {
    if (layout == 0) {
      return "table " + table + ": does not exist";
    }
    String head =
        "table "
            + table
            + " (store layout "
            + layout
            + (layoutOk()
                ? ""
                : "; this build writes layout "
                    + StoreLayout.VERSION
                    + ": drop it with scripts/etl drop-table --table "
                    + table
                    + " and publish again")
            + ")";
    if (dates.isEmpty()) {
      return head + ": no published dates";
    }
    return head + "\n" + dates.stream().map(DateStatus::format).collect(Collectors.joining("\n"));
  }
}
