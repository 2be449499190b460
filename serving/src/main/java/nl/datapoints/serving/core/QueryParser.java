package nl.datapoints.serving.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and validates the parameters of the HTTP API; every rejection is an {@link
 * InvalidQueryException}.
 */
public final class QueryParser {
  /** Radius when the request gives none, in km. */
  public static final double DEFAULT_RADIUS_KM = 1.0;

  private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern RADIUS = Pattern.compile("[0-9]{1,6}(\\.[0-9]{0,9})?|\\.[0-9]{1,9}");
  private static final Pattern SBI = Pattern.compile("[0-9]{2,5}");
  private static final Pattern ACTIVITY = Pattern.compile("[0-9]{1,5}");

  private final int maxDates;
  private final double maxRadiusKm;

  /** A parser allowing at most {@code maxDates} dates and radii up to {@code maxRadiusKm}. */
  public QueryParser(int maxDates, double maxRadiusKm) {
    this.maxDates = maxDates;
    this.maxRadiusKm = maxRadiusKm;
  }

  /** A PC4 ({@code 1017}) or PC6 ({@code 1017AB}, {@code 1017 ab}) reduced to its postcode4. */
  public int postcode(String raw) {
    Matcher m = raw == null ? null : POSTCODE.matcher(raw.trim());
    if (m == null || !m.matches()) {
      throw new InvalidQueryException(
          "postcode must be a PC4 like 1017 or a PC6 like 1017AB "
              + "(first digit 1-9, optional space), got '"
              + shorten(raw)
              + "'");
    }
    return Integer.parseInt(m.group(1));
  }

  /** One or more ISO dates separated by ';' or ','; returned ascending and without duplicates. */
  public List<LocalDate> dates(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidQueryException(
          "dates must be one or more YYYY-MM-DD separated by ';' or ',', got nothing");
    }
    TreeSet<LocalDate> out = new TreeSet<>();
    for (String part : raw.split("[;,]", -1)) {
      String p = part.trim();
      if (!DATE.matcher(p).matches()) {
        throw new InvalidQueryException(
            "dates must be YYYY-MM-DD separated by ';' or ',', got '" + shorten(raw) + "'");
      }
      try {
        out.add(LocalDate.parse(p));
      } catch (DateTimeException e) {
        throw new InvalidQueryException("date '" + p + "' is not a calendar date");
      }
      if (out.size() > maxDates) {
        throw new InvalidQueryException("dates may list at most " + maxDates + " dates, got more");
      }
    }
    return List.copyOf(out);
  }

  /** A radius in km, decimal, 0..maxRadiusKm; null or empty gives the default 1 km. */
  public double radius(String raw) {
    if (raw == null || raw.isEmpty()) {
      return DEFAULT_RADIUS_KM;
    }
    if (!RADIUS.matcher(raw).matches()) {
      throw new InvalidQueryException(
          "radius must be a decimal number of km between 0 and "
              + fmt(maxRadiusKm)
              + ", got '"
              + shorten(raw)
              + "'");
    }
    double r = Double.parseDouble(raw);
    if (r > maxRadiusKm) {
      throw new InvalidQueryException(
          "radius must be between 0 and " + fmt(maxRadiusKm) + " km, got " + raw);
    }
    return r;
  }

  /** The {@code sbi} and {@code activity} filters (each repeatable; null means absent). */
  public Filter filter(List<String> sbi, List<String> activity) {
    TreeSet<String> codes = new TreeSet<>();
    for (String s : sbi == null ? List.<String>of() : sbi) {
      String t = s == null ? "" : s.trim();
      if (!SBI.matcher(t).matches()) {
        throw new InvalidQueryException(
            "sbi must be an SBI code of 2-5 digits, got '" + shorten(s) + "'");
      }
      codes.add(t);
    }
    TreeSet<Integer> ids = new TreeSet<>();
    for (String a : activity == null ? List.<String>of() : activity) {
      String t = a == null ? "" : a.trim();
      int id = ACTIVITY.matcher(t).matches() ? Integer.parseInt(t) : -1;
      if (id < 1 || id > 65535) {
        throw new InvalidQueryException(
            "activity must be an integer 1-65535, got '" + shorten(a) + "'");
      }
      ids.add(id);
    }
    return new Filter(new ArrayList<>(codes), new ArrayList<>(ids));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** Echoes caller input in messages, but never more than a short prefix. */
  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
