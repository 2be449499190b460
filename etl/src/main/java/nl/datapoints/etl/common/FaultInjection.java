package nl.datapoints.etl.common;

import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * A test hook (runs in tasks): makes the first attempt of task 0 of a stage fail at the end of the
 * task, after it has written all its output and figures, so that a test on a cluster that retries
 * tasks (YARN, not the local runner) can show a retried attempt changes nothing.
 *
 * <p>Off unless {@value #FAIL_FIRST_ATTEMPT} lists the stage (comma-separated: {@code enrich},
 * {@code aggregate}, {@code bound}, {@code release}); never set it in production. In local mode a
 * listed stage simply fails, because the local runner never retries a task.
 */
public final class FaultInjection {
  /** Stages whose task 0 fails on its first attempt; unset in production. */
  public static final String FAIL_FIRST_ATTEMPT = "datapoints.fault.fail-first-attempt";

  private FaultInjection() {}

  /**
   * Throws when {@code stage} is listed and this is attempt 0 of task 0; call it last in {@code
   * cleanup()}, so the failed attempt has done all its work first.
   */
  public static void failFirstAttempt(TaskAttemptContext context, String stage) {
    if (!context
        .getConfiguration()
        .getTrimmedStringCollection(FAIL_FIRST_ATTEMPT)
        .contains(stage)) {
      return; // off: touch nothing else of the context
    }
    TaskAttemptID attempt = context.getTaskAttemptID();
    if (isFirstAttemptOfFirstTask(attempt)) {
      throw new IllegalStateException(
          "injected fault ("
              + FAIL_FIRST_ATTEMPT
              + "="
              + stage
              + "): first attempt "
              + attempt
              + " fails after writing its output");
    }
  }

  static boolean isFirstAttemptOfFirstTask(TaskAttemptID attempt) {
    return attempt.getTaskID().getId() == 0 && attempt.getId() == 0;
  }
}
