package nl.datapoints.etl.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A small raw dataset for two dates a week apart, written by hand, and the cells the pipeline must
 * aggregate for it, computed here with plain java.time and sets (no pipeline code); the true hits
 * of every released member ({@link #trueHits}) and the user-days of a date.
 *
 * <p>Cells (hour, pc4, activity, sbi), k = 5:
 *
 * <ul>
 *   <li>A (9, 1012, 1, 4711): D1 6 users / 8 hits, D2 7 users / 10 hits → delta 8;
 *   <li>B (13, 1017, 2, 56): D1 exactly 5 users → published; absent on D2 → hits 0, delta 5;
 *   <li>C (20, 3500, 1, 4711): D1 3 users (suppressed), D2 5 users / 6 hits → delta 0;
 *   <li>E (0, 1012, 3, 56): D1 from 23:30Z the day before (local hour 0), 5 users; D2 4 users
 *       (suppressed) → hits 0, delta 5;
 *   <li>F (23, 1017, 2, 4711): D2 only, 22:10Z = local 23:10, 5 users → delta 0.
 * </ul>
 *
 * Plus bad lines of several reasons, an empty line and an event whose local date is the next day
 * (out of partition).
 */
final class RawDataset {
  static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
  static final LocalDate D1 = LocalDate.of(2013, 1, 8);
  static final LocalDate D2 = LocalDate.of(2013, 1, 15);
  static final int K = 5;

  static final String POSTCODES =
      "pc4,lat,lon,name\n1012,52.3738,4.8910,Amsterdam Centrum\n"
          + "1017,52.3630,4.8920,Amsterdam Grachtengordel\n3500,52.0907,5.1214,Utrecht\n"
          + "9999,53.2,6.5,Unused\n";
  static final String MERCHANTS = "merchant_id,sbi\n101,4711\n102,56\n103,4711\n";
  static final String SBI = "sbi,label\n4711,Supermarkets\n56,Restaurants\n";

  private static final Map<Long, String> MERCHANT_SBI =
      Map.of(101L, "4711", 102L, "56", 103L, "4711");
  private static final Set<Integer> KNOWN_PC4 = Set.of(1012, 1017, 3500, 9999);

  /** A cell key without the date. */
  record Key(int hour, int pc4, int activity, String sbi) {}

  /** Raw lines per date, in file order (one .tsv.gz per date plus one plain .tsv for D2). */
  final Map<LocalDate, List<String>> gz = new LinkedHashMap<>();

  final Map<LocalDate, List<String>> plain = new LinkedHashMap<>();

  /** Raw user ids, IPs and PC6 postcodes that must never leave the raw zone. */
  final Set<String> personal = new HashSet<>();

  RawDataset() {
    List<String> d1 = new ArrayList<>();
    // A on D1: 6 users, 8 events, 08:xxZ = 09:xx local.
    for (int u = 1; u <= 6; u++) {
      d1.add(line("2013-01-08T08:0" + u + ":00Z", "user-a" + u, "198.18.0." + u, "1012AB", 101, 1));
    }
    d1.add(line("2013-01-08T09:15:00+01:00", "user-a1", "-", "1012 ab", 101, 1));
    d1.add(line("2013-01-08T09:59:59+01:00", "user-a2", "2001:db8::1", "1012", 101, 1));
    // B on D1: exactly 5 users.
    for (int u = 1; u <= 5; u++) {
      d1.add(line("2013-01-08T12:3" + u + ":00Z", "user-b" + u, "198.18.1." + u, "1017CD", 102, 2));
    }
    // C on D1: 3 users, 4 events (suppressed).
    for (int u = 1; u <= 3; u++) {
      d1.add(line("2013-01-08T19:0" + u + ":00Z", "user-c" + u, "198.18.2." + u, "3500XY", 103, 1));
    }
    d1.add(line("2013-01-08T19:45:00Z", "user-c1", "198.18.2.1", "3500XY", 103, 1));
    // E on D1: local hour 0 from the previous UTC day.
    for (int u = 1; u <= 5; u++) {
      d1.add(line("2013-01-07T23:3" + u + ":00Z", "user-e" + u, "198.18.3." + u, "1012AB", 102, 3));
    }
    d1.add("");
    d1.add("not\ta\tvalid\tline"); // FIELD_COUNT
    d1.add(
        line("2013-01-08T10:00:00Z", "user-x", "198.19.9.9", "1012AB", 999, 1)); // UNKNOWN_MERCHANT
    d1.add(line("2013-01-08T10:00:00Z", "user-y", "198.19.9.8", "0123AB", 101, 1)); // BAD_POSTCODE
    d1.add(line("yesterday", "user-z", "198.19.9.7", "1012AB", 101, 1)); // BAD_TIMESTAMP
    gz.put(D1, d1);

    List<String> d2 = new ArrayList<>();
    // A on D2: 7 users, 10 events.
    for (int u = 1; u <= 7; u++) {
      d2.add(line("2013-01-15T08:1" + u + ":00Z", "user-a" + u, "198.18.0." + u, "1012AB", 101, 1));
    }
    for (int u = 1; u <= 3; u++) {
      d2.add(line("2013-01-15T08:5" + u + ":00Z", "user-a" + u, "198.18.0." + u, "1012CD", 101, 1));
    }
    // E on D2: 4 users (suppressed; published on D1, so it shows with hits 0).
    for (int u = 1; u <= 4; u++) {
      d2.add(line("2013-01-14T23:1" + u + ":00Z", "user-e" + u, "198.18.3." + u, "1012AB", 102, 3));
    }
    d2.add(
        line("2013-01-15T10:00:00Z", "user-q", "198.19.9.6", "9998ZZ", 101, 1)); // UNKNOWN_POSTCODE
    d2.add(
        line("2013-01-15T23:30:00Z", "user-n", "198.19.9.5", "1012AB", 101, 1)); // OUT_OF_PARTITION
    gz.put(D2, d2);

    List<String> d2plain = new ArrayList<>();
    // C on D2: 5 users, 6 events.
    for (int u = 1; u <= 5; u++) {
      d2plain.add(
          line("2013-01-15T19:2" + u + ":00Z", "user-c" + u, "198.18.2." + u, "3500XY", 103, 1));
    }
    d2plain.add(line("2013-01-15T19:59:00Z", "user-c5", "198.18.2.5", "3500XY", 101, 1));
    // F on D2: 22:10Z is 23:10 local, still D2.
    for (int u = 1; u <= 5; u++) {
      d2plain.add(
          line("2013-01-15T22:1" + u + ":00Z", "user-f" + u, "198.18.4." + u, "1017EF", 103, 2));
    }
    d2plain.add("1\t2\t3\t4\t5\t6\t7"); // FIELD_COUNT
    d2plain.add(
        line("2013-01-15T10:00:00Z", "user-w", "198.19.9.4", "1017EF", 101, 0)); // BAD_ACTIVITY
    plain.put(D2, d2plain);
  }

  private String line(
      String time, String user, String ip, String postcode, long merchant, int activity) {
    personal.add(user);
    if (ip.length() > 2) {
      personal.add(ip);
    }
    if (postcode.length() > 4) {
      personal.add(postcode);
    }
    return String.join(
        "\t", time, user, ip, postcode, Long.toString(merchant), Integer.toString(activity));
  }

  /** Every raw line of a date, gz file first. */
  List<String> lines(LocalDate date) {
    List<String> all = new ArrayList<>(gz.getOrDefault(date, List.of()));
    all.addAll(plain.getOrDefault(date, List.of()));
    return all;
  }

  static byte[] gzip(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text(lines));
    }
    return bytes.toByteArray();
  }

  static byte[] text(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Figures of one date as the reference model sees them. */
  record DateModel(
      long lines, long events, long empty, Map<Key, Long> hits, Map<Key, Set<String>> users) {
    long quarantined() {
      return lines - events - empty;
    }
  }

  /** Parses the lines of {@code date} independently of the pipeline. */
  DateModel model(LocalDate date) {
    long lines = 0;
    long events = 0;
    long empty = 0;
    Map<Key, Long> hits = new HashMap<>();
    Map<Key, Set<String>> users = new HashMap<>();
    for (String l : lines(date)) {
      lines++;
      if (l.isEmpty()) {
        empty++;
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 6) {
        continue;
      }
      ZonedDateTime local;
      try {
        local = java.time.OffsetDateTime.parse(f[0]).toInstant().atZone(AMS);
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      String pc = f[3].replace(" ", "");
      if (!pc.matches("[1-9][0-9]{3}([A-Za-z]{2})?")) {
        continue;
      }
      int pc4 = Integer.parseInt(pc.substring(0, 4));
      long merchant = Long.parseLong(f[4]);
      int activity = Integer.parseInt(f[5]);
      if (activity < 1
          || activity > 65535
          || !KNOWN_PC4.contains(pc4)
          || !MERCHANT_SBI.containsKey(merchant)
          || !local.toLocalDate().equals(date)) {
        continue;
      }
      events++;
      Key k = new Key(local.getHour(), pc4, activity, MERCHANT_SBI.get(merchant));
      hits.merge(k, 1L, Long::sum);
      users.computeIfAbsent(k, x -> new HashSet<>()).add(f[1]);
    }
    return new DateModel(lines, events, empty, hits, users);
  }

  /** Published hits of a date: cells with at least k distinct users. */
  Map<Key, Long> published(LocalDate date) {
    DateModel m = model(date);
    Map<Key, Long> out = new HashMap<>();
    m.hits()
        .forEach(
            (k, h) -> {
              if (m.users().get(k).size() >= K) {
                out.put(k, h);
              }
            });
    return out;
  }

  /** The public SBI domain: sbi.csv's codes and every code a merchant maps to. */
  static final java.util.SortedSet<String> SBI_DOMAIN =
      new java.util.TreeSet<>(List.of("4711", "56"));

  /** The gazetteer. */
  static final java.util.SortedSet<Integer> PC4_DOMAIN = new java.util.TreeSet<>(KNOWN_PC4);

  /**
   * The exact hits of every member of a released level on {@code date}, keyed like the release's
   * members: "TOTAL/pc4", "HOUR/pc4/h", "SBI/pc4/sbi", "CELL/pc4/h/activity/sbi".
   */
  Map<String, Long> trueHits(LocalDate date) {
    Map<String, Long> out = new HashMap<>();
    model(date)
        .hits()
        .forEach(
            (k, h) -> {
              out.merge("TOTAL/" + k.pc4(), h, Long::sum);
              out.merge("HOUR/" + k.pc4() + "/" + k.hour(), h, Long::sum);
              out.merge("SBI/" + k.pc4() + "/" + k.sbi(), h, Long::sum);
              out.merge(
                  "CELL/" + k.pc4() + "/" + k.hour() + "/" + k.activity() + "/" + k.sbi(),
                  h,
                  Long::sum);
            });
    return out;
  }

  /** Distinct users with an event on {@code date}: the user-days the release bounds. */
  long userDays(LocalDate date) {
    Set<String> users = new HashSet<>();
    model(date).users().values().forEach(users::addAll);
    return users.size();
  }

  /** One k-suppressed aggregate cell of a date: hits published, delta (null without a baseline). */
  record ExpectedCell(int hour, int activity, String sbi, long hits, Long delta) {}

  /**
   * The aggregate cells of {@code date}, per pc4: hits published on the date, delta = published
   * hits of D-7 (null when {@code baseline} is null), and D-7 cells not published on the date with
   * hits 0.
   */
  Map<Integer, List<ExpectedCell>> expectedRows(LocalDate date, LocalDate baseline) {
    Map<Key, Long> now = published(date);
    Map<Key, Long> before = baseline == null ? Map.of() : published(baseline);
    Set<Key> keys = new HashSet<>(now.keySet());
    keys.addAll(before.keySet());
    Map<Integer, List<ExpectedCell>> rows = new TreeMap<>();
    for (Key k : keys) {
      Long delta = baseline == null ? null : before.getOrDefault(k, 0L);
      rows.computeIfAbsent(k.pc4(), p -> new ArrayList<>())
          .add(new ExpectedCell(k.hour(), k.activity(), k.sbi(), now.getOrDefault(k, 0L), delta));
    }
    return rows;
  }
}
