package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class PublishConfigTest {
  private static final LocalDate D1 = LocalDate.of(2013, 1, 8);
  private static final LocalDate D2 = LocalDate.of(2013, 1, 9);

  @Test
  void roundTripsThroughTheConfiguration() {
    PublishConfig c =
        new PublishConfig(
            "hdfs:///w", List.of(D2, D1, D2), 17L, "ns:datapoints", Optional.of("zk1:2181"), 4, 5);
    Configuration conf = new Configuration(false);
    c.writeTo(conf);
    PublishConfig back = PublishConfig.readFrom(conf);
    assertEquals(c, back);
    assertEquals(List.of(D1, D2), back.dates(), "sorted, without duplicates");
    assertEquals("zk1:2181", conf.get("datapoints.publish.zookeeper"));
  }

  @Test
  void roundTripsWithoutZookeeper() {
    PublishConfig c = PublishConfig.of("/w", List.of(D1), 1L, "datapoints", Optional.empty());
    Configuration conf = new Configuration(false);
    conf.set("datapoints.publish.zookeeper", "stale:1");
    c.writeTo(conf);
    assertEquals(Optional.empty(), PublishConfig.readFrom(conf).zookeeper());
    assertEquals(3, c.keepGenerations());
  }

  @Test
  void rejectsFewerThanThreeKeptGenerations() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PublishConfig("/w", List.of(D1), 1L, "t", Optional.empty(), 2, 1));
    assertTrue(
        e.getMessage().contains("keepGenerations must be in 3..5")
            && e.getMessage().contains("got 2"),
        e.getMessage());
  }

  @Test
  void rejectsMoreKeptGenerationsThanTheFamilyStores() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PublishConfig("/w", List.of(D1), 1L, "t", Optional.empty(), 6, 1));
  }

  @Test
  void rejectsZookeeperWithoutPort() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PublishConfig.of("/w", List.of(D1), 1L, "t", Optional.of("localhost")));
    assertTrue(
        e.getMessage().contains("--zookeeper") && e.getMessage().contains("'localhost'"),
        e.getMessage());
  }

  @Test
  void rejectsEmptyBatchBadTableAndNonPositiveGeneration() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PublishConfig.of("/w", List.of(), 1L, "t", Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PublishConfig.of("/w", List.of(D1), 1L, "bad table", Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PublishConfig.of("/w", List.of(D1), 0L, "t", Optional.empty()));
  }

  @Test
  void readingAnEmptyConfigurationNamesTheMissingKey() {
    Configuration conf = new Configuration(false);
    conf.set("datapoints.publish.dates", "2013-01-08");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PublishConfig.readFrom(conf));
    assertTrue(e.getMessage().contains("datapoints.publish.warehouse"), e.getMessage());
  }
}
