package nl.datapoints.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.schemas.reference.ReferenceCsv;

/**
 * The query benchmark's client (run by {@code scripts/bench/query} and {@code
 * scripts/bench/scaling}):
 *
 * <pre>
 *   queries --out FILE --from DATE --to DATE --n N (--hardest | --postcodes CSV [--seed S]
 *           | --pc4 P --radius KM --dates K)
 *   http    --base URL --queries FILE [--clients C] [--warmup W] [--requests N] [--max-seconds T] [--label L]
 *   pg      --jdbc URL --queries FILE [--variant one|four|temp] [--clients C] ... [--label L]
 *   check   --base URL --jdbc URL --queries FILE [--n N]
 *   area    --base URL --queries FILE      (the first query's area: pc4s, pc4s with data, rows)
 *   hbase   --zookeeper HOST:PORT --table T [--wait-compactions SECONDS]
 * </pre>
 *
 * {@code http} and {@code pg} print one summary line {@code label n p50 p90 p99 max req/s errors}
 * (ms); {@code check} prints EQUAL or DIFFERENT per query and exits 1 when any differs.
 */
public final class QueryBench {
  private static final List<String> COMMANDS =
      List.of("queries", "http", "pg", "check", "area", "hbase");
  private static final Set<String> LOAD =
      Set.of("queries", "clients", "warmup", "requests", "max-seconds", "label");

  private QueryBench() {}

  public static void main(String[] args) throws Exception {
    Cli.main("query-bench", args, QueryBench::run);
  }

  static int run(List<String> args) throws Exception {
    String command = Cli.command(args, COMMANDS);
    List<String> rest = args.subList(1, args.size());
    switch (command) {
      case "queries" ->
          queries(
              Options.parse(
                  rest,
                  Set.of("out", "from", "to", "n", "postcodes", "seed", "pc4", "radius", "dates"),
                  Set.of("hardest")));
      case "http" -> {
        Options o = Options.parse(rest, union(LOAD, "base"), Set.of());
        load(o, httpRunners(o.string("base")));
      }
      case "pg" -> {
        Options o = Options.parse(rest, union(LOAD, "jdbc", "variant"), Set.of());
        load(
            o,
            PostgisPeer.runners(
                o.string("jdbc"), o.choice("variant", "one", PostgisPeer.VARIANTS)));
      }
      case "check" -> {
        return check(Options.parse(rest, Set.of("base", "jdbc", "queries", "n"), Set.of())) ? 0 : 1;
      }
      case "area" -> area(Options.parse(rest, Set.of("base", "queries"), Set.of()));
      default -> {
        Options o = Options.parse(rest, Set.of("zookeeper", "table", "wait-compactions"), Set.of());
        System.out.println(
            HBaseInfo.describe(
                o.string("zookeeper"),
                o.string("table"),
                o.decimal("wait-compactions", 0, 0, 86_400)));
      }
    }
    return 0;
  }

  static List<Query> queryList(Options o) throws IOException {
    var from = o.date("from");
    var to = o.date("to");
    int n = o.integer("n", 1, 10_000_000);
    if (o.flag("hardest")) {
      return QueryLists.hardest(from, to, n);
    }
    if (o.has("pc4")) {
      return QueryLists.fixedShape(
          o.integer("pc4", 1000, 9999),
          o.decimal("radius", 0.1, 1000),
          o.integer("dates", 1, 366),
          from,
          to,
          n);
    }
    if (!o.has("postcodes")) {
      throw new IllegalArgumentException(
          "queries needs --hardest, --pc4 P --radius KM --dates K, or --postcodes CSV");
    }
    Path csv = o.file("postcodes");
    List<Integer> pc4s;
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      pc4s = new ArrayList<>(ReferenceCsv.postcodes(csv.toString(), in).keySet());
    }
    return QueryLists.mixed(
        pc4s, from, to, n, o.longValue("seed", 7, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  private static void queries(Options o) throws IOException {
    Path out = Path.of(o.string("out"));
    Files.write(out, queryList(o).stream().map(Query::line).toList());
  }

  /** The queries of a list file ({@code --queries}). */
  static List<Query> read(String file) throws IOException {
    if (!Files.isRegularFile(Path.of(file))) {
      throw new IllegalArgumentException("--queries must be an existing file, got " + file);
    }
    List<Query> qs = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(file))) {
      if (!l.isBlank()) {
        qs.add(Query.parse(l));
      }
    }
    if (qs.isEmpty()) {
      throw new IllegalArgumentException("--queries " + file + " holds no queries");
    }
    return qs;
  }

  private static void load(Options o, LoadRun.RunnerFactory factory) throws Exception {
    int clients = o.integer("clients", 1, 1, 256);
    int warmup = o.integer("warmup", 100, 0, Integer.MAX_VALUE);
    int requests = o.integer("requests", 500, 1, 100_000_000);
    double maxSeconds = o.decimal("max-seconds", 120, 0.001, 86_400);
    String label = o.string("label", "run");
    LoadRun.Result r =
        LoadRun.run(read(o.string("queries")), clients, warmup, requests, maxSeconds, factory);
    if (r.firstError() != null) {
      System.err.println("first error: " + r.firstError());
    }
    System.out.println(r.summary(label));
  }

  private static LoadRun.RunnerFactory httpRunners(String base) {
    HttpClient client = http();
    return () ->
        q -> {
          HttpResponse<byte[]> r =
              client.send(
                  HttpRequest.newBuilder(URI.create(base + q.path()))
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + q.path());
          }
        };
  }

  private static HttpClient http() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static JsonNode get(HttpClient client, String base, Query q)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + q.path()))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException(
          "HTTP "
              + r.statusCode()
              + " for "
              + q.path()
              + ": "
              + new String(r.body(), StandardCharsets.UTF_8));
    }
    return new ObjectMapper().readTree(r.body());
  }

  /** Compares the first n answers of both sides; true when every one is EQUAL. */
  private static boolean check(Options o) throws Exception {
    List<Query> qs = read(o.string("queries"));
    int n = Math.min(qs.size(), o.integer("n", 20, 1, 1_000_000));
    HttpClient client = http();
    int bad = 0;
    try (Connection c = DriverManager.getConnection(o.string("jdbc"))) {
      for (int i = 0; i < n; i++) {
        Query q = qs.get(i);
        Answer ours = ApiAnswer.of(get(client, o.string("base"), q));
        Answer peer = PostgisPeer.answer(c, q);
        Answer peerTemp = PostgisPeer.answerTemp(c, q);
        boolean same = ours.equals(peer) && peer.equals(peerTemp);
        System.out.printf(
            Locale.ROOT,
            "check %s %skm %dd %s: %s%n",
            q.pc4(),
            q.radiusKm(),
            q.dates().size(),
            ours.shape(),
            same ? "EQUAL" : "DIFFERENT");
        if (!same) {
          bad++;
          System.out.println(
              "  ours: " + ours + "\n  peer: " + peer + "\n  peerTemp: " + peerTemp.shape());
        }
      }
    }
    System.out.println("check: " + (n - bad) + "/" + n + " queries equal");
    return bad == 0;
  }

  /** The area of the first query of a list, as the service answers it: the sweep's x notes. */
  private static void area(Options o) throws Exception {
    Query q = read(o.string("queries")).get(0);
    JsonNode a = get(http(), o.string("base"), q);
    int pc4s = a.get("postcodes").size();
    System.out.printf(
        Locale.ROOT,
        "area\tpc4=%d\tradius=%s\tdates=%d\tpc4s=%d\tpc4s_with_data=%d\trows=%d%n",
        q.pc4(),
        q.radiusKm(),
        q.dates().size(),
        pc4s,
        a.get("points").size(),
        pc4s * q.dates().size());
  }

  private static Set<String> union(Set<String> a, String... more) {
    Set<String> s = new java.util.TreeSet<>(a);
    s.addAll(List.of(more));
    return s;
  }
}
