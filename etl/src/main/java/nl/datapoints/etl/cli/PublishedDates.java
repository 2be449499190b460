package nl.datapoints.etl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.datapoints.etl.common.Layout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The dates that have aggregates in the warehouse ({@code aggregates/dt=*}), listed in the driver:
 * the input of {@link CascadePlan}. Other names there (swap-aside copies) are ignored.
 */
final class PublishedDates {
  private PublishedDates() {}

  static SortedSet<LocalDate> list(Configuration conf, Layout layout) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    try {
      FileSystem fs = layout.aggregatesRoot().getFileSystem(conf);
      if (!fs.exists(layout.aggregatesRoot())) {
        return dates;
      }
      for (FileStatus st : fs.listStatus(layout.aggregatesRoot())) {
        if (st.isDirectory()) {
          Layout.parsePartition(st.getPath().getName()).ifPresent(dates::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + layout.aggregatesRoot(), e);
    }
    return dates;
  }
}
