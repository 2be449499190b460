package nl.datapoints.etl.common;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Where every partition of the pipeline lives (SPEC §5), for the driver.
 *
 * <p>The raw zone ({@code raw}) holds the logs, the quarantine and the enrich staging area
 * (which holds quarantined raw lines until they are moved); the warehouse holds only
 * anonymized data. Directories whose names start with {@code _} or {@code .} are invisible to
 * Hadoop's input globbing, which is what keeps staging and swap-aside copies out of readers.
 *
 * @param raw the raw zone root
 * @param ref the reference data directory
 * @param warehouse the warehouse root
 */
public record Layout(Path raw, Path ref, Path warehouse) {
  public static String partition(LocalDate date) {
    return "dt=" + date;
  }

  public Path rawPartition(LocalDate date) {
    return new Path(raw, partition(date));
  }

  public Path quarantine(LocalDate date) {
    return new Path(new Path(raw, "_quarantine"), partition(date));
  }

  public Path events(LocalDate date) {
    return new Path(new Path(warehouse, "events"), partition(date));
  }

  public Path aggregates(LocalDate date) {
    return new Path(new Path(warehouse, "aggregates"), partition(date));
  }

  public Path aggregatesRoot() {
    return new Path(warehouse, "aggregates");
  }

  public Path reports(LocalDate date) {
    return new Path(new Path(warehouse, "reports"), partition(date));
  }

  /** Staging of the enrich job: in the raw zone, because it holds quarantined raw lines. */
  public Path enrichStaging(long generation) {
    return new Path(new Path(raw, "_staging"), generation + "/enrich");
  }

  /** Staging of jobs whose output is anonymized. */
  public Path warehouseStaging(long generation, String stage) {
    return new Path(new Path(warehouse, "_staging"), generation + "/" + stage);
  }
}
