package nl.datapoints.etl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import nl.datapoints.etl.common.RunReport;

/**
 * Hands a run's report to Oozie when the driver runs as a java action with {@code
 * <capture-output/>} (runs in the driver): Oozie names the file in the system property {@value
 * #PROPERTY}, and the workflow's decision nodes read {@code status}, {@code accounting_ok}, {@code
 * released} and {@code published} from it. Does nothing outside Oozie.
 */
final class OozieOutput {
  static final String PROPERTY = "oozie.action.output.properties";

  private OozieOutput() {}

  static void write(RunReport report, org.apache.hadoop.fs.Path reportPath) {
    String file = System.getProperty(PROPERTY);
    if (file == null || file.isBlank()) {
      return;
    }
    Properties p = properties(report, reportPath);
    try (OutputStream out = Files.newOutputStream(Path.of(file))) {
      p.store(out, "datapoints run report");
    } catch (IOException e) {
      throw new UncheckedIOException("writing Oozie action output " + file, e);
    }
  }

  static Properties properties(RunReport report, org.apache.hadoop.fs.Path reportPath) {
    Properties p = new Properties();
    p.setProperty("date", report.date());
    p.setProperty("status", report.status());
    p.setProperty("generation", Long.toString(report.generation()));
    p.setProperty("accounting_ok", Boolean.toString(report.accountingOk()));
    p.setProperty("published", Boolean.toString(report.published()));
    p.setProperty("lines_read", Long.toString(report.linesRead()));
    p.setProperty("events", Long.toString(report.events()));
    p.setProperty("quarantined", Long.toString(report.quarantinedTotal()));
    p.setProperty("cells_published", Long.toString(report.cellsPublished()));
    p.setProperty("baseline_missing", Boolean.toString(report.baselineMissing()));
    // The release stage's decision node reads "released"; the rest is for the operator.
    p.setProperty("released", Boolean.toString(report.release() != null));
    if (report.release() != null) {
      p.setProperty("release_values", Long.toString(report.release().values()));
      p.setProperty("release_digest", report.release().digest());
    }
    if (report.privacy() != null) {
      p.setProperty("epsilon_spent", Double.toString(report.privacy().epsilonSpent()));
    }
    p.setProperty("report", reportPath.toString());
    return p;
  }
}
