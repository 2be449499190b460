package nl.datapoints.etl;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.cli.Commands;
import nl.datapoints.etl.cli.UsageException;
import nl.datapoints.etl.run.StageFailedException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * The {@code scripts/etl} driver (runs on the client): Hadoop generic options ({@code -D k=v},
 * {@code -conf}, {@code -fs}, {@code -jt}) first, then a command and its options. Exit status 0 on
 * success, 1 when a run failed (the reason on stderr), 2 for a usage error. Only this class calls
 * {@link System#exit}.
 */
public final class Main extends Configured implements Tool {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;

  public Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new Configuration(), new Main(System.out, System.err), args));
  }

  @Override
  public int run(String[] args) {
    Commands commands = new Commands(getConf(), out);
    if (args.length == 0
        || args[0].equals("help")
        || args[0].equals("--help")
        || args[0].equals("-h")) {
      out.print(commands.usage());
      return args.length == 0 ? USAGE : OK;
    }
    String name = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return commands.run(name, rest);
    } catch (UsageException e) {
      err.println("etl " + name + ": " + e.getMessage());
      err.println("run 'scripts/etl help' for the commands and their options");
      return USAGE;
    } catch (StageFailedException | IllegalArgumentException | IllegalStateException e) {
      err.println("etl " + name + " FAILED: " + e.getMessage());
      return FAILED;
    } catch (RuntimeException e) {
      err.println("etl " + name + " FAILED: " + describe(e));
      return FAILED;
    }
  }

  /** One line for an unexpected error: the chain of messages, no stack trace. */
  static String describe(Throwable e) {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (Throwable t = e; t != null && seen.size() < 4; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      seen.putIfAbsent(m, true);
    }
    return String.join(": caused by ", seen.keySet());
  }
}
