package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import nl.datapoints.etl.aggregate.AggregateConfig;
import nl.datapoints.etl.common.Layout;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** A run's options are checked against the bound of the step that uses them, before any job. */
class PipelineConfigTest {
  private static final Layout L = new Layout(new Path("/r"), new Path("/ref"), new Path("/w"));

  private static PipelineConfig config(
      int minUsers, double maxBad, String zookeeper, String table) {
    return new PipelineConfig(
        L,
        minUsers,
        maxBad,
        Optional.empty(),
        false,
        Optional.ofNullable(zookeeper),
        table,
        Optional.empty(),
        nl.datapoints.etl.release.PrivacyParams.DEFAULT);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void minUsersTakesTheAggregateStepsBound() {
    int max = (int) AggregateConfig.MIN_USERS_RANGE.max();
    assertEquals(max, config(max, 0.01, null, "datapoints").minUsers());
    assertEquals(
        "--min-users must be a whole number in 1..1000, got 1001",
        message(() -> config(max + 1, 0.01, null, "datapoints")));
  }

  @Test
  void maxBadFractionIsAFraction() {
    assertEquals(
        "--max-bad-fraction must be a fraction in 0..1, got 1.5",
        message(() -> config(5, 1.5, null, "datapoints")));
  }

  @Test
  void tableAndZookeeperTakeThePublishStepsRules() {
    assertEquals(
        "--table must be [namespace:]name of letters, digits, '_', '.', '-', got 'a:b:c'",
        message(() -> config(5, 0.01, null, "a:b:c")));
    assertEquals(
        "--zookeeper must be host:port with port 1..65535, got 'zk:0'",
        message(() -> config(5, 0.01, "zk:0", "datapoints")));
    assertEquals("ns:t-1", config(5, 0.01, "zk:2181", "ns:t-1").table());
  }
}
