package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {
  static final List<LocalDate> DATES =
      List.of(LocalDate.parse("2013-01-08"), LocalDate.parse("2013-01-15"));

  @Test
  void roundTripsThroughConfiguration() {
    EnrichConfig config =
        new EnrichConfig(new Path("hdfs://nn/raw"), new Path("/ref"), DATES, true, 1000);
    Configuration conf = new Configuration(false);
    config.writeTo(conf);
    assertEquals(config, EnrichConfig.readFrom(conf));
  }

  @Test
  void writesOnlyUnderItsPrefix() {
    Configuration conf = new Configuration(false);
    new EnrichConfig(new Path("/raw"), new Path("/ref"), DATES, false).writeTo(conf);
    conf.forEach(e -> assertTrue(e.getKey().startsWith(EnrichConfig.PREFIX), e.getKey()));
  }

  @Test
  void defaultsTo64KibLines() {
    assertEquals(
        65_536, new EnrichConfig(new Path("/raw"), new Path("/ref"), DATES, false).maxLineBytes());
  }

  @Test
  void namesThePartitionDirectory() {
    assertEquals(
        new Path("/raw/dt=2013-01-08"),
        new EnrichConfig(new Path("/raw"), new Path("/ref"), DATES, false)
            .partitionDir(LocalDate.parse("2013-01-08")));
  }

  @Test
  void rejectsNoDates() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EnrichConfig(new Path("/raw"), new Path("/ref"), List.of(), false));
    assertTrue(e.getMessage().contains("at least one date"), e.getMessage());
  }

  @Test
  void rejectsRepeatedDate() {
    LocalDate d = LocalDate.parse("2013-01-08");
    assertThrows(
        IllegalArgumentException.class,
        () -> new EnrichConfig(new Path("/raw"), new Path("/ref"), List.of(d, d), false));
  }

  @Test
  void rejectsZeroMaxLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EnrichConfig(new Path("/raw"), new Path("/ref"), DATES, false, 0));
    assertTrue(e.getMessage().contains("maxLineBytes must be 1-16777216, got 0"), e.getMessage());
  }

  @Test
  void readingAnUnconfiguredJobFailsClearly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EnrichConfig.readFrom(new Configuration(false)));
    assertTrue(e.getMessage().contains("datapoints.enrich.raw-dir"), e.getMessage());
  }
}
