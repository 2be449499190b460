package nl.datapoints.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.HttpAnswers;
import nl.datapoints.bench.common.Options;
import nl.datapoints.schemas.reference.Postcode;
import nl.datapoints.schemas.reference.ReferenceCsv;

/**
 * The accuracy bench's tool (run by {@code scripts/bench/accuracy}): compares the service's answers
 * (the DP release, over HTTP) and the sums of the k-suppressed cells with the exact sums of the
 * events, over a seeded grid of queries on the warehouse's last seven dates.
 *
 * <pre>
 *   AccuracyBench --warehouse DIR --ref DIR --base URL --out DIR [--centres N] [--seed S]
 * </pre>
 *
 * Writes {@code DIR/accuracy.tsv} (metrics per group), {@code DIR/queries.tsv} (every query's
 * comparison) and {@code DIR/accuracy.md} (the Markdown table) and prints the table.
 */
public final class AccuracyBench {
  private static final int LAST_DATES = 7;

  private AccuracyBench() {}

  public static void main(String[] args) throws Exception {
    Cli.main("accuracy-bench", args, AccuracyBench::run);
  }

  static int run(List<String> args) throws Exception {
    Options o =
        Options.parse(args, Set.of("warehouse", "ref", "base", "out", "centres", "seed"), Set.of());
    File warehouse = o.directory("warehouse").toFile();
    Path ref = o.directory("ref");
    String base = o.string("base");
    Path out = Path.of(o.string("out"));
    int centres = o.integer("centres", 40, 1, 10_000);
    long seed = o.longValue("seed", 2013, Long.MIN_VALUE, Long.MAX_VALUE);

    SortedMap<Integer, Postcode> gazetteer;
    try (Reader r = Files.newBufferedReader(ref.resolve(ReferenceCsv.POSTCODES))) {
      gazetteer = ReferenceCsv.postcodes(ReferenceCsv.POSTCODES, r);
    }
    WarehouseReader wh = new WarehouseReader(warehouse);
    List<LocalDate> all = wh.eventDates();
    if (all.size() < LAST_DATES) {
      throw new IllegalArgumentException(
          "--warehouse: need at least " + LAST_DATES + " event dates, got " + all.size());
    }
    List<LocalDate> dates = all.subList(all.size() - LAST_DATES, all.size());
    Service service = new Service(base);
    Map<LocalDate, Long> releasedHits = service.publishedHits();
    for (LocalDate d : dates) {
      if (!releasedHits.containsKey(d)) {
        throw new IllegalStateException("the service at " + base + " has not published " + d);
      }
    }
    double maxMarginShare = service.maxMarginShare();

    long t0 = System.nanoTime();
    DaySums truth = wh.events(dates);
    DaySums suppressed = wh.aggregates(dates);
    double[] kept = wh.keptShare(dates);
    log(
        "read %,d events and %,d k-suppressed hits of %s..%s in %.1f s",
        truth.total(),
        suppressed.total(),
        dates.get(0),
        dates.get(dates.size() - 1),
        (System.nanoTime() - t0) / 1e9);

    List<Grid.Centre> chosen =
        Grid.centres(new TreeSet<>(gazetteer.keySet()), truth.byPc4(), centres, seed);
    List<Grid.Query> queries = Grid.queries(chosen, dates);
    Areas areas = new Areas(gazetteer);
    List<QueryResult> results = new ArrayList<>(queries.size());
    t0 = System.nanoTime();
    for (Grid.Query q : queries) {
      int[] area = areas.of(q.centre().pc4(), q.radiusKm());
      ServiceAnswer answer = service.area(q);
      if (!Arrays.equals(area, answer.postcodes())) {
        throw new IllegalStateException(
            "the service's area of "
                + q
                + " differs from the gazetteer's: "
                + answer.postcodes().length
                + " vs "
                + area.length
                + " postcode4s");
      }
      double[] k = new double[q.dates().size()];
      for (int i = 0; i < k.length; i++) {
        k[i] = kept[dates.indexOf(q.dates().get(i))];
      }
      results.add(
          QueryResult.of(
              q,
              area.length,
              truth.sum(area, q.dates()),
              suppressed.sum(area, q.dates()),
              answer,
              k,
              maxMarginShare));
    }
    log("%d queries answered in %.1f s", queries.size(), (System.nanoTime() - t0) / 1e9);

    List<Metrics> groups = Report.groups(results);
    Files.createDirectories(out);
    List<String> lines = new ArrayList<>();
    lines.add(Report.METRICS_HEADER);
    groups.forEach(m -> lines.add(Report.tsv(m)));
    Files.write(out.resolve("accuracy.tsv"), lines, StandardCharsets.UTF_8);
    List<String> perQuery = new ArrayList<>();
    perQuery.add(Report.QUERIES_HEADER);
    results.forEach(r -> perQuery.add(Report.tsv(r)));
    Files.write(out.resolve("queries.tsv"), perQuery, StandardCharsets.UTF_8);
    String facts = facts(dates, truth, suppressed, releasedHits, kept, chosen, seed);
    Files.writeString(
        out.resolve("accuracy.md"), facts + "\n" + Report.markdown(groups), StandardCharsets.UTF_8);
    System.out.print(facts);
    System.out.print(Report.table(groups));
    Metrics goal =
        groups.stream().filter(m -> m.label().equals(Report.GOAL)).findFirst().orElseThrow();
    System.out.printf(
        Locale.ROOT,
        "goal (issue 14): weighted relative error <= 3%% for radius >= 2 km over 7 dates: %s (%s)%n",
        Report.pct(goal.errorDp()),
        goal.errorDp() <= 0.03 ? "MET" : "NOT MET");
    return 0;
  }

  /** What the data is: the dates, totals, global completeness, bounds and centres. */
  private static String facts(
      List<LocalDate> dates,
      DaySums truth,
      DaySums suppressed,
      Map<LocalDate, Long> releasedHits,
      double[] kept,
      List<Grid.Centre> centres,
      long seed) {
    long released = dates.stream().mapToLong(releasedHits::get).sum();
    double keptMean = Arrays.stream(kept).average().orElse(Double.NaN);
    Map<String, Long> kinds =
        centres.stream().collect(Collectors.groupingBy(Grid.Centre::kind, Collectors.counting()));
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "# dates %s..%s: %,d true events; k-suppressed cells hold %s of them, the release's"
                + " totals %s; the bounds kept %s of the events (per date %s)%n",
            dates.get(0),
            dates.get(dates.size() - 1),
            truth.total(),
            Report.pct((double) suppressed.total() / truth.total()),
            Report.pct((double) released / truth.total()),
            Report.pct(keptMean),
            Arrays.stream(kept)
                .mapToObj(k -> String.format(Locale.ROOT, "%.2f%%", 100 * k))
                .collect(Collectors.joining(" "))));
    b.append(
        String.format(
            Locale.ROOT,
            "# centres (seed %d): %d weighted by hits, %d uniform: %s%n",
            seed,
            kinds.getOrDefault(Grid.WEIGHTED, 0L),
            kinds.getOrDefault(Grid.UNIFORM, 0L),
            centres.stream()
                .map(c -> c.pc4() + (c.kind().equals(Grid.WEIGHTED) ? "w" : "u"))
                .collect(Collectors.joining(" "))));
    return b.toString();
  }

  private static void log(String format, Object... args) {
    System.err.println("accuracy: " + String.format(Locale.ROOT, format, args));
  }

  /** The service over HTTP. */
  private static final class Service {
    private final String base;
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();

    Service(String base) {
      this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The released hits of the totals per published date ({@code GET /api/dates}). */
    Map<LocalDate, Long> publishedHits() throws IOException, InterruptedException {
      Map<LocalDate, Long> out = new HashMap<>();
      for (JsonNode d : get("/api/dates")) {
        out.put(LocalDate.parse(d.get("date").asText()), d.get("hits").asLong());
      }
      return out;
    }

    /** The dashboard's "too few" share ({@code GET /api/settings}). */
    double maxMarginShare() throws IOException, InterruptedException {
      JsonNode v = get("/api/settings").get("max_margin_share");
      if (v == null || !v.isNumber()) {
        throw new IllegalStateException("GET /api/settings has no max_margin_share");
      }
      return v.asDouble();
    }

    ServiceAnswer area(Grid.Query q) throws IOException, InterruptedException {
      String path =
          "/api/"
              + q.centre().pc4()
              + "/"
              + q.dates().stream().map(LocalDate::toString).collect(Collectors.joining("%3B"))
              + "/"
              + String.format(Locale.ROOT, "%s", q.radiusKm());
      return ServiceAnswer.parse(get(path), q.dates());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return json.readTree(HttpAnswers.requireOk(r.statusCode(), path, r.body()));
    }
  }
}
