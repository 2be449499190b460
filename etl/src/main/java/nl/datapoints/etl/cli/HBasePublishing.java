package nl.datapoints.etl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.etl.publish.PublishConfig;
import nl.datapoints.etl.publish.PublishResult;
import nl.datapoints.etl.publish.Publisher;
import nl.datapoints.etl.run.Pipeline;
import nl.datapoints.etl.run.PipelineConfig;
import nl.datapoints.schemas.Generation;
import org.apache.hadoop.conf.Configuration;

/** Publishing a run's dates through HBase bulk load, connected per publish (driver side). */
final class HBasePublishing implements Pipeline.Publishing {
  private final Configuration conf;
  private final PipelineConfig cfg;
  private final PrintStream out;

  HBasePublishing(Configuration conf, PipelineConfig cfg, PrintStream out) {
    this.conf = conf;
    this.cfg = cfg;
    this.out = out;
  }

  @Override
  public Map<LocalDate, Generation> publish(List<LocalDate> dates, long generation) {
    PublishConfig pc =
        PublishConfig.of(
            cfg.layout().warehouse().toString(), dates, generation, cfg.table(), cfg.zookeeper());
    try (Publisher p = Publisher.connect(conf, cfg.table(), cfg.zookeeper())) {
      PublishResult r = p.publish(pc);
      out.printf(
          "  publish: HFile job %.1f s, bulk load %.1f s%n",
          r.hfileJobMillis() / 1e3, r.bulkLoadMillis() / 1e3);
      Map<LocalDate, Generation> live = new TreeMap<>();
      r.dates().forEach(d -> live.put(LocalDate.parse(d.date()), d.current()));
      return live;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "publishing to HBase table " + cfg.table() + ": " + e.getMessage(), e);
    }
  }
}
