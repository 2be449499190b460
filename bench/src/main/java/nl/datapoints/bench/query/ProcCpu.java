package nl.datapoints.bench.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by server processes, read from Linux's {@code /proc/<pid>/stat}: for each
 * root pid, user + system time of it and of every live descendant (the postgres backends are
 * children of the postmaster), plus the root's reaped children ({@code cutime + cstime}: parallel
 * workers and backends that exited meanwhile). Differences of two readings are the CPU a run cost
 * the server side.
 */
final class ProcCpu implements LoadRun.CpuMeter {
  /** Clock ticks per second of {@code /proc} times: USER_HZ, 100 on every Linux we run on. */
  static final double TICKS_PER_SECOND = 100;

  private final List<Long> roots;
  private final Path proc;

  ProcCpu(List<Long> roots) {
    this(roots, Path.of("/proc"));
  }

  ProcCpu(List<Long> roots, Path proc) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("--server-pids needs at least one pid");
    }
    this.roots = List.copyOf(roots);
    this.proc = proc;
  }

  /** The pids of {@code "123,456"} ({@code self} = this JVM). */
  static List<Long> pids(String list) {
    List<Long> out = new ArrayList<>();
    for (String p : list.split(",")) {
      String t = p.trim();
      try {
        out.add(t.equals("self") ? ProcessHandle.current().pid() : Long.parseLong(t));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--server-pids must be pids separated by commas (or self), got '" + list + "'", e);
      }
    }
    return out;
  }

  @Override
  public double seconds() {
    Map<Long, long[]> all = readAll();
    Map<Long, List<Long>> children = new HashMap<>();
    all.forEach((pid, s) -> children.computeIfAbsent(s[0], k -> new ArrayList<>()).add(pid));
    long ticks = 0;
    for (long root : roots) {
      long[] r = all.get(root);
      if (r == null) {
        throw new IllegalStateException("server process " + root + " is not running");
      }
      ticks += r[3] + r[4];
      List<Long> todo = new ArrayList<>(List.of(root));
      while (!todo.isEmpty()) {
        long pid = todo.remove(todo.size() - 1);
        long[] s = all.get(pid);
        ticks += s[1] + s[2];
        todo.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** pid → {ppid, utime, stime, cutime, cstime} of every process. */
  private Map<Long, long[]> readAll() {
    Map<Long, long[]> out = new HashMap<>();
    try (Stream<Path> dirs = Files.list(proc)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String name = d.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          out.put(Long.parseLong(name), parse(Files.readString(d.resolve("stat"))));
        } catch (IOException e) {
          // the process exited between the listing and the read: its time is in its parent's
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * {ppid, utime, stime, cutime, cstime} of one {@code stat} line (pure). The command name in
   * parentheses may hold spaces and parentheses, so the fields are counted after the last ')'.
   */
  static long[] parse(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc stat line: '" + stat + "'");
    }
    String[] f = stat.substring(close + 2).trim().split(" ");
    // After the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
    return new long[] {
      Long.parseLong(f[1]),
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14])
    };
  }
}
