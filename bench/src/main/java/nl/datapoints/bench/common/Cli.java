package nl.datapoints.bench.common;

import java.util.Arrays;
import java.util.List;

/** How a bench tool's {@code main} runs: usage errors are one line on stderr and exit status 2. */
public final class Cli {
  /**
   * Exit status of a caller's mistake (a bad or missing option), as {@code scripts/etl} uses it.
   */
  public static final int USAGE = 2;

  /** The body of a tool: its arguments in, its exit status out (0 = success). */
  @FunctionalInterface
  public interface Tool {
    int run(List<String> args) throws Exception;
  }

  private Cli() {}

  /**
   * Runs {@code tool} on {@code args} and exits with its status when that is not 0; an {@link
   * IllegalArgumentException} (a caller's mistake) prints {@code name: message} and exits with
   * {@link #USAGE}; anything else propagates, so the JVM prints it with its stack trace and exits
   * 1.
   */
  public static void main(String name, String[] args, Tool tool) throws Exception {
    int status;
    try {
      status = tool.run(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      status = USAGE;
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * The first argument as a command name out of {@code commands}, for tools with sub-commands.
   *
   * @throws IllegalArgumentException when it is missing or not one of them
   */
  public static String command(List<String> args, List<String> commands) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("a command is required: " + String.join(" | ", commands));
    }
    String c = args.get(0);
    if (!commands.contains(c)) {
      throw new IllegalArgumentException(
          "command must be " + String.join(" | ", commands) + ", got '" + c + "'");
    }
    return c;
  }
}
