package nl.datapoints.etl.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Why a task failed, as one line under {@code _task-failures/} of the job output dir: written by a
 * failing task, read by the driver. Hadoop's local runner gives the driver no task diagnostics (no
 * completion events, failure info "NA"), so without this a local run could not name, e.g., the
 * corrupt file that stopped it; on YARN the diagnostics come first anyway.
 */
public final class TaskFailures {
  static final String DIR = "_task-failures";

  private TaskFailures() {}

  /** Records the first line of {@code failure} for the driver (tasks); never throws. */
  public static void record(TaskAttemptContext context, Throwable failure) {
    try {
      Path output = FileOutputFormat.getOutputPath(context);
      if (output == null) {
        return;
      }
      Path note = new Path(new Path(output, DIR), context.getTaskAttemptID().toString());
      FileSystem fs = note.getFileSystem(context.getConfiguration());
      try (FSDataOutputStream out = fs.create(note, true)) {
        out.write(firstLine(failure).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException ignored) {
      // The task is failing already; its own exception is what Hadoop reports.
    }
  }

  /** The first recorded failure under {@code outputDir}, if any task recorded one (driver). */
  public static Optional<String> first(Configuration conf, Path outputDir) {
    if (outputDir == null) {
      return Optional.empty();
    }
    try {
      Path dir = new Path(outputDir, DIR);
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return Optional.empty();
      }
      FileStatus[] notes = fs.listStatus(dir, p -> !p.getName().startsWith("."));
      Arrays.sort(notes);
      for (FileStatus st : notes) {
        byte[] bytes = new byte[(int) Math.min(st.getLen(), 4096)];
        try (var in = fs.open(st.getPath())) {
          in.readFully(bytes);
        }
        String line = new String(bytes, StandardCharsets.UTF_8).strip();
        if (!line.isEmpty()) {
          return Optional.of(line);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.strip().lines().findFirst().orElse(t.getClass().getSimpleName());
  }
}
