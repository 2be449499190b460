package nl.datapoints.etl.publish;

import java.util.List;

/**
 * Outcome of one publish (driver).
 *
 * @param generation the generation now current for every date of the batch
 * @param dates the new pointers
 * @param hfileJobMillis wall time of the HFile job
 * @param bulkLoadMillis wall time of the bulk load
 */
public record PublishResult(
    long generation, List<DateStatus> dates, long hfileJobMillis, long bulkLoadMillis) {
  public PublishResult {
    dates = List.copyOf(dates);
  }
}
