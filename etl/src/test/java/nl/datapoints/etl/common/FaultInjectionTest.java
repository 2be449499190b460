package nl.datapoints.etl.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static TaskAttemptContextImpl context(String stages, int task, int attempt) {
    Configuration conf = new Configuration(false);
    if (stages != null) {
      conf.set(FaultInjection.FAIL_FIRST_ATTEMPT, stages);
    }
    return new TaskAttemptContextImpl(conf, new TaskAttemptID("1", 1, TaskType.MAP, task, attempt));
  }

  @Test
  void neverFailsWhenUnset() {
    assertDoesNotThrow(() -> FaultInjection.failFirstAttempt(context(null, 0, 0), "enrich"));
  }

  @Test
  void failsFirstAttemptOfTaskZeroOfAListedStage() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> FaultInjection.failFirstAttempt(context("enrich, aggregate", 0, 0), "aggregate"));
    assertTrue(e.getMessage().contains("injected fault"), e.getMessage());
    assertTrue(e.getMessage().contains("attempt_1_0001_m_000000_0"), e.getMessage());
  }

  @Test
  void retryOfTaskZeroSucceeds() {
    assertDoesNotThrow(() -> FaultInjection.failFirstAttempt(context("enrich", 0, 1), "enrich"));
  }

  @Test
  void otherTasksSucceed() {
    assertDoesNotThrow(() -> FaultInjection.failFirstAttempt(context("enrich", 1, 0), "enrich"));
  }

  @Test
  void stagesNotListedSucceed() {
    assertDoesNotThrow(() -> FaultInjection.failFirstAttempt(context("enrich", 0, 0), "aggregate"));
    assertDoesNotThrow(() -> FaultInjection.failFirstAttempt(context("", 0, 0), "enrich"));
  }
}
