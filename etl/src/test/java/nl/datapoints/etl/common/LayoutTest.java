package nl.datapoints.etl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/**
 * The on-disk layout is a contract with operators and the docs, so the paths are spelled out here.
 */
class LayoutTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);
  private static final Layout L = new Layout(new Path("/r"), new Path("/ref"), new Path("/w"));

  @Test
  void partitionNameRoundTrips() {
    assertEquals("dt=2013-01-08", Layout.partition(D));
    assertEquals(Optional.of(D), Layout.parsePartition(Layout.partition(D)));
  }

  @Test
  void parseIgnoresNamesThatAreNotAPartition() {
    assertEquals(Optional.empty(), Layout.parsePartition("_replaced.dt=2013-01-08.42"));
    assertEquals(Optional.empty(), Layout.parsePartition("dt=2013-02-30"));
    assertEquals(Optional.empty(), Layout.parsePartition("dt="));
    assertEquals(Optional.empty(), Layout.parsePartition("2013-01-08"));
    assertEquals(Optional.empty(), Layout.parsePartition(null));
  }

  @Test
  void zonePathsOfADate() {
    assertEquals(new Path("/r/dt=2013-01-08"), L.rawPartition(D));
    assertEquals(new Path("/r/_quarantine/dt=2013-01-08"), L.quarantine(D));
    assertEquals(new Path("/r/_quarantine"), L.quarantineRoot());
    assertEquals(new Path("/w/events/dt=2013-01-08"), L.events(D));
    assertEquals(new Path("/w/events"), L.eventsRoot());
    assertEquals(new Path("/w/aggregates/dt=2013-01-08"), L.aggregates(D));
    assertEquals(new Path("/w/aggregates"), L.aggregatesRoot());
    assertEquals(new Path("/w/reports/dt=2013-01-08"), L.reports(D));
  }

  @Test
  void taskSidePathsAgreeWithTheDriverSide() {
    assertEquals(L.events(D), Layout.eventsOf(new Path("/w"), D));
    assertEquals(L.aggregates(D), Layout.aggregatesOf(new Path("/w"), D));
    assertEquals(L.rawPartition(D), Layout.partitionOf(new Path("/r"), D));
  }

  @Test
  void stagedOutputOfATaskIsWhereTheDriverLooks() {
    assertEquals("cells/dt=2013-01-08/part", Layout.stagedPart("cells", D));
    Path staging = L.warehouseStaging(42, "aggregate");
    assertEquals(new Path("/w/_staging/42/aggregate"), staging);
    assertEquals(
        new Path(staging, Layout.stagedPart("cells", D)).getParent(),
        Layout.staged(staging, "cells", D));
    assertEquals(new Path("/r/_staging/42/enrich"), L.enrichStaging(42));
  }
}
