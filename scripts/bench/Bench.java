// The query benchmark's client side (run as a single-file program by scripts/bench-query):
//   queries  --postcodes CSV --from DATE --to DATE --n N --seed S --out FILE [--hardest]
//   queries  --pc4 P --radius KM --dates K --from DATE --to DATE --n N --out FILE   (one fixed shape)
//   http     --base URL --queries FILE --clients C --warmup W --requests N --max-seconds T --label L
//   pg       --jdbc URL --queries FILE --clients C --warmup W --requests N --max-seconds T --variant one|four|temp --label L
//   check    --base URL --jdbc URL --queries FILE --n N
//   area     --base URL --queries FILE       (the first query's area: pc4s, pc4s with data, rows)
//   hbase    --zookeeper HOST:PORT --table T [--wait-compactions SECONDS]
//            (the table's regions, store files and the region servers' read-request counters)
// A query line is "pc4<TAB>radiusKm<TAB>d1;d2;...". Latency is measured around one complete
// answer (HTTP: status 200 and body read; pg: every result row fetched). Bounded by request
// count and wall time; loopback only. Prints one summary line: label n p50 p90 p99 max req/s errors.
// The scaling sweeps (scripts/bench-scaling) use the fixed-shape query lists: the same postcode,
// radius and number of consecutive dates in every line, only the start date rotating over the
// range, so a sweep point varies one thing only.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Bench {
  record Query(int pc4, double radiusKm, List<LocalDate> dates) {
    String path() {
      StringBuilder b = new StringBuilder("/api/").append(pc4).append('/');
      for (int i = 0; i < dates.size(); i++) {
        b.append(i == 0 ? "" : "%3B").append(dates.get(i));
      }
      return b.append('/').append(radiusKm).toString();
    }
  }

  /** The answer in comparable form: totals, per SBI, per date-hour, per pc4 -> {hits, delta}. */
  record Answer(List<Integer> area, List<Long> totals, Map<String, List<Long>> sbi, Map<String, List<Long>> timeline,
      Map<Integer, List<Long>> points) {}

  interface Runner {
    void run(Query q) throws Exception;
  }

  interface RunnerFactory {
    Runner open() throws Exception;
  }

  public static void main(String[] a) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < a.length; i++) {
      if (a[i].equals("--hardest")) {
        o.put("hardest", "true");
      } else {
        o.put(a[i].substring(2), a[++i]);
      }
    }
    switch (a[0]) {
      case "queries" -> queries(o);
      case "http" -> load(o, httpRunners(o.get("base")));
      case "pg" -> load(o, pgRunners(o.get("jdbc"), o.getOrDefault("variant", "one")));
      case "check" -> check(o);
      case "area" -> area(o);
      case "hbase" -> hbase(o);
      default -> throw new IllegalArgumentException("command must be queries|http|pg|check|area|hbase, got " + a[0]);
    }
  }

  static void queries(Map<String, String> o) throws IOException {
    LocalDate from = LocalDate.parse(o.get("from"));
    LocalDate to = LocalDate.parse(o.get("to"));
    int n = Integer.parseInt(o.get("n"));
    List<String> out = new ArrayList<>();
    if (o.containsKey("hardest")) {
      for (int i = 0; i < n; i++) {
        LocalDate s = from.plusDays(i % (to.toEpochDay() - from.toEpochDay() - 5));
        out.add(line(1012, 10, s, 7));
      }
    } else if (o.containsKey("pc4")) {
      int pc4 = Integer.parseInt(o.get("pc4"));
      int km = Integer.parseInt(o.get("radius"));
      int k = Integer.parseInt(o.get("dates"));
      long starts = to.toEpochDay() - from.toEpochDay() - k + 2;
      if (starts < 1) {
        throw new IllegalArgumentException("--dates " + k + " does not fit in " + from + ".." + to);
      }
      for (int i = 0; i < n; i++) {
        out.add(line(pc4, km, from.plusDays(i % starts), k));
      }
    } else {
      List<Integer> pc4s = new ArrayList<>();
      for (String l : Files.readAllLines(Path.of(o.get("postcodes")))) {
        if (!l.startsWith("pc4")) {
          pc4s.add(Integer.parseInt(l.substring(0, l.indexOf(','))));
        }
      }
      Random r = new Random(Long.parseLong(o.getOrDefault("seed", "7")));
      long span = to.toEpochDay() - from.toEpochDay() + 1;
      for (int i = 0; i < n; i++) {
        int k = 1 + r.nextInt(7);
        out.add(line(pc4s.get(r.nextInt(pc4s.size())), 1 + r.nextInt(10), from.plusDays(r.nextInt((int) (span - k + 1))), k));
      }
    }
    Files.write(Path.of(o.get("out")), out);
  }

  static String line(int pc4, int km, LocalDate start, int k) {
    StringBuilder b = new StringBuilder().append(pc4).append('\t').append(km).append('\t');
    for (int d = 0; d < k; d++) {
      b.append(d == 0 ? "" : ";").append(start.plusDays(d));
    }
    return b.toString();
  }

  static List<Query> read(String file) throws IOException {
    List<Query> qs = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(file))) {
      String[] f = l.split("\t");
      List<LocalDate> ds = new ArrayList<>();
      for (String d : f[2].split(";")) {
        ds.add(LocalDate.parse(d));
      }
      qs.add(new Query(Integer.parseInt(f[0]), Double.parseDouble(f[1]), ds));
    }
    return qs;
  }

  static void load(Map<String, String> o, RunnerFactory factory) throws Exception {
    List<Query> qs = read(o.get("queries"));
    int clients = Integer.parseInt(o.getOrDefault("clients", "1"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "100"));
    int requests = Integer.parseInt(o.getOrDefault("requests", "500"));
    long maxNanos = (long) (Double.parseDouble(o.getOrDefault("max-seconds", "120")) * 1e9);
    long[] lat = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger warm = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastEnd = new AtomicLong();
    long deadline = System.nanoTime() + maxNanos;
    List<Thread> ts = new ArrayList<>();
    Throwable[] firstError = new Throwable[1];
    for (int c = 0; c < clients; c++) {
      Runner runner = factory.open();
      int offset = c * 7919;
      ts.add(new Thread(() -> {
        int i = offset;
        while (System.nanoTime() < deadline) {
          Query q = qs.get(Math.floorMod(i++, qs.size()));
          boolean measuring = warm.incrementAndGet() > warmup;
          int slot = -1;
          if (measuring) {
            slot = next.getAndIncrement();
            if (slot >= requests) {
              return;
            }
          }
          long t0 = System.nanoTime();
          if (measuring) {
            firstStart.accumulateAndGet(t0, Math::min);
          }
          try {
            runner.run(q);
          } catch (Exception e) {
            errors.incrementAndGet();
            synchronized (firstError) {
              if (firstError[0] == null) {
                firstError[0] = e;
              }
            }
          }
          long t1 = System.nanoTime();
          if (measuring) {
            lat[slot] = t1 - t0;
            lastEnd.accumulateAndGet(t1, Math::max);
          }
        }
      }));
    }
    ts.forEach(Thread::start);
    for (Thread t : ts) {
      t.join();
    }
    int n = Math.min(next.get(), requests);
    long[] done = Arrays.copyOf(lat, n);
    Arrays.sort(done);
    double secs = (lastEnd.get() - firstStart.get()) / 1e9;
    if (firstError[0] != null) {
      System.err.println("first error: " + firstError[0]);
    }
    System.out.printf(Locale.ROOT, "%s\tn=%d\tp50=%.2f\tp90=%.2f\tp99=%.2f\tmax=%.2f\treq/s=%.1f\terrors=%d%n",
        o.getOrDefault("label", "run"), n, ms(done, 0.50), ms(done, 0.90), ms(done, 0.99),
        n == 0 ? 0 : done[n - 1] / 1e6, n / secs, errors.get());
  }

  static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int idx = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, idx)] / 1e6;
  }

  static RunnerFactory httpRunners(String base) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    return () -> q -> {
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + q.path()))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode() + " for " + q.path());
      }
    };
  }

  static final String AREA = "SELECT p.pc4 FROM postcodes p WHERE ST_DWithin(p.geog, "
      + "(SELECT geog FROM postcodes WHERE pc4 = ?), ?, false) UNION SELECT ?";

  /** The four aggregates of the API in one statement (one pass over the cells). */
  static final String ONE = "SELECT GROUPING(sbi, date, hour, pc4) AS g, sbi, date, hour, pc4, sum(hits), sum(delta) "
      + "FROM cells WHERE date = ANY(?) AND pc4 IN (" + AREA + ") "
      + "GROUP BY GROUPING SETS ((), (sbi), (date, hour), (pc4))";

  /** The seed's style: one statement per widget, each with the spatial join. */
  static final String[] FOUR = {
    "SELECT sum(hits), sum(delta) FROM cells c JOIN (" + AREA + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?)",
    "SELECT sbi, sum(hits), sum(delta) FROM cells c JOIN (" + AREA + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY sbi",
    "SELECT date, hour, sum(hits), sum(delta) FROM cells c JOIN (" + AREA + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY date, hour",
    "SELECT c.pc4, sum(hits), sum(delta) FROM cells c JOIN (" + AREA + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY c.pc4",
  };

  static final String[] TEMP_QUERIES = {
    "SELECT sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?)",
    "SELECT sbi, sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY sbi",
    "SELECT date, hour, sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY date, hour",
    "SELECT c.pc4, sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY c.pc4",
  };

  static RunnerFactory pgRunners(String jdbc, String variant) {
    return () -> {
      Connection c = DriverManager.getConnection(jdbc);
      switch (variant) {
        case "one" -> {
          PreparedStatement ps = c.prepareStatement(ONE);
          return q -> {
            bindArea(ps, c, q, 1);
            drain(ps);
          };
        }
        case "four" -> {
          PreparedStatement[] ps = new PreparedStatement[4];
          for (int i = 0; i < 4; i++) {
            ps[i] = c.prepareStatement(FOUR[i]);
          }
          return q -> {
            for (PreparedStatement p : ps) {
              p.setInt(1, q.pc4());
              p.setDouble(2, q.radiusKm() * 1000);
              p.setInt(3, q.pc4());
              p.setArray(4, dates(c, q));
              drain(p);
            }
          };
        }
        case "temp" -> {
          PreparedStatement create = c.prepareStatement("CREATE TEMP TABLE area (pc4 int) ON COMMIT DROP");
          PreparedStatement fill = c.prepareStatement("INSERT INTO area " + AREA);
          PreparedStatement[] ps = new PreparedStatement[4];
          c.setAutoCommit(false);
          for (int i = 0; i < 4; i++) {
            ps[i] = c.prepareStatement(TEMP_QUERIES[i]);
          }
          return q -> {
            create.execute();
            fill.setInt(1, q.pc4());
            fill.setDouble(2, q.radiusKm() * 1000);
            fill.setInt(3, q.pc4());
            fill.execute();
            for (PreparedStatement p : ps) {
              p.setArray(1, dates(c, q));
              drain(p);
            }
            c.commit();
          };
        }
        default -> throw new IllegalArgumentException("--variant must be one|four|temp, got " + variant);
      }
    };
  }

  static void bindArea(PreparedStatement ps, Connection c, Query q, int first) throws Exception {
    ps.setArray(first, dates(c, q));
    ps.setInt(first + 1, q.pc4());
    ps.setDouble(first + 2, q.radiusKm() * 1000);
    ps.setInt(first + 3, q.pc4());
  }

  static java.sql.Array dates(Connection c, Query q) throws Exception {
    Date[] ds = new Date[q.dates().size()];
    for (int i = 0; i < ds.length; i++) {
      ds[i] = Date.valueOf(q.dates().get(i));
    }
    return c.createArrayOf("date", ds);
  }

  static long drain(PreparedStatement ps) throws Exception {
    long n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        n += rs.getLong(rs.getMetaData().getColumnCount() - 1);
      }
    }
    return n;
  }

  static void check(Map<String, String> o) throws Exception {
    List<Query> qs = read(o.get("queries"));
    int n = Math.min(qs.size(), Integer.parseInt(o.getOrDefault("n", "20")));
    HttpClient client = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    int bad = 0;
    try (Connection c = DriverManager.getConnection(o.get("jdbc"))) {
      for (int i = 0; i < n; i++) {
        Query q = qs.get(i);
        JsonNode api = json.readTree(client.send(HttpRequest.newBuilder(URI.create(o.get("base") + q.path())).build(),
            HttpResponse.BodyHandlers.ofByteArray()).body());
        Answer ours = fromApi(api);
        Answer peer = fromPg(c, q);
        Answer peerTemp = fromPgTemp(c, q);
        boolean same = ours.equals(peer) && peer.equals(peerTemp);
        System.out.printf(Locale.ROOT, "check %s %s area=%d total=%d delta=%d sbi=%d timeline=%d points=%d: %s%n",
            q.pc4(), q.radiusKm() + "km " + q.dates().size() + "d", ours.area().size(), ours.totals().get(0),
            ours.totals().get(1), ours.sbi().size(), ours.timeline().size(), ours.points().size(),
            same ? "EQUAL" : "DIFFERENT");
        if (!same) {
          bad++;
          System.out.println("  ours: " + ours + "\n  peer: " + peer + "\n  peerTemp totals: " + peerTemp.totals());
        }
      }
    }
    System.out.println("check: " + (n - bad) + "/" + n + " queries equal");
    if (bad > 0) {
      System.exit(1);
    }
  }

  static Answer fromApi(JsonNode a) {
    List<Integer> area = new ArrayList<>();
    a.get("postcodes").forEach(p -> area.add(Integer.parseInt(p.asText())));
    List<Long> totals = List.of(a.get("totals").get("total").asLong(), a.get("totals").get("delta").asLong());
    Map<String, List<Long>> sbi = new TreeMap<>();
    a.get("stats").forEach(s -> sbi.put(s.get("sbi").asText(), List.of(s.get("total").asLong(), s.get("delta").asLong())));
    Map<String, List<Long>> tl = new TreeMap<>();
    a.get("timeline").forEach(t -> {
      if (t.get("hits").asLong() != 0 || t.get("delta").asLong() != 0) {
        tl.put(t.get("date").asText() + "/" + t.get("hour").asInt(), List.of(t.get("hits").asLong(), t.get("delta").asLong()));
      }
    });
    Map<Integer, List<Long>> pts = new TreeMap<>();
    a.get("points").forEach(p -> pts.put(Integer.parseInt(p.get("postcode").asText()),
        List.of(p.get("hits").asLong(), p.get("delta").asLong())));
    return new Answer(area, totals, sbi, tl, pts);
  }

  static Answer fromPg(Connection c, Query q) throws Exception {
    List<Integer> area = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT pc4 FROM (" + AREA + ") a ORDER BY pc4")) {
      ps.setInt(1, q.pc4());
      ps.setDouble(2, q.radiusKm() * 1000);
      ps.setInt(3, q.pc4());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          area.add(rs.getInt(1));
        }
      }
    }
    List<Long> totals = List.of(0L, 0L);
    Map<String, List<Long>> sbi = new TreeMap<>();
    Map<String, List<Long>> tl = new TreeMap<>();
    Map<Integer, List<Long>> pts = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(ONE)) {
      bindArea(ps, c, q, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int g = rs.getInt(1);
          long hits = rs.getLong(6);
          long delta = rs.getLong(7);
          List<Long> v = List.of(hits, delta);
          boolean nonzero = hits != 0 || delta != 0;
          if (g == 15) {
            totals = v;
          } else if (g == 7 && nonzero) {
            sbi.put(rs.getString(2), v);
          } else if (g == 9 && nonzero) {
            tl.put(rs.getDate(3).toLocalDate() + "/" + rs.getInt(4), v);
          } else if (g == 14 && nonzero) {
            pts.put(rs.getInt(5), v);
          }
        }
      }
    }
    return new Answer(area, totals, sbi, tl, pts);
  }

  /** The temp-table variant's answer (totals only compared in detail; same statements as the load). */
  static Answer fromPgTemp(Connection c, Query q) throws Exception {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement create = c.createStatement(); PreparedStatement fill = c.prepareStatement("INSERT INTO area " + AREA)) {
      create.execute("CREATE TEMP TABLE area (pc4 int) ON COMMIT DROP");
      fill.setInt(1, q.pc4());
      fill.setDouble(2, q.radiusKm() * 1000);
      fill.setInt(3, q.pc4());
      fill.execute();
      List<Integer> area = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pc4 FROM area ORDER BY pc4")) {
        while (rs.next()) {
          area.add(rs.getInt(1));
        }
      }
      List<Long> totals = List.of(0L, 0L);
      Map<String, List<Long>> sbi = new TreeMap<>();
      Map<String, List<Long>> tl = new TreeMap<>();
      Map<Integer, List<Long>> pts = new TreeMap<>();
      for (int i = 0; i < 4; i++) {
        try (PreparedStatement p = c.prepareStatement(TEMP_QUERIES[i])) {
          p.setArray(1, dates(c, q));
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              int k = rs.getMetaData().getColumnCount();
              long hits = rs.getLong(k - 1);
              long delta = rs.getLong(k);
              boolean nonzero = hits != 0 || delta != 0;
              List<Long> v = List.of(hits, delta);
              switch (i) {
                case 0 -> totals = v;
                case 1 -> { if (nonzero) { sbi.put(rs.getString(1), v); } }
                case 2 -> { if (nonzero) { tl.put(rs.getDate(1).toLocalDate() + "/" + rs.getInt(2), v); } }
                default -> { if (nonzero) { pts.put(rs.getInt(1), v); } }
              }
            }
          }
        }
      }
      c.commit();
      return new Answer(area, totals, sbi, tl, pts);
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The area of the first query of a list, as the service answers it: the sweep's x notes. */
  static void area(Map<String, String> o) throws Exception {
    Query q = read(o.get("queries")).get(0);
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(o.get("base") + q.path())).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException("HTTP " + r.statusCode() + " for " + q.path());
    }
    JsonNode a = new ObjectMapper().readTree(r.body());
    int pc4s = a.get("postcodes").size();
    System.out.printf(Locale.ROOT, "area\tpc4=%d\tradius=%s\tdates=%d\tpc4s=%d\tpc4s_with_data=%d\trows=%d%n",
        q.pc4(), q.radiusKm(), q.dates().size(), pc4s, a.get("points").size(), pc4s * q.dates().size());
  }

  /**
   * One table's shape and read counters, asked of every region server directly (not the
   * master's 3-second-old copy): regions, store files and their MB, read requests (HBase counts
   * one per row a scanner returns and one per Get) and filtered reads. With
   * --wait-compactions it first waits until no compaction runs on the table, so a measurement
   * after a bulk load does not share the cores with one.
   */
  static void hbase(Map<String, String> o) throws Exception {
    // The client logs at DEBUG to stdout by default; this command's output is one line.
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(ch.qos.logback.classic.Level.ERROR);
    }
    org.apache.hadoop.conf.Configuration conf = org.apache.hadoop.hbase.HBaseConfiguration.create();
    String[] zk = o.get("zookeeper").split(":");
    conf.set("hbase.zookeeper.quorum", zk[0]);
    conf.set("hbase.zookeeper.property.clientPort", zk[1]);
    org.apache.hadoop.hbase.TableName table = org.apache.hadoop.hbase.TableName.valueOf(o.get("table"));
    try (org.apache.hadoop.hbase.client.Connection c = org.apache.hadoop.hbase.client.ConnectionFactory.createConnection(conf);
        org.apache.hadoop.hbase.client.Admin admin = c.getAdmin()) {
      long waitUntil = System.nanoTime() + (long) (Double.parseDouble(o.getOrDefault("wait-compactions", "0")) * 1e9);
      long waited = System.nanoTime();
      org.apache.hadoop.hbase.client.CompactionState state = admin.getCompactionState(table);
      while (state != org.apache.hadoop.hbase.client.CompactionState.NONE && System.nanoTime() < waitUntil) {
        Thread.sleep(1000);
        state = admin.getCompactionState(table);
      }
      int regions = 0;
      int storeFiles = 0;
      double storeMb = 0;
      long reads = 0;
      long filtered = 0;
      for (org.apache.hadoop.hbase.ServerName sn : admin.getRegionServers()) {
        for (org.apache.hadoop.hbase.RegionMetrics m : admin.getRegionMetrics(sn, table)) {
          regions++;
          storeFiles += m.getStoreFileCount();
          storeMb += m.getStoreFileSize().get(org.apache.hadoop.hbase.Size.Unit.MEGABYTE);
          reads += m.getReadRequestCount();
          filtered += m.getFilteredReadRequestCount();
        }
      }
      System.out.printf(Locale.ROOT, "hbase\ttable=%s\tregions=%d\tstorefiles=%d\tstoreMB=%.0f\treadRequests=%d"
          + "\tfilteredReadRequests=%d\tcompaction=%s\twaited=%.0fs%n", table, regions, storeFiles, storeMb, reads,
          filtered, state, (System.nanoTime() - waited) / 1e9);
    }
  }
}
