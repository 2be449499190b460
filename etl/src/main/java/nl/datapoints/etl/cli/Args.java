package nl.datapoints.etl.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.datapoints.etl.common.FractionRange;
import nl.datapoints.etl.common.WholeRange;

/**
 * The options of one command, parsed once from {@code --name value} and {@code --flag} words (runs
 * in the driver). Every getter validates and names the option, what is allowed and what was given;
 * unknown options and stray words are usage errors.
 */
final class Args {
  private final String command;
  private final Map<String, String> values;

  private Args(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  /**
   * Parses {@code words} for {@code command}.
   *
   * @param valued option names that take a value
   * @param flags option names that take none
   */
  public static Args parse(
      String command, List<String> words, Set<String> valued, Set<String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (!w.startsWith("--") || w.length() == 2) {
        throw new UsageException(
            "'" + command + "' takes options of the form --name value; unexpected '" + w + "'");
      }
      String name = w.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq > 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name)) {
        if (inline != null) {
          throw new UsageException("--" + name + " takes no value, got '" + inline + "'");
        }
        values.put(name, "true");
      } else if (valued.contains(name)) {
        String v = inline;
        if (v == null) {
          if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
            throw new UsageException("--" + name + " needs a value");
          }
          v = words.get(++i);
        }
        if (values.put(name, v) != null) {
          throw new UsageException("--" + name + " is given more than once");
        }
      } else {
        List<String> known = new ArrayList<>();
        valued.forEach(n -> known.add("--" + n));
        flags.forEach(n -> known.add("--" + n));
        known.sort(null);
        throw new UsageException(
            "'"
                + command
                + "' has no option --"
                + name
                + " (options: "
                + String.join(" ", known)
                + ")");
      }
    }
    return new Args(command, values);
  }

  public String command() {
    return command;
  }

  public boolean flag(String name) {
    return values.containsKey(name);
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String string(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  public String requiredString(String name) {
    return string(name).orElseThrow(() -> new UsageException("'" + command + "' needs --" + name));
  }

  public Path path(String name, String dflt) {
    return Path.of(string(name, dflt));
  }

  public Optional<Path> path(String name) {
    return string(name).map(Path::of);
  }

  public LocalDate requiredDate(String name) {
    return date(name, requiredString(name));
  }

  public Optional<LocalDate> date(String name) {
    return string(name).map(v -> date(name, v));
  }

  private static LocalDate date(String name, String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + name + " must be a date YYYY-MM-DD, got '" + v + "'");
    }
  }

  /**
   * The value of a whole-number option, {@code dflt} when not given; a value that is not a whole
   * number or lies outside {@code range} gets the range's one message.
   */
  public long longValue(WholeRange range, long dflt) {
    String v = values.get(range.option());
    if (v == null) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(range.violation("'" + v + "'"));
    }
    if (!range.contains(n)) {
      throw new UsageException(range.violation(v));
    }
    return n;
  }

  /** As {@link #longValue(WholeRange, long)} for an int option (the range must fit an int). */
  public int intValue(WholeRange range, int dflt) {
    return (int) longValue(range, dflt);
  }

  /** The value of an option that takes any 64-bit whole number, {@code dflt} when not given. */
  public long longValue(String name, long dflt) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  /**
   * The value of a fraction option, {@code dflt} when not given; a value that is not a number or
   * lies outside {@code range} gets the range's one message.
   */
  public double fraction(FractionRange range, double dflt) {
    String v = values.get(range.option());
    if (v == null) {
      return dflt;
    }
    double f;
    try {
      f = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(range.violation("'" + v + "'"));
    }
    if (!range.contains(f)) {
      throw new UsageException(range.violation(v));
    }
    return f;
  }
}
