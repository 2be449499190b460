package nl.datapoints.etl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.datapoints.etl.common.Layout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The dates that have aggregates or a release in the warehouse ({@code aggregates/dt=*}, {@code
 * release/dt=*}), listed in the driver: the input of {@link CascadePlan}. Both count, because a
 * date's aggregates take their delta from D-7's aggregates and its release from D-7's release.
 * Other names there (swap-aside copies) are ignored.
 */
final class PublishedDates {
  private PublishedDates() {}

  static SortedSet<LocalDate> list(Configuration conf, Layout layout) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (Path root : List.of(layout.aggregatesRoot(), layout.releaseRoot())) {
      try {
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.exists(root)) {
          continue;
        }
        for (FileStatus st : fs.listStatus(root)) {
          if (st.isDirectory()) {
            Layout.parsePartition(st.getPath().getName()).ifPresent(dates::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("listing " + root, e);
      }
    }
    return dates;
  }
}
