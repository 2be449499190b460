package nl.datapoints.bench.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One dashboard query: a postcode4, a radius and the dates; one line of a query list.
 *
 * @param pc4 the centre
 * @param radiusKm the radius
 * @param dates the selected dates, in the order asked
 */
public record Query(int pc4, double radiusKm, List<LocalDate> dates) {
  public Query {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one date");
    }
    dates = List.copyOf(dates);
  }

  /** The service's path for it: {@code /api/PC4/D1%3BD2/KM}. */
  public String path() {
    StringBuilder b = new StringBuilder("/api/").append(pc4).append('/');
    for (int i = 0; i < dates.size(); i++) {
      b.append(i == 0 ? "" : "%3B").append(dates.get(i));
    }
    return b.append('/').append(radiusKm).toString();
  }

  /** Its line in a query list: {@code pc4<TAB>radiusKm<TAB>d1;d2;...}. */
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
    return b.toString();
  }

  /**
   * Parses one line of a query list.
   *
   * @throws IllegalArgumentException naming the line when it is not {@code pc4, km, dates}
   */
  public static Query parse(String line) {
    String[] f = line.split("\t");
    if (f.length != 3) {
      throw new IllegalArgumentException(
          "a query line is pc4<TAB>radiusKm<TAB>d1;d2;..., got '" + line + "'");
    }
    try {
      List<LocalDate> ds = new ArrayList<>();
      for (String d : f[2].split(";")) {
        ds.add(LocalDate.parse(d));
      }
      return new Query(Integer.parseInt(f[0]), Double.parseDouble(f[1]), ds);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "a query line is pc4<TAB>radiusKm<TAB>d1;d2;..., got '" + line + "'", e);
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
