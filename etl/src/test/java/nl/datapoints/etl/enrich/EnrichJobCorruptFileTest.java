package nl.datapoints.etl.enrich;

import static nl.datapoints.etl.enrich.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local-mode runs over a truncated gzip file: fail by default, skip and report on request. */
class EnrichJobCorruptFileTest {
  @TempDir Path tmp;

  private Job job(boolean skip) throws Exception {
    Path raw = tmp.resolve("raw");
    Path ref = tmp.resolve("ref");
    Fixtures.writeReference(ref);
    Path day = Files.createDirectories(raw.resolve("dt=2013-01-08"));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      lines
          .append("2013-01-08T12:00:00Z\tuser-")
          .append(i)
          .append("\t-\t1017AB\t42\t")
          .append(i % 3 == 0 ? "0" : "7")
          .append('\n');
    }
    byte[] gz = Fixtures.gzip(utf8(lines.toString()));
    Files.write(day.resolve("broken.tsv.gz"), Arrays.copyOf(gz, gz.length / 2));
    EnrichConfig config =
        new EnrichConfig(
            new org.apache.hadoop.fs.Path(raw.toUri()),
            new org.apache.hadoop.fs.Path(ref.toUri()),
            List.of(LocalDate.parse("2013-01-08")),
            skip);
    return EnrichJob.create(
        EnrichJobLocalTest.localConf(tmp),
        config,
        new org.apache.hadoop.fs.Path(tmp.resolve("staging").toUri()),
        Fixtures.KEY);
  }

  @Test
  void failsTheJobOnATruncatedGzipByDefault() throws Exception {
    Job job = job(false);
    assertFalse(job.waitForCompletion(false));
  }

  @Test
  void skipsTheRestOfATruncatedGzipAndKeepsTheAccountingIdentity() throws Exception {
    Job job = job(true);
    assertTrue(job.waitForCompletion(false));
    Map<String, String> stats = new HashMap<>();
    for (String line : EnrichJobLocalTest.readText(tmp.resolve("staging/stats"))) {
      String[] f = line.split("\t");
      assertEquals("2013-01-08", f[0]);
      stats.put(f[1], f[2]);
    }
    assertTrue(stats.get("corrupt_file").endsWith("dt=2013-01-08/broken.tsv.gz"), stats.toString());
    long read = Long.parseLong(stats.get("lines_read"));
    long events = Long.parseLong(stats.get("events"));
    long bad = Long.parseLong(stats.get("quarantined:BAD_ACTIVITY"));
    long empty = Long.parseLong(stats.get("empty_lines"));
    assertTrue(read > 0 && read < 20_000, "read " + read);
    assertEquals(read, events + bad + empty);
    assertEquals(1, job.getCounters().findCounter(EnrichCounters.CORRUPT_FILES).getValue());
    assertEquals(
        events, EnrichJobLocalTest.readEvents(tmp.resolve("staging/events/dt=2013-01-08")).size());
  }
}
