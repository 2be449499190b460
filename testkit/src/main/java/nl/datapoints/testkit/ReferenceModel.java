package nl.datapoints.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An independent, deliberately plain re-implementation of what the pipeline must compute: parses
 * the generated raw logs with java.time and regular expressions, counts distinct raw user ids per
 * cell, applies k and derives delta. Slow and simple on purpose: it shares no code with the jobs it
 * checks.
 */
public final class ReferenceModel {
  private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
  private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3})( ?[A-Za-z]{2})?");

  /** A cell key: hour, pc4, activity, sbi. */
  public record CellKey(int hour, int pc4, int activity, String sbi) {}

  /** Per date: cell → [hits, users]. */
  public final Map<LocalDate, Map<CellKey, Set<String>>> users = new TreeMap<>();

  public final Map<LocalDate, Map<CellKey, Long>> hits = new TreeMap<>();
  public final Map<LocalDate, Long> lines = new TreeMap<>();
  public final Map<LocalDate, Long> goodEvents = new TreeMap<>();
  public final Map<LocalDate, Long> empty = new TreeMap<>();
  public final Set<String> rawUserIds = new HashSet<>();
  public final Set<String> rawIps = new HashSet<>();
  public final Set<String> rawPc6 = new HashSet<>();

  private final Set<Integer> pc4s = new HashSet<>();
  private final Map<Long, String> merchants = new HashMap<>();

  public ReferenceModel(Path ref) throws IOException {
    try (Stream<String> s = Files.lines(ref.resolve("postcodes.csv"))) {
      s.skip(1).forEach(l -> pc4s.add(Integer.parseInt(l.split(",")[0])));
    }
    try (Stream<String> s = Files.lines(ref.resolve("merchants.csv"))) {
      s.skip(1)
          .forEach(
              l -> {
                String[] f = l.split(",");
                merchants.put(Long.parseLong(f[0]), f[1]);
              });
    }
  }

  public void readPartition(Path raw, LocalDate date) throws IOException {
    Path dir = raw.resolve("dt=" + date);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(
              p ->
                  p.getFileName().toString().endsWith(".gz")
                      || p.getFileName().toString().endsWith(".tsv"))
          .sorted()
          .forEach(files::add);
    }
    for (Path f : files) {
      try (InputStream in =
          f.toString().endsWith(".gz")
              ? new GZIPInputStream(Files.newInputStream(f), 1 << 16)
              : Files.newInputStream(f)) {
        byte[] all = in.readAllBytes();
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
          if (i == all.length || all[i] == '\n') {
            if (i == all.length && start == all.length) {
              break;
            }
            line(date, all, start, i);
            start = i + 1;
          }
        }
      }
    }
  }

  private void line(LocalDate date, byte[] buf, int from, int to) {
    lines.merge(date, 1L, Long::sum);
    int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
    if (end == from) {
      empty.merge(date, 1L, Long::sum);
      return;
    }
    if (end - from > 65536) {
      return;
    }
    String line;
    try {
      line =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(buf, from, end - from))
              .toString();
    } catch (CharacterCodingException e) {
      return;
    }
    String[] f = line.split("\t", -1);
    if (f.length != 6) {
      return;
    }
    ZonedDateTime local;
    try {
      local = OffsetDateTime.parse(f[0]).atZoneSameInstant(AMS);
    } catch (DateTimeParseException e) {
      return;
    }
    if (f[1].isEmpty() || f[1].length() > 128) {
      return;
    }
    var m = POSTCODE.matcher(f[3]);
    if (!m.matches()) {
      return;
    }
    int pc4 = Integer.parseInt(m.group(1));
    long merchant;
    int activity;
    try {
      merchant = Long.parseLong(f[4]);
      activity = Integer.parseInt(f[5]);
    } catch (NumberFormatException e) {
      return;
    }
    if (merchant <= 0
        || activity < 1
        || activity > 65535
        || !pc4s.contains(pc4)
        || !merchants.containsKey(merchant)
        || !local.toLocalDate().equals(date)) {
      return;
    }
    goodEvents.merge(date, 1L, Long::sum);
    rawUserIds.add(f[1]);
    if (f[2].length() > 2) {
      rawIps.add(f[2]);
    }
    if (m.group(2) != null) {
      rawPc6.add(f[3]);
    }
    CellKey k = new CellKey(local.getHour(), pc4, activity, merchants.get(merchant));
    users
        .computeIfAbsent(date, d -> new HashMap<>())
        .computeIfAbsent(k, x -> new HashSet<>())
        .add(f[1]);
    hits.computeIfAbsent(date, d -> new HashMap<>()).merge(k, 1L, Long::sum);
  }

  /** Published hits of a date: cells with at least k distinct users. */
  public Map<CellKey, Long> published(LocalDate date, int k) {
    Map<CellKey, Long> out = new HashMap<>();
    users
        .getOrDefault(date, Map.of())
        .forEach(
            (cell, u) -> {
              if (u.size() >= k) {
                out.put(cell, hits.get(date).get(cell));
              }
            });
    return out;
  }

  /** Expected cells of D: [hits, delta] with delta null when D-7 is not a baseline. */
  public Map<CellKey, Long[]> expectedCells(LocalDate date, int k, boolean baseline) {
    Map<CellKey, Long> now = published(date, k);
    Map<CellKey, Long> before = baseline ? published(date.minusDays(7), k) : Map.of();
    Map<CellKey, Long[]> out = new HashMap<>();
    now.forEach((c, h) -> out.put(c, new Long[] {h, baseline ? before.getOrDefault(c, 0L) : null}));
    before.forEach((c, h) -> out.putIfAbsent(c, new Long[] {0L, h}));
    return out;
  }

  public long suppressedHits(LocalDate date, int k) {
    long[] s = {0};
    users
        .getOrDefault(date, Map.of())
        .forEach(
            (cell, u) -> {
              if (u.size() < k) {
                s[0] += hits.get(date).get(cell);
              }
            });
    return s[0];
  }

  public static LocalDate localDate(String iso) {
    return OffsetDateTime.parse(iso).atZoneSameInstant(AMS).toLocalDate();
  }
}
