package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JobRunnerTest {
  @Test
  void firstCauseDropsExceptionClassAndStackTrace() {
    String diag =
        "java.io.IOException: corrupt gzip file raw/dt=2013-01-08/a.tsv.gz: unexpected end of stream\n"
            + "\tat nl.datapoints.etl.enrich.RawLineRecordReader.nextKeyValue(RawLineRecordReader.java:88)\n";
    assertEquals(
        "corrupt gzip file raw/dt=2013-01-08/a.tsv.gz: unexpected end of stream",
        JobRunner.firstCause(diag));
  }

  @Test
  void firstCauseKeepsPlainMessages() {
    assertEquals(
        "Task failed task_1",
        JobRunner.firstCause("Task failed task_1\nJob failed as tasks failed."));
  }
}
