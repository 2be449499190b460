package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import nl.datapoints.etl.common.Layout;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);
  @TempDir Path tmp;
  private Layout layout;
  private Warehouse wh;

  @BeforeEach
  void open() {
    layout =
        new Layout(
            hadoop(tmp.resolve("raw")), hadoop(tmp.resolve("ref")), hadoop(tmp.resolve("wh")));
    wh = Warehouse.open(new Configuration(), layout);
  }

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  @Test
  void aDateWhoseTasksWroteNothingBecomesAnEmptyPartition() throws IOException {
    org.apache.hadoop.fs.Path staging = layout.warehouseStaging(7, "aggregate");
    wh.swapIn(Layout.staged(staging, "cells", D), layout.aggregates(D), 7);
    Path target = tmp.resolve("wh/aggregates/dt=2013-01-08");
    assertTrue(Files.isDirectory(target));
    try (var s = Files.list(target)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void aStagedPartitionReplacesTheOldOne() throws IOException {
    Files.createDirectories(tmp.resolve("wh/events/dt=2013-01-08"))
        .resolve("old")
        .toFile()
        .createNewFile();
    org.apache.hadoop.fs.Path staging = layout.warehouseStaging(7, "enrich");
    Files.createDirectories(tmp.resolve("wh/_staging/7/enrich/events/dt=2013-01-08"))
        .resolve("new")
        .toFile()
        .createNewFile();
    wh.swapIn(Layout.staged(staging, "events", D), layout.events(D), 7);
    assertTrue(Files.exists(tmp.resolve("wh/events/dt=2013-01-08/new")));
    assertFalse(Files.exists(tmp.resolve("wh/events/dt=2013-01-08/old")));
  }

  @Test
  void cleaningAFailedRunRemovesBothStagingAreasOfItsGenerationOnly() throws IOException {
    Files.createDirectories(tmp.resolve("raw/_staging/7/enrich/stats"));
    Files.createDirectories(tmp.resolve("wh/_staging/7/aggregate/cells"));
    Files.createDirectories(tmp.resolve("wh/_staging/8/aggregate"));
    wh.cleanStaging(7);
    assertFalse(Files.exists(tmp.resolve("raw/_staging/7")));
    assertFalse(Files.exists(tmp.resolve("wh/_staging/7")));
    assertTrue(Files.exists(tmp.resolve("wh/_staging/8/aggregate")));
  }

  @Test
  void aDateWithoutReportsHasNoLatestReport() {
    assertEquals(Optional.empty(), wh.latestReport(D));
    assertFalse(wh.exists(layout.reports(D)));
  }
}
