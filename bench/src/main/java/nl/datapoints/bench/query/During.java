package nl.datapoints.bench.query;

import java.io.File;
import java.util.List;
import java.util.Locale;
import nl.datapoints.bench.common.Options;

/**
 * Serving while something else runs ({@code QueryBench during}): the query list at {@code
 * --clients} without pause; {@code --idle-seconds} of it alone (the baseline), then COMMAND (e.g. a
 * publish) from its start to its exit, then {@code --after-seconds} more (what the command left
 * behind: compactions, flushes). Prints one summary line per window, {@code <label> idle}, {@code
 * <label> during}, {@code <label> after}, each with the server side's CPU per request when {@code
 * --server-pids} is given, and the command's wall time and exit status.
 */
final class During {
  private During() {}

  static int run(Options o, List<String> command, LoadRun.RunnerFactory factory) throws Exception {
    String label = o.string("label");
    List<Query> queries = QueryBench.read(o.string("queries"));
    int clients = o.integer("clients", 4, 1, 256);
    double idle = o.decimal("idle-seconds", 30, 1, 86_400);
    double after = o.decimal("after-seconds", 15, 0, 86_400);
    LoadRun.CpuMeter cpu = QueryBench.cpu(o).orElse(() -> Double.NaN);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(
        o.has("log")
            ? ProcessBuilder.Redirect.to(new File(o.string("log")))
            : ProcessBuilder.Redirect.DISCARD);

    long[] t = new long[4];
    double[] c = new double[4];
    int exit;
    ContinuousLoad load = new ContinuousLoad(queries, clients, factory);
    try {
      t[0] = System.nanoTime();
      c[0] = cpu.seconds();
      sleep(idle);
      t[1] = System.nanoTime();
      c[1] = cpu.seconds();
      Process p = pb.start();
      exit = p.waitFor();
      t[2] = System.nanoTime();
      c[2] = cpu.seconds();
      sleep(after);
      t[3] = System.nanoTime();
      c[3] = cpu.seconds();
    } finally {
      load.close();
    }
    if (load.firstError() != null) {
      System.err.println(label + ": first error: " + load.firstError());
    }
    String[] names = {"idle", "during", "after"};
    for (int w = 0; w < 3; w++) {
      if (w == 2 && after == 0) {
        break;
      }
      System.out.println(
          load.window(t[w], t[w + 1], c[w + 1] - c[w]).summary(label + " " + names[w])
              + String.format(
                  Locale.ROOT,
                  "\tserver_cpu_s/s=%.2f",
                  (c[w + 1] - c[w]) / ((t[w + 1] - t[w]) / 1e9)));
    }
    System.out.printf(
        Locale.ROOT,
        "# %s: command exit %d after %.1f s: %s%n",
        label,
        exit,
        (t[2] - t[1]) / 1e9,
        shown(command));
    return exit == 0 ? 0 : 1;
  }

  /**
   * The command as printed: a class path (the word after -cp) and the JVM's -D and --add-* flags
   * are long and say nothing here.
   */
  static String shown(List<String> command) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < command.size(); i++) {
      boolean classpath =
          i > 0 && (command.get(i - 1).equals("-cp") || command.get(i - 1).equals("-classpath"));
      String w = classpath ? "<classpath>" : command.get(i);
      if (w.startsWith("-D")
          || w.startsWith("--add-opens")
          || w.startsWith("--add-exports")
          || (i > 0 && command.get(i - 1).startsWith("--add-"))) {
        continue;
      }
      b.append(b.length() == 0 ? "" : " ").append(w);
    }
    return b.toString();
  }

  private static void sleep(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
  }
}
