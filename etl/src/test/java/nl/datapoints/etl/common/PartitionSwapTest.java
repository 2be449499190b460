package nl.datapoints.etl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionSwapTest {
  @TempDir Path tmp;

  private final PartitionSwap swap;

  PartitionSwapTest() throws IOException {
    swap = new PartitionSwap(FileSystem.getLocal(new Configuration()));
  }

  private static org.apache.hadoop.fs.Path hp(Path p) {
    return new org.apache.hadoop.fs.Path("file://" + p.toAbsolutePath());
  }

  @Test
  void replacesExistingPartitionWithStagedOne() throws IOException {
    Path target = Files.createDirectories(tmp.resolve("aggregates/dt=2013-01-08"));
    Files.writeString(target.resolve("old.parquet"), "old");
    Path staged = Files.createDirectories(tmp.resolve("staging/dt=2013-01-08"));
    Files.writeString(staged.resolve("new.parquet"), "new");

    swap.replace(hp(staged), hp(target), 42);

    assertTrue(Files.exists(target.resolve("new.parquet")));
    assertFalse(Files.exists(target.resolve("old.parquet")));
    assertFalse(Files.exists(staged));
    try (var s = Files.list(tmp.resolve("aggregates"))) {
      assertEquals(1, s.count(), "no aside copy is left behind");
    }
  }

  @Test
  void createsPartitionWhenNoneExisted() throws IOException {
    Path staged = Files.createDirectories(tmp.resolve("staging/dt=2013-01-08"));
    Files.writeString(staged.resolve("new.parquet"), "new");
    Path target = tmp.resolve("events/dt=2013-01-08");
    swap.replace(hp(staged), hp(target), 42);
    assertEquals("new", Files.readString(target.resolve("new.parquet")));
  }

  @Test
  void recoverRestoresPartitionMovedAsideByAKilledRun() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("aggregates"));
    Path aside = Files.createDirectories(root.resolve("_replaced.dt=2013-01-08.1712345678901"));
    Files.writeString(aside.resolve("old.parquet"), "old");

    swap.recover(hp(root));

    assertEquals("old", Files.readString(root.resolve("dt=2013-01-08/old.parquet")));
    assertFalse(Files.exists(aside));
  }

  @Test
  void recoverDropsAsideCopyWhenReplacementCompleted() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("aggregates"));
    Files.createDirectories(root.resolve("_replaced.dt=2013-01-08.1"));
    Path current = Files.createDirectories(root.resolve("dt=2013-01-08"));
    Files.writeString(current.resolve("new.parquet"), "new");

    swap.recover(hp(root));

    assertEquals("new", Files.readString(current.resolve("new.parquet")));
    assertFalse(Files.exists(root.resolve("_replaced.dt=2013-01-08.1")));
  }
}
