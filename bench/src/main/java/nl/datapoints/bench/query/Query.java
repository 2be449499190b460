package nl.datapoints.bench.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One dashboard query: a postcode4, a radius, the dates and the optional filters; one line of a
 * query list.
 *
 * @param pc4 the centre
 * @param radiusKm the radius
 * @param dates the selected dates, in the order asked
 * @param sbi the SBI filter (2-5 digit codes), sorted and distinct; empty = none
 * @param activity the activity filter, sorted and distinct; empty = none
 */
public record Query(
    int pc4, double radiusKm, List<LocalDate> dates, List<String> sbi, List<Integer> activity) {
  private static final String FORMAT =
      "a query line is pc4<TAB>radiusKm<TAB>d1;d2;...[<TAB>sbi=S1,S2&activity=A1,A2]";

  public Query {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one date");
    }
    dates = List.copyOf(dates);
    for (String s : sbi) {
      if (!s.matches("[0-9]{2,5}")) {
        throw new IllegalArgumentException("an SBI filter code has 2-5 digits, got '" + s + "'");
      }
    }
    for (int a : activity) {
      if (a < 1 || a > 65535) {
        throw new IllegalArgumentException("an activity filter is 1-65535, got " + a);
      }
    }
    sbi = List.copyOf(new TreeSet<>(sbi));
    activity = List.copyOf(new TreeSet<>(activity));
  }

  /** An unfiltered query. */
  public Query(int pc4, double radiusKm, List<LocalDate> dates) {
    this(pc4, radiusKm, dates, List.of(), List.of());
  }

  /** True when the query filters by SBI or activity. */
  public boolean filtered() {
    return !sbi.isEmpty() || !activity.isEmpty();
  }

  /** The service's path for it: {@code /api/PC4/D1%3BD2/KM[?sbi=S&activity=A]}. */
  public String path() {
    StringBuilder b = new StringBuilder("/api/").append(pc4).append('/');
    for (int i = 0; i < dates.size(); i++) {
      b.append(i == 0 ? "" : "%3B").append(dates.get(i));
    }
    b.append('/').append(radiusKm);
    char sep = '?';
    for (String s : sbi) {
      b.append(sep).append("sbi=").append(s);
      sep = '&';
    }
    for (int a : activity) {
      b.append(sep).append("activity=").append(a);
      sep = '&';
    }
    return b.toString();
  }

  /** Its line in a query list: {@code pc4<TAB>radiusKm<TAB>d1;d2;...[<TAB>filter]}. */
  public String line() {
    StringBuilder b = new StringBuilder().append(pc4).append('\t');
    b.append(
            radiusKm == Math.rint(radiusKm)
                ? Long.toString((long) radiusKm)
                : Double.toString(radiusKm))
        .append('\t');
    for (int i = 0; i < dates.size(); i++) {
      b.append(i == 0 ? "" : ";").append(dates.get(i));
    }
    if (filtered()) {
      b.append('\t');
      if (!sbi.isEmpty()) {
        b.append("sbi=").append(String.join(",", sbi));
      }
      if (!activity.isEmpty()) {
        b.append(sbi.isEmpty() ? "" : "&").append("activity=");
        for (int i = 0; i < activity.size(); i++) {
          b.append(i == 0 ? "" : ",").append(activity.get(i));
        }
      }
    }
    return b.toString();
  }

  /**
   * Parses one line of a query list.
   *
   * @throws IllegalArgumentException naming the line when it is not {@code pc4, km, dates[,
   *     filter]}
   */
  public static Query parse(String line) {
    String[] f = line.split("\t");
    if (f.length != 3 && f.length != 4) {
      throw new IllegalArgumentException(FORMAT + ", got '" + line + "'");
    }
    try {
      List<LocalDate> ds = new ArrayList<>();
      for (String d : f[2].split(";")) {
        ds.add(LocalDate.parse(d));
      }
      List<String> sbi = new ArrayList<>();
      List<Integer> activity = new ArrayList<>();
      if (f.length == 4) {
        for (String part : f[3].split("&")) {
          String[] kv = part.split("=", 2);
          if (kv.length != 2 || kv[1].isEmpty()) {
            throw new IllegalArgumentException(FORMAT + ", got '" + line + "'");
          }
          for (String v : kv[1].split(",")) {
            switch (kv[0]) {
              case "sbi" -> sbi.add(v);
              case "activity" -> activity.add(Integer.parseInt(v));
              default -> throw new IllegalArgumentException(FORMAT + ", got '" + line + "'");
            }
          }
        }
      }
      return new Query(Integer.parseInt(f[0]), Double.parseDouble(f[1]), ds, sbi, activity);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(FORMAT + ", got '" + line + "'", e);
    }
  }

  /** {@code k} consecutive dates from {@code start}. */
  static List<LocalDate> consecutive(LocalDate start, int k) {
    List<LocalDate> out = new ArrayList<>(k);
    for (int d = 0; d < k; d++) {
      out.add(start.plusDays(d));
    }
    return out;
  }
}
