package nl.datapoints.etl.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replaces a partition directory with a staged one so that readers see the old partition or the new
 * one, never half of either (runs in the driver).
 *
 * <p>A directory rename is atomic on HDFS and on a local file system. Replacing needs two: the old
 * partition is renamed aside to {@code _replaced.<name>.<generation>}, then the staged directory is
 * renamed into place, then the old one is deleted. A run killed between the two renames leaves the
 * aside copy; {@link #recover} (called before every run) puts it back, so the previous partition is
 * what survives a failure.
 */
public final class PartitionSwap {
  private static final String ASIDE = "_replaced.";

  private final FileSystem fs;

  public PartitionSwap(FileSystem fs) {
    this.fs = fs;
  }

  /** Moves {@code staged} to {@code target}, replacing what was there. */
  public void replace(Path staged, Path target, long generation) {
    Path aside = new Path(target.getParent(), ASIDE + target.getName() + "." + generation);
    try {
      fs.mkdirs(target.getParent());
      boolean hadOld = fs.exists(target);
      if (hadOld && !fs.rename(target, aside)) {
        throw new IOException("could not move " + target + " aside to " + aside);
      }
      if (!fs.rename(staged, target)) {
        if (hadOld) {
          fs.rename(aside, target);
        }
        throw new IOException("could not move " + staged + " to " + target);
      }
      if (hadOld) {
        fs.delete(aside, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("replacing partition " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Restores partitions under {@code root} whose replacement was interrupted after the old copy was
   * moved aside; deletes aside copies whose replacement completed.
   */
  public void recover(Path root) {
    try {
      if (!fs.exists(root)) {
        return;
      }
      for (var st : fs.listStatus(root)) {
        String name = st.getPath().getName();
        if (!st.isDirectory() || !name.startsWith(ASIDE)) {
          continue;
        }
        String rest = name.substring(ASIDE.length());
        String partition = rest.substring(0, rest.lastIndexOf('.'));
        Path target = new Path(root, partition);
        if (fs.exists(target)) {
          fs.delete(st.getPath(), true);
        } else if (!fs.rename(st.getPath(), target)) {
          throw new IOException("could not restore " + st.getPath() + " to " + target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "recovering partitions under " + root + ": " + e.getMessage(), e);
    }
  }
}
