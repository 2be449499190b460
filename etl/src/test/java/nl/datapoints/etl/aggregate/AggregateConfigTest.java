package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class AggregateConfigTest {
  private static final Path WH = new Path("file:///tmp/wh");
  private static final LocalDate D1 = LocalDate.parse("2013-01-01");
  private static final LocalDate D2 = LocalDate.parse("2013-01-08");
  private static final LocalDate D3 = LocalDate.parse("2013-01-03");

  @Test
  void roundTripsThroughConfiguration() {
    AggregateConfig c = new AggregateConfig(WH, List.of(D2, D1, D3), Set.of(D1, D3), 7, 4, 123);
    Configuration conf = new Configuration(false);
    c.writeTo(conf);
    AggregateConfig back = AggregateConfig.readFrom(conf);
    assertEquals(c, back);
    assertEquals(List.of(D1, D3, D2), back.dates());
    assertEquals("2013-01-01,2013-01-03,2013-01-08", conf.get("datapoints.aggregate.dates"));
  }

  @Test
  void defaultsToOneReducerPerDate() {
    AggregateConfig c = AggregateConfig.of(WH, List.of(D1, D2, D3), Set.of(D1), 5);
    assertEquals(3, c.effectiveReducers());
    assertEquals(2, c.withReducers(2).effectiveReducers());
  }

  @Test
  void normalisesDuplicateDates() {
    assertEquals(List.of(D1), AggregateConfig.of(WH, List.of(D1, D1), null, 5).dates());
  }

  @Test
  void rejectsMinUsersBelowOne() {
    assertMessage(
        "--min-users must be a whole number in 1..1000, got 0",
        () -> AggregateConfig.of(WH, List.of(D1), null, 0));
  }

  @Test
  void rejectsEmptyBatch() {
    assertMessage(
        "dates must hold at least one date", () -> AggregateConfig.of(WH, List.of(), null, 5));
  }

  @Test
  void rejectsBaselineMissingOutsideBatch() {
    assertMessage(
        "baselineMissing may only hold dates of the batch",
        () -> AggregateConfig.of(WH, List.of(D1), List.of(D2), 5));
  }

  @Test
  void rejectsBaselineMissingWhoseBaselineIsInBatch() {
    assertMessage(
        "baselineMissing holds 2013-01-08 but its baseline 2013-01-01 is in the batch",
        () -> AggregateConfig.of(WH, List.of(D1, D2), List.of(D2), 5));
  }

  @Test
  void rejectsNegativeReducers() {
    assertMessage(
        "reducers must be >= 0",
        () -> AggregateConfig.of(WH, List.of(D1), null, 5).withReducers(-1));
  }

  @Test
  void readingAnUnsetConfigurationNamesTheKey() {
    assertMessage(
        "datapoints.aggregate.warehouse-dir is not set",
        () -> AggregateConfig.readFrom(new Configuration(false)));
  }

  @Test
  void readingABadDateNamesTheKeyAndValue() {
    Configuration conf = new Configuration(false);
    AggregateConfig.of(WH, List.of(D1), null, 5).writeTo(conf);
    conf.set("datapoints.aggregate.dates", "2013-01-01,13/01/2013");
    assertMessage(
        "datapoints.aggregate.dates must be comma-separated YYYY-MM-DD dates, had "
            + "'13/01/2013'",
        () -> AggregateConfig.readFrom(conf));
  }

  private static void assertMessage(String expected, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
