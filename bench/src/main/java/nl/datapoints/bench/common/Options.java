package nl.datapoints.bench.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options of one bench tool: {@code --name value} pairs and bare {@code --flag}s, checked
 * against the names the tool knows. Every accessor validates its value; a mistake is an {@link
 * IllegalArgumentException} naming the option, what is allowed and what was given.
 */
public final class Options {
  private final Map<String, String> values;
  private final Set<String> flags;
  private final List<String> operands;

  private Options(Map<String, String> values, Set<String> flags, List<String> operands) {
    this.values = values;
    this.flags = flags;
    this.operands = List.copyOf(operands);
  }

  /**
   * Parses {@code args}.
   *
   * @param valued names (without {@code --}) that take a value
   * @param flagNames names that take none
   * @throws IllegalArgumentException for an unknown name, a word that is not an option, a missing
   *     value or an option given twice
   */
  public static Options parse(
      List<String> args, Collection<String> valued, Collection<String> flagNames) {
    return parse(args, valued, flagNames, false);
  }

  /**
   * As {@link #parse(List, Collection, Collection)}, but words that are not options are kept as
   * {@link #operands()} (e.g. table names) instead of refused.
   */
  public static Options parseWithOperands(
      List<String> args, Collection<String> valued, Collection<String> flagNames) {
    return parse(args, valued, flagNames, true);
  }

  private static Options parse(
      List<String> args,
      Collection<String> valued,
      Collection<String> flagNames,
      boolean allowOperands) {
    Map<String, String> values = new TreeMap<>();
    Set<String> flags = new TreeSet<>();
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String word = args.get(i);
      if (!word.startsWith("--") || word.length() == 2) {
        if (allowOperands) {
          operands.add(word);
          continue;
        }
        throw new IllegalArgumentException("expected an option --name, got '" + word + "'");
      }
      String name = word.substring(2);
      if (flagNames.contains(name)) {
        if (!flags.add(name)) {
          throw new IllegalArgumentException("--" + name + " is given twice");
        }
      } else if (valued.contains(name)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        if (values.put(name, args.get(++i)) != null) {
          throw new IllegalArgumentException("--" + name + " is given twice");
        }
      } else {
        Set<String> known = new TreeSet<>(valued);
        known.addAll(flagNames);
        throw new IllegalArgumentException(
            "unknown option --" + name + " (options: --" + String.join(", --", known) + ")");
      }
    }
    return new Options(values, flags, operands);
  }

  /** The words that were not options, in order (only with {@link #parseWithOperands}). */
  public List<String> operands() {
    return operands;
  }

  /** True when the flag was given. */
  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** True when the valued option was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value of a required option. */
  public String string(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  /** The value, or {@code fallback} when the option was not given. */
  public String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value, if given. */
  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** A required whole number in {@code min..max}. */
  public int integer(String name, int min, int max) {
    return checkedInt(name, string(name), min, max);
  }

  /** A whole number in {@code min..max}, or {@code fallback} when not given. */
  public int integer(String name, int fallback, int min, int max) {
    return has(name) ? checkedInt(name, values.get(name), min, max) : fallback;
  }

  /** A required 64-bit whole number in {@code min..max}. */
  public long longValue(String name, long min, long max) {
    return checkedLong(name, string(name), min, max);
  }

  /** A 64-bit whole number in {@code min..max}, or {@code fallback} when not given. */
  public long longValue(String name, long fallback, long min, long max) {
    return has(name) ? checkedLong(name, values.get(name), min, max) : fallback;
  }

  /** A required number in {@code min..max}. */
  public double decimal(String name, double min, double max) {
    return checkedDouble(name, string(name), min, max);
  }

  /** A number in {@code min..max}, or {@code fallback} when not given. */
  public double decimal(String name, double fallback, double min, double max) {
    return has(name) ? checkedDouble(name, values.get(name), min, max) : fallback;
  }

  /** A required ISO date ({@code YYYY-MM-DD}). */
  public LocalDate date(String name) {
    String v = string(name);
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a date YYYY-MM-DD, got '" + v + "'", e);
    }
  }

  /** A required path to an existing regular file. */
  public Path file(String name) {
    Path p = Path.of(string(name));
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("--" + name + " must be an existing file, got " + p);
    }
    return p;
  }

  /** A required path to an existing directory. */
  public Path directory(String name) {
    Path p = Path.of(string(name));
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("--" + name + " must be an existing directory, got " + p);
    }
    return p;
  }

  /** A required value out of {@code allowed}. */
  public String choice(String name, String fallback, List<String> allowed) {
    String v = string(name, fallback);
    if (!allowed.contains(v)) {
      throw new IllegalArgumentException(
          "--" + name + " must be " + String.join(" | ", allowed) + ", got '" + v + "'");
    }
    return v;
  }

  private static int checkedInt(String name, String v, int min, int max) {
    long x = checkedLong(name, v, min, max);
    return (int) x;
  }

  private static long checkedLong(String name, String v, long min, long max) {
    long x;
    try {
      x = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number " + min + ".." + max + ", got '" + v + "'", e);
    }
    if (x < min || x > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be " + min + ".." + max + ", got " + x);
    }
    return x;
  }

  private static double checkedDouble(String name, String v, double min, double max) {
    double x;
    try {
      x = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a number " + min + ".." + max + ", got '" + v + "'", e);
    }
    if (!(x >= min && x <= max)) {
      throw new IllegalArgumentException(
          "--" + name + " must be " + min + ".." + max + ", got " + v);
    }
    return x;
  }
}
