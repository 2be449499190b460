package nl.datapoints.etl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import nl.datapoints.etl.publish.DateStatus;
import nl.datapoints.etl.publish.PublishStatus;
import nl.datapoints.etl.publish.Publisher;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;

/** The commands that only talk to the serving store: {@code rollback} and {@code status} (driver side). */
final class StoreCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Configuration conf;
  private final PrintStream out;

  StoreCommands(Configuration conf, PrintStream out) {
    this.conf = conf;
    this.out = out;
  }

  int rollback(Args a) {
    LocalDate date = a.requiredDate("date");
    Optional<Long> gen = a.string("generation").map(g -> a.longValue("generation", 0, 1, Long.MAX_VALUE));
    String table = a.string("table", StoreLayout.DEFAULT_TABLE);
    try (Publisher p = Publisher.connect(conf, table, a.string("zookeeper"))) {
      DateStatus st = p.rollback(date, gen);
      out.println("rolled back " + date + " in table " + table + ": " + st.format());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("rolling back " + date + " in HBase table " + table + ": " + e.getMessage(), e);
    }
  }

  int status(Args a) {
    String table = a.string("table", StoreLayout.DEFAULT_TABLE);
    try (Publisher p = Publisher.connect(conf, table, a.string("zookeeper"))) {
      PublishStatus st = p.status(a.date("date"));
      out.println(a.flag("json") ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(st) : st.format());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("reading status of HBase table " + table + ": " + e.getMessage(), e);
    }
  }
}
