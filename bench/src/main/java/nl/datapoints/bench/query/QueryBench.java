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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.HttpAnswers;
import nl.datapoints.bench.common.Options;
import nl.datapoints.bench.query.RollupSql.Dialect;
import nl.datapoints.schemas.reference.ReferenceCsv;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.duckdb.DuckDBConnection;

/**
 * The query benchmark's client (run by {@code scripts/bench/query} and {@code
 * scripts/bench/scaling}):
 *
 * <pre>
 *   queries --out FILE --from DATE --to DATE --n N (--hardest | --postcodes CSV [--seed S]
 *           [--filters REF_DIR] | --pc4 P --radius KM --dates K)
 *   http    --base URL --queries FILE [--clients C] [--warmup W] [--requests N] [--max-seconds T]
 *           [--label L] [--server-pids P,P]
 *   suite   --side http|pg|duckdb (--base URL | --jdbc URL | --csv DIR --postcodes CSV)
 *           --hard FILE --mix FILE --label L [--warm-seconds 60] [--hard-n 500] [--hard-warmup 100]
 *           [--mix-n 2000] [--mix-warmup 200] [--mix-clients 4] [--max-seconds 120] [--server-pids P,P]
 *   check   --base URL [--jdbc URL] [--csv DIR --postcodes CSV] --queries FILE [--n N]
 *   during  --base URL --queries FILE --label L [--clients 4] [--idle-seconds 30] [--after-seconds 15]
 *           [--server-pids P,P] [--log FILE] -- COMMAND [ARGS...]
 *   area    --base URL --queries FILE      (the first query's area: pc4s, pc4s with data, rows)
 *   hbase   --zookeeper HOST:PORT --table T [--wait-compactions SECONDS]
 *   moe95-sql                              (the peers' margin function, for PostgreSQL)
 * </pre>
 *
 * {@code http} and {@code suite} print summary lines {@code label n p50 p90 p99 max req/s errors
 * [cpu_ms/req]} (ms; the CPU of the {@code --server-pids} process trees per measured request;
 * DuckDB runs in this JVM, so its side measures this process); {@code check} prints EQUAL or
 * DIFFERENT per query and peer and exits 1 when any differs; {@code during} prints an idle, a
 * during and an after line around one run of COMMAND and exits 1 when it fails.
 */
public final class QueryBench {
  private static final List<String> COMMANDS =
      List.of("queries", "http", "suite", "check", "during", "area", "hbase", "moe95-sql");
  private static final Set<String> LOAD =
      Set.of("queries", "clients", "warmup", "requests", "max-seconds", "label", "server-pids");
  private static final List<String> SIDES = List.of("http", "pg", "duckdb");

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
                  Set.of(
                      "out",
                      "from",
                      "to",
                      "n",
                      "postcodes",
                      "seed",
                      "filters",
                      "pc4",
                      "radius",
                      "dates"),
                  Set.of("hardest")));
      case "http" -> {
        Options o = Options.parse(rest, union(LOAD, "base"), Set.of());
        LoadRun.Result r =
            LoadRun.run(
                read(o.string("queries")),
                o.integer("clients", 1, 1, 256),
                o.integer("warmup", 100, 0, Integer.MAX_VALUE),
                o.integer("requests", 500, 1, 100_000_000),
                o.decimal("max-seconds", 120, 0.001, 86_400),
                httpRunners(o.string("base")),
                cpu(o).orElse(null),
                self());
        report(r, o.string("label", "run"));
      }
      case "suite" -> suite(Options.parse(rest, SUITE, Set.of()));
      case "check" -> {
        return check(
                Options.parse(
                    rest, Set.of("base", "jdbc", "csv", "postcodes", "queries", "n"), Set.of()))
            ? 0
            : 1;
      }
      case "during" -> {
        int dash = rest.indexOf("--");
        if (dash < 0 || dash == rest.size() - 1) {
          throw new IllegalArgumentException("during needs -- COMMAND [ARGS...] after its options");
        }
        Options o =
            Options.parse(
                rest.subList(0, dash),
                Set.of(
                    "base",
                    "queries",
                    "label",
                    "clients",
                    "idle-seconds",
                    "after-seconds",
                    "server-pids",
                    "log"),
                Set.of());
        return During.run(o, rest.subList(dash + 1, rest.size()), httpRunners(o.string("base")));
      }
      case "area" -> area(Options.parse(rest, Set.of("base", "queries"), Set.of()));
      case "moe95-sql" -> {
        Options.parse(rest, Set.of(), Set.of());
        System.out.println(RollupSql.moeFunction(Dialect.POSTGRES));
      }
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

  private static final Set<String> SUITE =
      Set.of(
          "side",
          "base",
          "jdbc",
          "csv",
          "postcodes",
          "hard",
          "mix",
          "label",
          "warm-seconds",
          "hard-n",
          "hard-warmup",
          "mix-n",
          "mix-warmup",
          "mix-clients",
          "max-seconds",
          "server-pids",
          "duckdb-threads");

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
    long seed = o.longValue("seed", 7, Long.MIN_VALUE, Long.MAX_VALUE);
    if (o.has("filters")) {
      return QueryLists.filtered(pc4s, merchantSbis(o.directory("filters")), from, to, n, seed);
    }
    return QueryLists.mixed(pc4s, from, to, n, seed);
  }

  /** The SBI code of every merchant of {@code ref/merchants.csv} (a code once per merchant). */
  private static List<String> merchantSbis(Path ref) throws IOException {
    Path csv = ref.resolve(ReferenceCsv.MERCHANTS);
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("--filters " + ref + " has no " + ReferenceCsv.MERCHANTS);
    }
    List<String> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      ReferenceCsv.merchants(
          csv.toString(),
          in,
          (id, sbi) -> {
            out.add(sbi);
            return seen.add(id);
          });
    }
    return out;
  }

  private static void queries(Options o) throws IOException {
    Path out = Path.of(o.string("out"));
    Files.write(out, queryList(o).stream().map(Query::line).toList());
  }

  /** The queries of a list file ({@code --queries}). */
  static List<Query> read(String file) throws IOException {
    if (!Files.isRegularFile(Path.of(file))) {
      throw new IllegalArgumentException("a query list must be an existing file, got " + file);
    }
    List<Query> qs = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(file))) {
      if (!l.isBlank()) {
        qs.add(Query.parse(l));
      }
    }
    if (qs.isEmpty()) {
      throw new IllegalArgumentException("the query list " + file + " holds no queries");
    }
    return qs;
  }

  /** The server side's CPU meter of {@code --server-pids}, if given. */
  static Optional<LoadRun.CpuMeter> cpu(Options o) {
    return o.optional("server-pids").map(p -> new ProcCpu(ProcCpu.pids(p)));
  }

  /**
   * The client's CPU meter: this JVM (request threads, HTTP client or JDBC driver). For DuckDB in
   * memory it is also the server side's.
   */
  static LoadRun.CpuMeter self() {
    return new ProcCpu(List.of(ProcessHandle.current().pid()));
  }

  private static void report(LoadRun.Result r, String label) {
    if (r.firstError() != null) {
      System.err.println(label + ": first error: " + r.firstError());
    }
    System.out.println(r.summary(label));
  }

  /**
   * One side's measured runs, the same for every side: the mix at {@code --mix-clients} for {@code
   * --warm-seconds} (steady state: the JIT has compiled, the blocks are cached; printed as a
   * comment), then the hardest list at 1 client and the mix at {@code --mix-clients}, each with its
   * warm-up requests first.
   */
  private static void suite(Options o) throws Exception {
    String side = o.choice("side", "http", SIDES);
    String label = o.string("label");
    List<Query> hard = read(o.string("hard"));
    List<Query> mix = read(o.string("mix"));
    double warmSeconds = o.decimal("warm-seconds", 60, 0, 86_400);
    int hardN = o.integer("hard-n", 500, 1, 100_000_000);
    int hardWarmup = o.integer("hard-warmup", 100, 0, Integer.MAX_VALUE);
    int mixN = o.integer("mix-n", 2000, 1, 100_000_000);
    int mixWarmup = o.integer("mix-warmup", 200, 0, Integer.MAX_VALUE);
    int mixClients = o.integer("mix-clients", 4, 1, 256);
    double maxSeconds = o.decimal("max-seconds", 120, 0.001, 86_400);
    DuckDBConnection duck = null;
    LoadRun.RunnerFactory factory;
    LoadRun.CpuMeter meter = cpu(o).orElse(null);
    LoadRun.CpuMeter client = self();
    try {
      switch (side) {
        case "http" -> factory = httpRunners(o.string("base"));
        case "pg" -> factory = RollupPeer.postgres(o.string("jdbc"));
        default -> {
          long t0 = System.nanoTime();
          duck = RollupPeer.loadDuckDb(o.directory("csv"), o.file("postcodes"));
          int threads = o.integer("duckdb-threads", 0, 0, 1024);
          if (threads > 0) {
            try (java.sql.Statement st = duck.createStatement()) {
              st.execute("SET threads = " + threads);
            }
          }
          System.out.printf(
              Locale.ROOT,
              "# %s: DuckDB loaded in %.1f s: %s%n",
              label,
              (System.nanoTime() - t0) / 1e9,
              RollupPeer.describe(duck));
          factory = RollupPeer.duckdb(duck);
          if (meter == null) {
            meter = self();
          }
        }
      }
      if (warmSeconds > 0) {
        // Enough measured slots never to run out before the time does (LoadRun keeps one per
        // request): 5,000 requests a second.
        int slots = (int) Math.min(50_000_000, Math.max(10_000, warmSeconds * 5_000));
        LoadRun.Result w =
            LoadRun.run(mix, mixClients, 0, slots, warmSeconds, factory, meter, client);
        System.out.println("# " + w.summary(label + " warm-up " + mixClients + "c"));
      }
      report(
          LoadRun.run(hard, 1, hardWarmup, hardN, maxSeconds, factory, meter, client),
          label + " hardest 1c");
      report(
          LoadRun.run(mix, mixClients, mixWarmup, mixN, maxSeconds, factory, meter, client),
          label + " mix " + mixClients + "c");
    } finally {
      if (duck != null) {
        duck.close();
      }
    }
  }

  /**
   * Runners over one pooled, keep-alive HTTP/1.1 client. The classic Apache client reads each
   * response on the calling thread; {@code java.net.http} hands it from its selector thread to an
   * executor and back to the caller, and on these 2 shared cores that cost the load client ~0.2 CPU
   * ms per request, taken from the server it measures.
   */
  private static LoadRun.RunnerFactory httpRunners(String base) {
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(256)
            .setMaxConnPerRoute(256)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.ofSeconds(10))
                    .build())
            .build();
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .build();
    return () ->
        q -> {
          String path = q.path();
          client.execute(
              new HttpGet(base + path),
              r -> {
                // Read the body whatever the status: the connection goes back to the pool.
                return HttpAnswers.requireOk(
                        r.getCode(), path, EntityUtils.toByteArray(r.getEntity()))
                    .length;
              });
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
    return new ObjectMapper().readTree(HttpAnswers.requireOk(r.statusCode(), q.path(), r.body()));
  }

  /**
   * Compares the first n answers of the service with every peer given ({@code --jdbc}: PostgreSQL;
   * {@code --csv}: DuckDB); true when every one is EQUAL.
   */
  private static boolean check(Options o) throws Exception {
    List<Query> qs = read(o.string("queries"));
    int n = Math.min(qs.size(), o.integer("n", 20, 1, 1_000_000));
    if (!o.has("jdbc") && !o.has("csv")) {
      throw new IllegalArgumentException("check needs a peer: --jdbc URL and/or --csv DIR");
    }
    HttpClient client = http();
    int bad = 0;
    Connection pg = o.has("jdbc") ? DriverManager.getConnection(o.string("jdbc")) : null;
    DuckDBConnection duck =
        o.has("csv") ? RollupPeer.loadDuckDb(o.directory("csv"), o.file("postcodes")) : null;
    try {
      for (int i = 0; i < n; i++) {
        Query q = qs.get(i);
        Answer ours = ApiAnswer.of(get(client, o.string("base"), q));
        List<String> verdicts = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (pg != null) {
          compare("pg", ours, RollupPeer.answer(pg, Dialect.POSTGRES, q), verdicts, why);
        }
        if (duck != null) {
          compare("duckdb", ours, RollupPeer.answer(duck, Dialect.DUCKDB, q), verdicts, why);
        }
        boolean same = why.isEmpty();
        System.out.printf(
            Locale.ROOT,
            "check %s %skm %dd%s %s: %s %s%n",
            q.pc4(),
            q.radiusKm(),
            q.dates().size(),
            q.filtered() ? " " + q.line().substring(q.line().lastIndexOf('\t') + 1) : "",
            ours.shape(),
            String.join(" ", verdicts),
            same ? "EQUAL" : "DIFFERENT");
        if (!same) {
          bad++;
          why.forEach(w -> System.out.println("  " + w));
        }
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
      if (duck != null) {
        duck.close();
      }
    }
    System.out.println("check: " + (n - bad) + "/" + n + " queries equal");
    return bad == 0;
  }

  private static void compare(
      String peer, Answer ours, Answer theirs, List<String> verdicts, List<String> why) {
    boolean same = ours.equals(theirs);
    verdicts.add(peer + "=" + (same ? "equal" : "different"));
    if (!same) {
      why.add("ours vs " + peer + ":" + ours.differences(theirs));
    }
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
    Set<String> s = new TreeSet<>(a);
    s.addAll(List.of(more));
    return s;
  }
}
