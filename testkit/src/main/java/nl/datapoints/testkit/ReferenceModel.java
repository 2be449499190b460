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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An independent, deliberately plain re-implementation of what the pipeline must compute: parses
 * the generated raw logs with java.time and regular expressions, counts distinct raw user ids per
 * cell, applies k and derives delta. Slow and simple on purpose: it shares no code with the jobs it
 * checks.
 *
 * <p>For the differentially private release it gives what noise cannot hide and what the noisy
 * values are checked against: the public domain (every gazetteer pc4, every SBI code of {@code
 * sbi.csv} and {@code merchants.csv}), the exact (unbounded) hits of every member of the released
 * levels ({@link #trueHits}), and per user-day the figures of contribution bounding ({@link
 * #userDays}, {@link #eventsDropped}, {@link #usersTouched}, {@link #cellsDroppedRange}) with an
 * upper bound of what bounding can remove from each member ({@link #maxRemoved}).
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

  /** Per date and raw user id: that user-day's hits per cell. */
  public final Map<LocalDate, Map<String, Map<CellKey, Long>>> userCells = new TreeMap<>();

  private final Set<Integer> pc4s = new HashSet<>();
  private final Map<Long, String> merchants = new HashMap<>();
  private final Set<String> sbiCodes = new TreeSet<>();

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
    Path sbi = ref.resolve("sbi.csv");
    if (Files.exists(sbi)) {
      try (Stream<String> s = Files.lines(sbi)) {
        s.skip(1).filter(l -> !l.isBlank()).forEach(l -> sbiCodes.add(l.split(",", 2)[0].trim()));
      }
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
    userCells
        .computeIfAbsent(date, d -> new HashMap<>())
        .computeIfAbsent(f[1], u -> new HashMap<>())
        .merge(k, 1L, Long::sum);
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

  // ---- the differentially private release ----

  /**
   * A released level and which member of it an event's cell counts in. A member is written as a
   * {@link CellKey} with the dimensions the level does not have set to hour -1, activity 0 and SBI
   * "" (as the release's own records do).
   */
  public enum Level {
    /** The pc4-day. */
    TOTAL,
    /** Per local hour. */
    HOUR,
    /** Per SBI code. */
    SBI,
    /** Per hour x activity x SBI. */
    CELL;

    /** The member of this level that {@code cell} counts in. */
    public CellKey of(CellKey cell) {
      return switch (this) {
        case TOTAL -> new CellKey(-1, cell.pc4(), 0, "");
        case HOUR -> new CellKey(cell.hour(), cell.pc4(), 0, "");
        case SBI -> new CellKey(-1, cell.pc4(), 0, cell.sbi());
        case CELL -> cell;
      };
    }
  }

  /**
   * Contribution bounds of one level per user-day, as the release applies them: at most {@code
   * maxEvents} events per user-day, then at most {@code maxCells} members of the level and {@code
   * maxHits} hits per member.
   */
  public record Bounds(int maxEvents, int maxCells, int maxHits) {}

  /** Every gazetteer pc4, ascending: each gets a value at the public levels on every date. */
  public SortedSet<Integer> pc4Domain() {
    return new TreeSet<>(pc4s);
  }

  /**
   * The public SBI domain, ascending: every code of {@code sbi.csv} and every code a merchant maps
   * to.
   */
  public SortedSet<String> sbiDomain() {
    TreeSet<String> out = new TreeSet<>(sbiCodes);
    out.addAll(merchants.values());
    return out;
  }

  /** The exact (unbounded) hits of every member of {@code level} with any event on {@code date}. */
  public Map<CellKey, Long> trueHits(LocalDate date, Level level) {
    Map<CellKey, Long> out = new HashMap<>();
    hits.getOrDefault(date, Map.of()).forEach((cell, h) -> out.merge(level.of(cell), h, Long::sum));
    return out;
  }

  /** User-days of {@code date}: distinct raw user ids with at least one event. */
  public long userDays(LocalDate date) {
    return userCells.getOrDefault(date, Map.of()).size();
  }

  /** Events above {@code maxEvents} per user-day, summed: exactly what the event cap drops. */
  public long eventsDropped(LocalDate date, int maxEvents) {
    long dropped = 0;
    for (Map<CellKey, Long> cells : userCells.getOrDefault(date, Map.of()).values()) {
      dropped += Math.max(0, events(cells) - maxEvents);
    }
    return dropped;
  }

  /**
   * User-days some bound removes something of: more than {@code maxEvents} events, or (all events
   * kept) more members of a level than its {@code maxCells}, or more hits in one member than its
   * {@code maxHits}. Exact: which events a capped user-day keeps does not matter, it is touched
   * anyway.
   */
  public long usersTouched(LocalDate date, Map<Level, Bounds> bounds) {
    long touched = 0;
    for (Map<CellKey, Long> cells : userCells.getOrDefault(date, Map.of()).values()) {
      boolean t = false;
      for (Map.Entry<Level, Bounds> b : bounds.entrySet()) {
        Map<CellKey, Long> members = members(cells, b.getKey());
        t |=
            events(cells) > b.getValue().maxEvents()
                || members.size() > b.getValue().maxCells()
                || members.values().stream().anyMatch(h -> h > b.getValue().maxHits());
      }
      touched += t ? 1 : 0;
    }
    return touched;
  }

  /**
   * The range {@code [least, most]} of members of {@code level} the member cap drops on {@code
   * date}: exact for user-days whose events are all kept; a capped user-day keeps {@code maxEvents}
   * events that fall in between 1 and min(maxEvents, its members) members.
   */
  public long[] cellsDroppedRange(LocalDate date, Level level, Bounds b) {
    long least = 0;
    long most = 0;
    for (Map<CellKey, Long> cells : userCells.getOrDefault(date, Map.of()).values()) {
      int n = members(cells, level).size();
      if (events(cells) <= b.maxEvents()) {
        least += Math.max(0, n - b.maxCells());
        most += Math.max(0, n - b.maxCells());
      } else {
        most += Math.max(0, Math.min(n, b.maxEvents()) - b.maxCells());
      }
    }
    return new long[] {least, most};
  }

  /**
   * Per member of {@code level} on {@code date}, an upper bound of the hits contribution bounding
   * removes from it (members it removes nothing from are absent). Per user-day: when the level's
   * caps cannot bind after the event cap ({@code maxCells} and {@code maxHits} at least {@code
   * maxEvents}), at most min(the user's hits in the member, the user's events above the cap);
   * otherwise, for a user-day over any cap, all its hits in the member, and for one within the
   * event and member caps, its hits above {@code maxHits}.
   */
  public Map<CellKey, Long> maxRemoved(LocalDate date, Level level, Bounds b) {
    Map<CellKey, Long> out = new HashMap<>();
    boolean onlyEventCap = b.maxCells() >= b.maxEvents() && b.maxHits() >= b.maxEvents();
    for (Map<CellKey, Long> cells : userCells.getOrDefault(date, Map.of()).values()) {
      long n = events(cells);
      Map<CellKey, Long> members = members(cells, level);
      boolean over = n > b.maxEvents() || members.size() > b.maxCells();
      members.forEach(
          (m, h) -> {
            long removed =
                onlyEventCap
                    ? Math.min(h, Math.max(0, n - b.maxEvents()))
                    : over ? h : Math.max(0, h - b.maxHits());
            if (removed > 0) {
              out.merge(m, removed, Long::sum);
            }
          });
    }
    return out;
  }

  private static long events(Map<CellKey, Long> cells) {
    return cells.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<CellKey, Long> members(Map<CellKey, Long> cells, Level level) {
    Map<CellKey, Long> out = new HashMap<>();
    cells.forEach((c, h) -> out.merge(level.of(c), h, Long::sum));
    return out;
  }
}
