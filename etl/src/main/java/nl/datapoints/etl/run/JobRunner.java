package nl.datapoints.etl.run;

import java.io.IOException;
import java.io.PrintStream;
import nl.datapoints.etl.common.TaskFailures;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Runs a built {@link Job} to completion in the driver, printing progress, and turns a failure into
 * a {@link StageFailedException} whose message is the first line of the failed task's diagnostics
 * (e.g. the corrupt file's name), never a stack trace.
 */
final class JobRunner {
  private final PrintStream progress;

  JobRunner(PrintStream progress) {
    this.progress = progress;
  }

  void run(Job job, String label) {
    long start = System.nanoTime();
    try {
      job.submit();
      int lastMap = -1;
      int lastReduce = -1;
      long lastPrint = 0;
      while (!job.isComplete()) {
        Thread.sleep(500);
        // The local runner's progress can step back between tasks; show it as monotone.
        int map = Math.max(lastMap, (int) (job.mapProgress() * 100));
        int reduce =
            job.getNumReduceTasks() == 0
                ? 100
                : Math.max(lastReduce, (int) (job.reduceProgress() * 100));
        long now = System.nanoTime();
        if ((map != lastMap || reduce != lastReduce) && now - lastPrint > 5_000_000_000L) {
          progress.printf("  %s: map %d%% reduce %d%%%n", label, map, reduce);
          lastMap = map;
          lastReduce = reduce;
          lastPrint = now;
        }
      }
      if (!job.isSuccessful()) {
        throw new StageFailedException(label + " job failed: " + diagnosis(job));
      }
      progress.printf("  %s: done in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StageFailedException(label + " job interrupted", e);
    } catch (IOException | ClassNotFoundException e) {
      throw new StageFailedException(label + " job could not run: " + e.getMessage(), e);
    }
  }

  private static String diagnosis(Job job) throws IOException, InterruptedException {
    for (int from = 0; ; ) {
      TaskCompletionEvent[] events = job.getTaskCompletionEvents(from, 100);
      if (events.length == 0) {
        break;
      }
      for (TaskCompletionEvent e : events) {
        if (e.getStatus() == TaskCompletionEvent.Status.FAILED
            || e.getStatus() == TaskCompletionEvent.Status.TIPFAILED) {
          String[] diags = job.getTaskDiagnostics(e.getTaskAttemptId());
          if (diags != null && diags.length > 0) {
            return firstCause(diags[0]);
          }
        }
      }
      from += events.length;
    }
    // The local runner reports no task diagnostics; failing tasks leave a note instead.
    var note = TaskFailures.first(job.getConfiguration(), FileOutputFormat.getOutputPath(job));
    if (note.isPresent()) {
      return firstCause(note.get());
    }
    String info = job.getStatus().getFailureInfo();
    return info == null || info.isBlank()
        ? job.getStatus().getState().toString()
        : firstCause(info);
  }

  /** The first line of a diagnostic, without the exception class name in front. */
  static String firstCause(String diagnostic) {
    String line = diagnostic.strip().lines().findFirst().orElse("");
    int colon = line.indexOf(": ");
    if (colon > 0 && line.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
      line = line.substring(colon + 2);
    }
    return line;
  }
}
