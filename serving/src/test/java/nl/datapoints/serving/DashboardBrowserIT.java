package nl.datapoints.serving;

import static io.dropwizard.testing.ConfigOverride.config;
import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the real application and an HBase mini-cluster
 * holding a differentially private release: the page's numbers must be the API's numbers for the
 * same query, each with its ± margin or, when the margin is more than half the figure, "too few to
 * show reliably"; the guarantee must be stated; the map must draw one mark per point, API errors
 * must show the API's message, and the page must load nothing from anywhere but the service. Leaves
 * {@code target/screenshots/dashboard.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TABLE = "datapoints_dash";

  /** it-config.yml accepts exactly this key (it lists its SHA-256). */
  private static final String KEY = "it-key";

  private static final LocalDate FIRST = LocalDate.parse("2013-01-01");
  private static final int DAYS = 8;
  private static final List<String> SBIS =
      List.of("4711", "4761", "4771", "4773", "4932", "5610", "5630", "9604");

  /** dashboard-ref/sbi.csv: the SBIs with activity and 9311, which has none here. */
  private static final List<String> CATALOGUE =
      List.of("4711", "4761", "4771", "4773", "4932", "5610", "5630", "9311", "9604");

  private static final int[] PC4S = {
    1011, 1012, 1013, 1015, 1016, 1017, 1018, 1052, 1053, 1054, 1071, 1072, 1073, 1091, 1092, 1102,
    3511
  };

  /** In the gazetteer, without any activity: its row holds noise only. */
  private static final int QUIET_PC4 = 1019;

  /** A postcode that only has data from this week on: its week-before is 0, its change null. */
  private static final int NEW_PC4 = 1013;

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final double MAX_MARGIN_SHARE = 0.5;
  private static final String TOO_FEW = "too few to show reliably";

  /** Fails fast, before a mini-cluster is started, when the browser is not installed. */
  @RegisterExtension
  @Order(0)
  static final BeforeAllCallback BROWSER_INSTALLED =
      context -> {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
          if (!Files.isExecutable(p)) {
            fail(
                p
                    + " is missing: the dashboard browser test needs Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
          }
        }
      };

  @RegisterExtension
  @Order(1)
  static final MiniHBase HBASE = new MiniHBase(TABLE, DashboardBrowserIT::seed);

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<DatapointsConfiguration> APP =
      new DropwizardAppExtension<>(
          DatapointsApplication.class,
          resourceFilePath("it-config.yml"),
          config("hbase.zookeeper", HBASE::quorum),
          config("hbase.table", TABLE),
          config("referenceDir", resourceFilePath("dashboard-ref")));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebDriver browser;
  private static Path profile;

  // ---------------------------------------------------------------- data

  /**
   * Noise scales of the default release at ε = 1 per user-day (etl PrivacyParams.DEFAULT: every
   * level's sensitivity 10, ε split 0.35 / 0.25 / 0.2 / 0.1): b = 10 / ε_level.
   */
  private static final Map<Level, Double> SCALES =
      Map.of(Level.TOTAL, 10 / 0.35, Level.HOUR, 40.0, Level.SBI, 50.0, Level.CELL, 100.0);

  /**
   * Cells with fewer true hits are left out of the CELL level, as partition selection leaves out
   * small cells.
   */
  private static final long SELECTED_HITS = 30;

  /**
   * Laplace noise of scale b rounded to a whole number (the test's stand-in for the discrete
   * sampler).
   */
  private static long laplace(Random r, double b) {
    double u = r.nextDouble() - 0.5;
    return Math.round(-b * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
  }

  /**
   * Eight published days around Amsterdam with a daily rhythm, released as the pipeline would at ε
   * = 1 (every gazetteer postcode has a row, 1019 one of noise only; every catalogue SBI a value,
   * 9311 one of noise only); the first day has no baseline.
   */
  static void seed(Table t) {
    Random r = new Random(20130101);
    Map<Integer, Double> weight = new TreeMap<>();
    for (int pc4 : PC4S) {
      weight.put(pc4, 0.3 + 2.5 * r.nextDouble());
    }
    weight.put(QUIET_PC4, 0.0);
    for (int d = 0; d < DAYS; d++) {
      LocalDate date = FIRST.plusDays(d);
      boolean baseline = d > 0;
      long gen = 1_357_000_000_000L + d * 86_400_000L;
      long values = 0;
      long hits = 0;
      for (int pc4 : weight.keySet()) {
        List<TestRows.Cell> cs = new ArrayList<>();
        for (int i = 0; i < SBIS.size() && weight.get(pc4) > 0; i++) {
          if ((pc4 + i) % 3 == 0) {
            continue; // not every industry everywhere
          }
          double sbiWeight = 1.6 / (1 + i * 0.45);
          for (int hour = 0; hour < 24; hour++) {
            double curve =
                0.08
                    + Math.exp(-Math.pow(hour - 13, 2) / 14)
                    + 0.5 * Math.exp(-Math.pow(hour - 19, 2) / 5);
            for (int activity = 1; activity <= 2; activity++) {
              long h =
                  Math.round(
                      28
                          * weight.get(pc4)
                          * sbiWeight
                          * curve
                          * (0.7 + 0.6 * r.nextDouble())
                          / activity);
              long delta =
                  !baseline || pc4 == NEW_PC4 ? 0L : Math.round(h * (0.7 + 0.55 * r.nextDouble()));
              cs.add(new TestRows.Cell(hour, activity, SBIS.get(i), h, delta));
            }
          }
        }
        TestRows.Release release =
            TestRows.Release.derived(
                baseline,
                cs,
                CATALOGUE,
                SCALES::get,
                c -> c.hits() >= SELECTED_HITS,
                l -> laplace(r, SCALES.get(l)));
        values += release.size();
        hits += release.totalHits();
        put(t, TestRows.row(date, pc4, gen, release));
      }
      Generation g = TestRows.generation(gen, gen + 60_000, !baseline, values, hits, 1.0);
      put(t, TestRows.flip(date, g));
    }
  }

  private static void put(Table t, Put p) {
    try {
      t.put(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- browser

  @BeforeAll
  static void startBrowser() throws IOException {
    profile = Files.createTempDirectory("dashboard-chromium-");
    // An explicit driver and binary: Selenium Manager has nothing to look up or download.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-extensions",
        "--disable-default-apps",
        "--lang=en-GB",
        "--window-size=1440,1320",
        "--user-data-dir=" + profile,
        // Every name but loopback fails to resolve: the page must not need the internet.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + APP.getLocalPort();
  }

  /** Waits until the page settles in {@code expected}; fails at once on another final state. */
  private static void awaitState(String expected) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d -> {
              String state = d.findElement(By.tagName("body")).getAttribute("data-state");
              if (!state.equals(expected)
                  && List.of("ready", "error", "auth", "empty").contains(state)) {
                fail(
                    "expected the page in state "
                        + expected
                        + " but it is "
                        + state
                        + ": "
                        + d.findElement(By.id("error-text")).getText()
                        + d.findElement(By.id("apikey-reason")).getText());
              }
              return state.equals(expected);
            });
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  // ---------------------------------------------------------------- HTTP

  private record Answer(int status, JsonNode body) {}

  private static Answer api(String pathAndQuery, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), JSON.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- what the page must show

  private static String thousands(long v) {
    return String.format(Locale.UK, "%,d", v);
  }

  /** The page's percentage: one decimal, half away from zero, sign except for zero. */
  private static String percent(JsonNode p) {
    if (p.isNull()) {
      return "—";
    }
    BigDecimal v =
        BigDecimal.valueOf(p.asDouble()).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    return (v.signum() > 0 ? "+" : "") + v.toPlainString() + "%";
  }

  private static String cell(WebElement row, String key) {
    return row.findElement(By.cssSelector("td[data-key='" + key + "']")).getText();
  }

  /**
   * The page's rule (dashboard.maxMarginShare, 0.5 in it-config.yml's default): shown when moe ≤
   * share × value.
   */
  private static boolean reliable(JsonNode value, JsonNode moe) {
    return !value.isNull() && moe.asLong() <= MAX_MARGIN_SHARE * value.asLong();
  }

  /**
   * A figure as the page shows it: "12,345 ± 120", "too few to show reliably", or "—" without one.
   */
  private static String figure(JsonNode value, JsonNode moe) {
    if (value.isNull()) {
      return "—";
    }
    return reliable(value, moe)
        ? thousands(value.asLong()) + " ± " + thousands(moe.asLong())
        : TOO_FEW;
  }

  /** The change the page shows: only when hits and week-before can both be shown. */
  private static String change(JsonNode s, String hits) {
    return reliable(s.get(hits), s.get(hits + "_moe"))
            && reliable(s.get("delta"), s.get("delta_moe"))
        ? percent(s.get("percentage"))
        : "—";
  }

  /** The guarantee note the page must show for an answer over {@code dates} published dates. */
  private static String privacyNote(JsonNode a, int dates) {
    JsonNode p = a.get("privacy");
    return "Differential privacy per user-day, ε = "
        + p.get("epsilon").asText()
        + " per day (δ = 1e-8); every figure"
        + " ± its 95% margin of error; the answer over "
        + dates
        + " date"
        + (dates == 1 ? "" : "s")
        + " is at most ε = "
        + p.get("epsilon_over_dates").asText()
        + ". A figure whose margin is more than 50% of it is shown as"
        + " “too few to show reliably”. Margins cover the noise; the per-person limits leave out"
        + " about 1% of events besides.";
  }

  /**
   * The table, the totals row, the KPIs, the map, the timeline and the privacy note against the
   * API's answer to the same query: every figure with its margin, or "too few to show reliably".
   *
   * @return the number of figures shown as too few
   */
  private static int assertPageShows(JsonNode a) {
    int tooFew = 0;
    JsonNode stats = a.get("stats");
    assertEquals(
        stats.size(),
        browser.findElements(By.cssSelector("#stats tbody tr")).size(),
        "one table row per stats entry");
    for (JsonNode s : stats) {
      String sbi = s.get("sbi").asText();
      WebElement row =
          browser.findElement(By.cssSelector("#stats tbody tr[data-sbi='" + sbi + "']"));
      assertEquals(s.get("label").asText(), cell(row, "label"), sbi);
      assertEquals(
          figure(s.get("total"), s.get("total_moe")), cell(row, "total"), "total of " + sbi);
      assertEquals(
          figure(s.get("delta"), s.get("delta_moe")), cell(row, "delta"), "delta of " + sbi);
      assertEquals(change(s, "total"), cell(row, "percentage"), "percentage of " + sbi);
      tooFew += reliable(s.get("total"), s.get("total_moe")) ? 0 : 1;
    }
    JsonNode t = a.get("totals");
    WebElement foot = browser.findElement(By.cssSelector("#stats tfoot tr"));
    assertEquals(figure(t.get("total"), t.get("total_moe")), cell(foot, "total"), "totals row");
    assertEquals(figure(t.get("delta"), t.get("delta_moe")), cell(foot, "delta"));
    assertEquals(change(t, "total"), cell(foot, "percentage"));
    assertTrue(
        t.get("total").asLong() >= 1000,
        "the data must be large enough to show a thousands separator");
    assertTrue(t.get("total_moe").asLong() > 0, "a total of noisy values has a margin");
    assertEquals(
        figure(t.get("total"), t.get("total_moe")),
        browser.findElement(By.cssSelector("[data-kpi='total'] .k-value")).getText());

    List<WebElement> marks = browser.findElements(By.cssSelector("#map g.mark[data-postcode]"));
    assertEquals(a.get("points").size(), marks.size(), "one map mark per point");
    Map<String, String> byMark = new TreeMap<>();
    marks.forEach(
        m ->
            byMark.put(
                m.getAttribute("data-postcode"),
                m.getAttribute("data-hits")
                    + " "
                    + m.getAttribute("data-moe")
                    + " "
                    + m.getAttribute("class")
                    + " | "
                    + m.findElement(By.tagName("title")).getAttribute("textContent")));
    Map<String, String> byPoint = new TreeMap<>();
    for (JsonNode p : a.get("points")) {
      boolean ok = reliable(p.get("hits"), p.get("hits_moe"));
      String pc = p.get("postcode").asText();
      byPoint.put(
          pc,
          p.get("hits").asText()
              + " "
              + p.get("hits_moe").asText()
              + (ok ? " mark" : " mark too-few")
              + " | "
              + pc
              + ": "
              + (ok
                  ? figure(p.get("hits"), p.get("hits_moe"))
                      + " hits, week before "
                      + figure(p.get("delta"), p.get("delta_moe"))
                      + ", "
                      + change(p, "hits")
                  : TOO_FEW));
      tooFew += ok ? 0 : 1;
    }
    assertEquals(byPoint, byMark, "marks are the points, each with its margin or too few");

    JsonNode timeline = a.get("timeline");
    List<WebElement> slots = browser.findElements(By.cssSelector("#timeline rect.slot"));
    assertEquals(timeline.size(), slots.size(), "one timeline slot per date and hour");
    int hatched = 0;
    for (int i = 0; i < timeline.size(); i++) {
      JsonNode e = timeline.get(i);
      WebElement slot = slots.get(i);
      assertEquals(
          e.get("hits_moe").asText(), slot.getAttribute("data-moe"), "margin of slot " + i);
      String title = slot.findElement(By.tagName("title")).getAttribute("textContent");
      boolean ok = reliable(e.get("hits"), e.get("hits_moe"));
      assertTrue(
          title.contains(
              ok ? figure(e.get("hits"), e.get("hits_moe")) + " hits" : "hits " + TOO_FEW),
          title);
      hatched += ok ? 0 : 1;
    }
    assertEquals(
        hatched,
        browser.findElements(By.cssSelector("#timeline rect.too-few")).size(),
        "one hatched slot per hour too few to show");
    tooFew += hatched;

    int published = a.get("dates").size() - a.get("missing_dates").size();
    assertEquals(privacyNote(a, published), browser.findElement(By.id("privacy-note")).getText());
    return tooFew;
  }

  /** Everything the page loaded came from the service itself. */
  @SuppressWarnings("unchecked")
  private static void assertLoadedOnlyFromTheService() {
    List<String> urls =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name))");
    assertFalse(urls.isEmpty());
    for (String u : urls) {
      assertTrue(u.startsWith(base() + "/"), "the page loaded " + u + " from outside the service");
    }
  }

  // ---------------------------------------------------------------- tests

  @Test
  @Order(1)
  void asksForTheApiKeyThenShowsTheApiAnswerForTheQueryInTheUrl() throws IOException {
    String dates = "2013-01-07;2013-01-08;2013-01-10";
    browser.get(base() + "/?postcode=1012&dates=" + dates + "&radius=3");
    awaitState("auth");
    assertTrue(
        browser.findElement(By.id("apikey")).isDisplayed(), "a 401 must show the API-key field");
    assertEquals(
        api("/api/dates", null).body().get("message").asText(),
        browser.findElement(By.id("apikey-reason")).getText(),
        "the 401's message");

    browser.findElement(By.id("apikey-input")).sendKeys(KEY);
    browser.findElement(By.id("apikey-submit")).click();
    awaitState("ready");

    Answer a = api("/api/1012/2013-01-07%3B2013-01-08%3B2013-01-10/3", KEY);
    assertEquals(200, a.status());
    assertPageShows(a.body());
    List<String> apiOrder = new ArrayList<>();
    a.body().get("stats").forEach(s -> apiOrder.add(s.get("sbi").asText()));
    assertEquals(
        apiOrder,
        browser.findElements(By.cssSelector("#stats tbody tr")).stream()
            .map(r -> r.getAttribute("data-sbi"))
            .toList(),
        "the table opens in the API's order");
    assertEquals("not published: 2013-01-10", browser.findElement(By.id("missing-text")).getText());
    assertTrue(
        browser
            .findElement(By.cssSelector("#map g.mark[data-postcode='" + NEW_PC4 + "'] title"))
            .getAttribute("textContent")
            .endsWith("week before " + TOO_FEW + ", —"),
        "a postcode without activity a week before: its week-before is noise, too few to show, and so is its change");
    assertFalse(
        browser.findElement(By.id("level-note")).isDisplayed(),
        "unfiltered, every part is complete");
    assertTrue(
        browser.getCurrentUrl().endsWith("/?postcode=1012&dates=" + dates + "&radius=3"),
        browser.getCurrentUrl());
    assertLoadedOnlyFromTheService();
    screenshot("dashboard.png");
  }

  @Test
  @Order(2)
  void sortsTheTableByClickingAHeader() {
    browser.findElement(By.cssSelector("#stats th[data-key='total'] button")).click();
    List<Long> ascending =
        browser.findElements(By.cssSelector("#stats tbody td[data-key='total']")).stream()
            .map(td -> Long.parseLong(td.getAttribute("data-value")))
            .toList();
    assertTrue(ascending.size() > 2);
    assertEquals(
        ascending.stream().sorted().toList(), ascending, "ascending after one click on Hits");
    assertEquals(
        "ascending",
        browser
            .findElement(By.cssSelector("#stats th[data-key='total']"))
            .getAttribute("aria-sort"));

    browser.findElement(By.cssSelector("#stats th[data-key='label'] button")).click();
    List<String> labels =
        browser.findElements(By.cssSelector("#stats tbody td[data-key='label']")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        labels.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), labels, "by industry A-Z");
  }

  @Test
  @Order(3)
  void lastSevenPublishedDaysShortcutQueriesThoseDates() {
    List<String> published = new ArrayList<>();
    api("/api/dates", KEY).body().forEach(d -> published.add(d.get("date").asText()));
    assertEquals(DAYS, published.size());
    assertEquals(
        DAYS,
        browser.findElements(By.cssSelector("#calendar .cal-day.published")).size(),
        "the calendar marks exactly the published dates of January 2013");

    browser.findElement(By.id("dates-last7")).click();
    List<String> chips =
        browser.findElements(By.cssSelector("#selected-dates .date-chip")).stream()
            .map(c -> c.getAttribute("data-date"))
            .toList();
    assertEquals(published.subList(DAYS - 7, DAYS), chips);

    WebElement postcode = browser.findElement(By.id("postcode"));
    postcode.clear();
    postcode.sendKeys("1017 AB");
    browser.findElement(By.id("submit")).click();
    awaitState("ready");
    assertPageShows(api("/api/1017%20AB/" + String.join("%3B", chips) + "/3", KEY).body());
    assertTrue(
        browser.findElement(By.id("missing")).getAttribute("hidden") != null, "nothing is missing");
    assertTrue(
        browser.getCurrentUrl().contains("postcode=1017%20AB&dates=" + String.join(";", chips)),
        browser.getCurrentUrl());
  }

  @Test
  @Order(4)
  void showsTheApiMessageForAnUnknownPostcode() throws IOException {
    WebElement postcode = browser.findElement(By.id("postcode"));
    postcode.clear();
    postcode.sendKeys("9999");
    browser.findElement(By.id("submit")).click();
    awaitState("error");
    Answer a = api("/api/9999/2013-01-08/3", KEY);
    assertEquals(404, a.status());
    assertEquals(
        a.body().get("message").asText(), browser.findElement(By.id("error-text")).getText());
    assertFalse(
        browser.findElement(By.id("answer")).isDisplayed(), "no stale answer under an error");
    assertTrue(browser.getCurrentUrl().contains("postcode=9999&"), browser.getCurrentUrl());
    screenshot("dashboard-404.png");
  }

  @Test
  @Order(5)
  void showsTooFewToShowReliablyWhereTheMarginIsMoreThanHalfTheFigure() throws IOException {
    String dates = "2013-01-06;2013-01-07;2013-01-08";
    browser.get(base() + "/?postcode=1012&dates=" + dates + "&radius=5");
    awaitState("ready");
    JsonNode a = api("/api/1012/" + dates.replace(";", "%3B") + "/5", KEY).body();
    int tooFew = assertPageShows(a);
    assertTrue(tooFew > 0, "the data has figures too noisy to show");
    // 9311 has no activity here: its released values are noise, every catalogue SBI has one.
    WebElement quietSbi = browser.findElement(By.cssSelector("#stats tbody tr[data-sbi='9311']"));
    assertEquals(TOO_FEW, cell(quietSbi, "total"));
    assertEquals("—", cell(quietSbi, "share"), "no share of a figure not shown");
    // 1019 has no activity either: a mark of its own style, no size or colour that says a number.
    WebElement quietMark =
        browser.findElement(By.cssSelector("#map g.mark[data-postcode='" + QUIET_PC4 + "']"));
    assertEquals("mark too-few", quietMark.getAttribute("class"));
    assertEquals("false", quietMark.getAttribute("data-reliable"));
    assertEquals("4.0", quietMark.findElement(By.tagName("circle")).getAttribute("r"));
    // The night hours of a small area are too few; the afternoon is not.
    String slot = "#timeline rect.slot[data-date='2013-01-08'][data-hour='%d']";
    assertEquals(
        "false",
        browser.findElement(By.cssSelector(String.format(slot, 3))).getAttribute("data-reliable"));
    assertEquals(
        "true",
        browser.findElement(By.cssSelector(String.format(slot, 13))).getAttribute("data-reliable"));
    assertTrue(
        browser
            .findElement(By.cssSelector("[data-kpi='total'] .k-value"))
            .getText()
            .contains(" ± "),
        "the total shows its margin");
    screenshot("dashboard-dp.png");

    browser.get(base() + "/?postcode=1012&dates=" + dates + "&radius=5&activity=1");
    awaitState("ready");
    JsonNode filtered = api("/api/1012/" + dates.replace(";", "%3B") + "/5?activity=1", KEY).body();
    assertEquals("cell", filtered.get("levels").get("totals").asText());
    assertPageShows(filtered);
    assertEquals(
        "Filtered by activity: only cells with many users are released, figures are lower bounds.",
        browser.findElement(By.id("level-note")).getText());
    screenshot("dashboard-dp-activity.png");
  }
}
