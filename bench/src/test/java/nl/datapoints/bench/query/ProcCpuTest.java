package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcCpuTest {
  @TempDir Path proc;

  private static String stat(
      long pid, String comm, long ppid, long ut, long st, long cut, long cst) {
    return pid
        + " ("
        + comm
        + ") S "
        + ppid
        + " 1 1 0 -1 4194560 100 0 0 0 "
        + ut
        + " "
        + st
        + " "
        + cut
        + " "
        + cst
        + " 20 0 1 0 100 1000 10 18446744073709551615";
  }

  private void process(long pid, String comm, long ppid, long ut, long st, long cut, long cst)
      throws Exception {
    Path d = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(d.resolve("stat"), stat(pid, comm, ppid, ut, st, cut, cst));
  }

  @Test
  void parsesTheTimesAfterACommandNameWithSpacesAndParentheses() {
    assertArrayEquals(
        new long[] {1, 250, 40, 7, 3},
        ProcCpu.parse(stat(77, "post gres: (idle) )", 1, 250, 40, 7, 3)));
    assertThrows(IllegalArgumentException.class, () -> ProcCpu.parse("garbage"));
  }

  @Test
  void sumsEachRootWithItsLiveDescendantsAndItsReapedChildren() throws Exception {
    process(1, "init", 0, 999, 999, 0, 0);
    process(100, "postgres", 1, 10, 5, 30, 20); // postmaster: reaped workers 50 ticks
    process(101, "postgres: backend", 100, 200, 100, 0, 0);
    process(102, "postgres: parallel worker", 101, 40, 10, 0, 0); // grandchild
    process(200, "java", 1, 1000, 500, 0, 0);
    process(300, "other", 1, 5000, 5000, 0, 0);
    Files.createDirectories(proc.resolve("self")); // not a pid: skipped
    ProcCpu pg = new ProcCpu(List.of(100L), proc);
    assertEquals((10 + 5 + 30 + 20 + 200 + 100 + 40 + 10) / 100.0, pg.seconds(), 1e-9);
    ProcCpu both = new ProcCpu(List.of(100L, 200L), proc);
    assertEquals(4.15 + 15.0, both.seconds(), 1e-9);
    assertThrows(IllegalStateException.class, () -> new ProcCpu(List.of(999L), proc).seconds());
  }

  @Test
  void thisJvmUsesCpu() {
    ProcCpu self = new ProcCpu(ProcCpu.pids("self"));
    assertTrue(self.seconds() > 0);
    assertEquals(List.of(5L, 6L), ProcCpu.pids("5, 6"));
    assertThrows(IllegalArgumentException.class, () -> ProcCpu.pids("5;6"));
  }
}
