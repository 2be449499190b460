package nl.datapoints.etl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.PartitionSwap;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.common.StageStats;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Every file-system operation of a run, in the driver: existence checks, swapping staged partitions
 * in, recovering interrupted swaps, cleaning staging, and reading figures and reports. An I/O
 * failure is an {@link UncheckedIOException} naming the path.
 */
final class Warehouse {
  private final FileSystem fs;
  private final Layout layout;
  private final PartitionSwap swap;

  private Warehouse(FileSystem fs, Layout layout) {
    this.fs = fs;
    this.layout = layout;
    this.swap = new PartitionSwap(fs);
  }

  /** The file system of the layout's warehouse (raw zone and warehouse share it). */
  static Warehouse open(Configuration conf, Layout layout) {
    try {
      return new Warehouse(layout.warehouse().getFileSystem(conf), layout);
    } catch (IOException e) {
      throw new UncheckedIOException("opening file system of " + layout.warehouse(), e);
    }
  }

  Layout layout() {
    return layout;
  }

  FileSystem fileSystem() {
    return fs;
  }

  void mkdirs(Path p) {
    try {
      fs.mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException("creating " + p, e);
    }
  }

  /** Every earlier report of {@code date}, oldest first. */
  List<RunReport> reports(LocalDate date) {
    return RunReport.readAll(fs, layout.reports(date));
  }

  boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("checking " + p, e);
    }
  }

  /**
   * Makes {@code staged} the partition {@code target}, replacing what was there; a date whose tasks
   * wrote nothing (no staged directory) becomes an empty partition.
   */
  void swapIn(Path staged, Path target, long generation) {
    try {
      fs.mkdirs(staged);
    } catch (IOException e) {
      throw new UncheckedIOException("creating " + staged, e);
    }
    swap.replace(staged, target, generation);
  }

  /** Puts back partitions whose swap a killed run interrupted (before every run). */
  void recover() {
    swap.recover(layout.eventsRoot());
    swap.recover(layout.aggregatesRoot());
    swap.recover(layout.releaseRoot());
    swap.recover(layout.quarantineRoot());
  }

  /** The per-date figures a job's tasks wrote under its output directory. */
  StageStats stats(Path jobOutput) {
    return StageStats.read(fs, jobOutput);
  }

  /** The date's latest report, if it has one. */
  Optional<RunReport> latestReport(LocalDate date) {
    return RunReport.read(fs, new Path(layout.reports(date), "latest.json"));
  }

  /** Writes the report of its date; returns its path. */
  Path write(RunReport report, LocalDate date) {
    return report.write(fs, layout.reports(date));
  }

  /** Removes the staging of one stage's job once its output is swapped in. */
  void dropStaging(Path jobOutput) {
    deleteQuietly(jobOutput.getParent());
  }

  /** Removes whatever staging a failed run of {@code generation} left. */
  void cleanStaging(long generation) {
    deleteQuietly(layout.enrichStaging(generation).getParent());
    deleteQuietly(layout.warehouseStaging(generation, "x").getParent());
  }

  private void deleteQuietly(Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException ignored) {
      // Staging is keyed by generation and invisible to readers; a leftover harms nothing.
    }
  }
}
