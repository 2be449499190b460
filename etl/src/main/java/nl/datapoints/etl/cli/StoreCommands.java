package nl.datapoints.etl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import nl.datapoints.etl.common.WholeRange;
import nl.datapoints.etl.publish.DateStatus;
import nl.datapoints.etl.publish.PublishConfig;
import nl.datapoints.etl.publish.PublishStatus;
import nl.datapoints.etl.publish.Publisher;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;

/**
 * The commands that only talk to the serving store: {@code rollback}, {@code status}, {@code
 * drop-table} (driver side).
 */
final class StoreCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The bound of {@code --generation}: a generation id is a positive epoch-millis timestamp. */
  static final WholeRange GENERATION_RANGE = new WholeRange("generation", 1, Long.MAX_VALUE);

  private final Configuration conf;
  private final PrintStream out;

  StoreCommands(Configuration conf, PrintStream out) {
    this.conf = conf;
    this.out = out;
  }

  int rollback(Args a) {
    LocalDate date = a.requiredDate("date");
    Optional<Long> gen = a.string("generation").map(g -> a.longValue(GENERATION_RANGE, 0));
    String table = table(a);
    try (Publisher p = Publisher.connect(conf, table, a.string("zookeeper"))) {
      DateStatus st = p.rollback(date, gen);
      out.println("rolled back " + date + " in table " + table + ": " + st.format());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "rolling back " + date + " in HBase table " + table + ": " + e.getMessage(), e);
    }
  }

  int status(Args a) {
    String table = table(a);
    try (Publisher p = Publisher.connect(conf, table, a.string("zookeeper"))) {
      PublishStatus st = p.status(a.date("date"));
      out.println(
          a.flag("json")
              ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(st)
              : st.format());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading status of HBase table " + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * Drops a table; needs --table spelled out, so the default table is never dropped by accident.
   */
  int dropTable(Args a) {
    String table = a.requiredString("table");
    checkStoreOptions(a, table);
    try (Publisher p = Publisher.connect(conf, table, a.string("zookeeper"))) {
      out.println(
          p.dropTable()
              ? "dropped table " + table
              : "table " + table + " does not exist; nothing dropped");
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("dropping HBase table " + table + ": " + e.getMessage(), e);
    }
  }

  /** {@code --table}, with it and {@code --zookeeper} checked by the publish step's own rules. */
  private static String table(Args a) {
    String table = a.string("table", StoreLayout.DEFAULT_TABLE);
    checkStoreOptions(a, table);
    return table;
  }

  private static void checkStoreOptions(Args a, String table) {
    try {
      PublishConfig.checkTable(table);
      a.string("zookeeper").ifPresent(PublishConfig::checkZookeeper);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
