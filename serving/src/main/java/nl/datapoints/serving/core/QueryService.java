package nl.datapoints.serving.core;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.api.AreaAnswer;

/**
 * Answers area queries: parses the parameters, finds the area, reads the published dates at their
 * current generations in one batch (the blocks the filter's {@link ReadPlan} needs) and aggregates
 * them, stating the privacy guarantee of what it read ({@link Guarantee}).
 *
 * <p>Answers are cached by the normalised query plus the generation of every requested date, so a
 * publish or rollback changes the key and old answers are never served for new data.
 */
public final class QueryService {
  private final Gazetteer gazetteer;
  private final SbiCatalog catalog;
  private final CellStore store;
  private final QueryParser parser;
  private final Cache<AreaKey, AreaAnswer> cache;

  /**
   * A query service.
   *
   * @param cache answer cache, or null to compute every answer
   */
  public QueryService(
      Gazetteer gazetteer,
      SbiCatalog catalog,
      CellStore store,
      QueryParser parser,
      Cache<AreaKey, AreaAnswer> cache) {
    this.gazetteer = gazetteer;
    this.catalog = catalog;
    this.store = store;
    this.parser = parser;
    this.cache = cache;
  }

  /**
   * The cache key: the normalised query and, per requested date, its generation (0 = unpublished).
   *
   * @param pc4 centre postcode4
   * @param radiusKm radius
   * @param dates requested dates, ascending
   * @param filter normalised filter
   * @param generations generation per requested date
   */
  public record AreaKey(
      int pc4, double radiusKm, List<LocalDate> dates, Filter filter, List<Long> generations) {}

  /**
   * Answers {@code GET /api/{postcode}/{dates}[/{radius}]}; raw strings as the caller sent them.
   */
  public AreaAnswer area(
      String postcode, String dates, String radius, List<String> sbi, List<String> activity) {
    int pc4 = parser.postcode(postcode);
    List<LocalDate> days = parser.dates(dates);
    double radiusKm = parser.radius(radius);
    Filter filter = parser.filter(sbi, activity);
    Place center = place(pc4);
    PublishedDates published = store.published();
    List<Long> gens = new ArrayList<>(days.size());
    for (LocalDate d : days) {
      Generation g = published.current(d);
      gens.add(g == null ? 0L : g.id());
    }
    AreaKey key = new AreaKey(pc4, radiusKm, days, filter, gens);
    if (cache == null) {
      return compute(center, radiusKm, days, filter, published);
    }
    AreaAnswer hit = cache.getIfPresent(key);
    if (hit != null) {
      return hit;
    }
    AreaAnswer answer = compute(center, radiusKm, days, filter, published);
    cache.put(key, answer);
    return answer;
  }

  private AreaAnswer compute(
      Place center,
      double radiusKm,
      List<LocalDate> days,
      Filter filter,
      PublishedDates published) {
    int[] area = gazetteer.area(center, radiusKm);
    List<String> requested = new ArrayList<>(days.size());
    List<String> missing = new ArrayList<>();
    List<String> readDates = new ArrayList<>();
    List<CellStore.DatedGeneration> toRead = new ArrayList<>();
    List<Generation> read = new ArrayList<>();
    Map<String, Long> generations = new TreeMap<>();
    for (LocalDate d : days) {
      requested.add(d.toString());
      Generation g = published.current(d);
      if (g == null) {
        missing.add(d.toString());
        continue;
      }
      readDates.add(d.toString());
      toRead.add(new CellStore.DatedGeneration(d, g.id()));
      read.add(g);
      generations.put(d.toString(), g.id());
    }
    boolean[] missingBaseline = new boolean[read.size()];
    for (int i = 0; i < missingBaseline.length; i++) {
      missingBaseline[i] = read.get(i).baselineMissing();
    }
    AreaAggregator agg = new AreaAggregator(readDates, missingBaseline, area, filter);
    if (!toRead.isEmpty()) {
      if (!store.sum(toRead, area, agg.sums())) {
        store.read(toRead, area, agg.plan().blocks(), agg);
      }
    }
    List<String> postcodes = new ArrayList<>(area.length);
    for (int pc4 : area) {
      postcodes.add(Integer.toString(pc4));
    }
    return new AreaAnswer(
        center.postcode(),
        new AreaAnswer.Center(center.lat(), center.lon()),
        radiusKm,
        requested,
        missing,
        postcodes,
        agg.totals(),
        agg.stats(catalog),
        agg.timeline(),
        agg.points(gazetteer),
        generations,
        Guarantee.of(read),
        agg.levels());
  }

  /** The place of a postcode given as PC4 or PC6. */
  public Place postcode(String raw) {
    return place(parser.postcode(raw));
  }

  private Place place(int pc4) {
    return gazetteer.find(pc4).orElseThrow(() -> new UnknownPostcodeException(pc4));
  }

  /** The SBI catalog. */
  public SbiCatalog catalog() {
    return catalog;
  }

  /** The published dates (pointer-row snapshot). */
  public PublishedDates published() {
    return store.published();
  }
}
