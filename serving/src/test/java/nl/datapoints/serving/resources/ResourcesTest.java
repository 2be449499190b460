package nl.datapoints.serving.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.serving.TestRows;
import nl.datapoints.serving.TestRows.Release;
import nl.datapoints.serving.api.DashboardSettings;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.Gazetteer;
import nl.datapoints.serving.core.Place;
import nl.datapoints.serving.core.QueryParser;
import nl.datapoints.serving.core.QueryService;
import nl.datapoints.serving.core.SbiCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ResourcesTest {
  private static final LocalDate D1 = LocalDate.parse("2013-01-08");
  private static final LocalDate D2 = LocalDate.parse("2013-01-09");
  private static final Gazetteer GAZ =
      new Gazetteer(
          List.of(
              new Place(1016, 52.373, 4.883, "Jordaan"),
              new Place(1017, 52.3625, 4.89, "Centrum"),
              new Place(3511, 52.09, 5.12, "Utrecht")));
  private static final SbiCatalog SBI =
      new SbiCatalog(Map.of("4711", "Supermarkets", "56", "Restaurants"));
  private static final String KEY = "s3cret-key";

  private static final StubCellStore STORE = new StubCellStore();
  private static final QueryService QUERIES =
      new QueryService(
          GAZ, SBI, STORE, new QueryParser(3, 25), Caffeine.newBuilder().maximumSize(100).build());

  static final ResourceExtension OPEN = build(List.of());
  static final ResourceExtension KEYED =
      build(List.of(HexFormat.of().formatHex(ApiKeyFilter.sha256(KEY))));

  private static ResourceExtension build(List<String> keys) {
    ResourceExtension.Builder b =
        ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .addProvider(new ApiKeyFilter(keys))
            .addResource(new AreaResource(QUERIES))
            .addResource(new DatesResource(QUERIES))
            .addResource(new SbiResource(SBI))
            .addResource(new PostcodeResource(QUERIES))
            .addResource(new SettingsResource(new DashboardSettings(0.5)));
    ExceptionMappers.all().forEach(b::addProvider);
    return b.build();
  }

  private static final Generation G100 = TestRows.generation(100, 1_000, false, 3, 20, 1.0);

  /** A row at noise scale 1 everywhere. */
  private static Release release(boolean baseline) {
    Release r = Release.of(baseline);
    for (Level l : Level.values()) {
      r.scales(l, 1, 1);
    }
    return r;
  }

  @BeforeEach
  void data() {
    STORE.down = false;
    STORE.publish(D1, G100);
    STORE.put(
        D1,
        100,
        1017,
        release(true)
            .total(14, 10L)
            .hour(9, 10, 5L)
            .hour(10, 4, 5L)
            .sbi("4711", 10, 5L)
            .sbi("56", 4, 5L)
            .cell(9, 1, "4711", 10, 5L)
            .cell(10, 2, "56", 4, 5L));
    STORE.put(
        D1,
        100,
        1016,
        release(true)
            .total(6, 0L)
            .hour(9, 6, 0L)
            .sbi("4711", 0, 0L)
            .sbi("56", 6, 0L)
            .cell(9, 1, "56", 6, 0L));
    STORE.put(
        D1,
        100,
        3511,
        release(true)
            .total(1000, 0L)
            .hour(9, 1000, 0L)
            .sbi("56", 1000, 0L)
            .cell(9, 1, "56", 1000, 0L));
    STORE.put(
        D1,
        99,
        1017,
        release(false)
            .total(777, null)
            .hour(9, 777, null)
            .sbi("4711", 777, null)
            .cell(9, 1, "4711", 777, null));
  }

  private static JsonNode get(ResourceExtension ext, String path, int status) {
    jakarta.ws.rs.client.WebTarget t = ext.target(path.split("\\?")[0]);
    if (path.contains("?")) {
      for (String kv : path.split("\\?")[1].split("&")) {
        t = t.queryParam(kv.split("=")[0], kv.split("=")[1]);
      }
    }
    Response r = t.request().get();
    JsonNode body = r.readEntity(JsonNode.class);
    assertEquals(status, r.getStatus(), path + " " + body);
    if (status >= 400) {
      assertEquals(status, body.get("code").asInt());
      assertEquals(2, body.size(), "error bodies hold only code and message: " + body);
    }
    return body;
  }

  @Test
  void answersAreaQueryForPc6WithSpaceAndListsMissingDates() {
    JsonNode a = get(OPEN, "/1017%20ab/2013-01-09%3B2013-01-08/2", 200);
    assertEquals("1017", a.get("postcode").asText());
    assertEquals(2.0, a.get("radius_km").asDouble());
    assertEquals("[\"2013-01-08\",\"2013-01-09\"]", a.get("dates").toString());
    assertEquals("[\"2013-01-09\"]", a.get("missing_dates").toString());
    assertEquals("[\"1016\",\"1017\"]", a.get("postcodes").toString());
    // Two TOTAL values at scale 1: Σvar = 3.68, n = 2, moe = ⌈2.0767 × 1.919⌉ = 4
    // (AreaAggregatorTest).
    assertEquals(
        "{\"total\":20,\"total_moe\":4,\"delta\":10,\"delta_moe\":4,\"percentage\":1.0,"
            + "\"delta_reason\":null}",
        a.get("totals").toString());
    assertEquals(24, a.get("timeline").size());
    assertEquals(
        "{\"date\":\"2013-01-08\",\"hour\":9,\"hits\":16,\"hits_moe\":4,\"delta\":5,\"delta_moe\":4,"
            + "\"delta_reason\":null}",
        a.get("timeline").get(9).toString());
    // 4711 and 56 both total 10: ties sort by code.
    assertEquals("4711", a.get("stats").get(0).get("sbi").asText());
    assertEquals("Supermarkets", a.get("stats").get(0).get("label").asText());
    assertEquals("56", a.get("stats").get(1).get("sbi").asText());
    assertEquals(100, a.get("generations").get("2013-01-08").asLong());
    assertEquals(2, a.get("points").size());
    assertEquals(
        "{\"unit\":\"user-day\",\"epsilon\":1.0,\"delta\":1.0E-8,\"epsilon_over_dates\":1.0}",
        a.get("privacy").toString());
    assertEquals(
        "{\"totals\":\"total\",\"points\":\"total\",\"timeline\":\"hour\",\"stats\":\"sbi\"}",
        a.get("levels").toString());
    assertEquals(
        CellStore.Blocks.AREA, STORE.lastBlocks, "an unfiltered query reads only the area block");
  }

  @Test
  void answersOnlyUnpublishedDatesWithZeroAndReasonNotPublished() {
    JsonNode a = get(OPEN, "/1017/2013-01-09/2", 200);
    assertEquals(
        "{\"total\":0,\"total_moe\":0,\"delta\":null,\"delta_moe\":null,\"percentage\":null,"
            + "\"delta_reason\":\"not_published\"}",
        a.get("totals").toString());
    assertEquals(
        "{\"unit\":\"user-day\",\"epsilon\":null,\"delta\":null,\"epsilon_over_dates\":null}",
        a.get("privacy").toString());
    assertEquals(0, a.get("stats").size());
    assertEquals(0, a.get("points").size());
  }

  @Test
  void acceptsCommaSeparatedDatesAndDefaultRadius() {
    JsonNode a = get(OPEN, "/1017/2013-01-08,2013-01-09", 200);
    assertEquals(1.0, a.get("radius_km").asDouble());
    assertEquals(2, a.get("dates").size());
  }

  @Test
  void appliesSbiAndActivityFilters() {
    JsonNode a = get(OPEN, "/1017/2013-01-08/2?sbi=4711&sbi=56&activity=1", 200);
    assertEquals(
        16,
        a.get("totals").get("total").asLong(),
        "cells (9, 1, 4711) of 1017 and (9, 1, 56) of 1016");
    assertEquals("cell", a.get("levels").get("totals").asText());
    assertEquals(CellStore.Blocks.CELLS, STORE.lastBlocks);
    JsonNode b = get(OPEN, "/1017/2013-01-08/0?sbi=56", 200);
    assertEquals(4, b.get("totals").get("total").asLong());
    assertEquals("[\"1017\"]", b.get("postcodes").toString());
    assertEquals(4, b.get("timeline").get(10).get("hits").asLong(), "from the cell (10, 2, 56)");
    assertEquals(
        "{\"totals\":\"sbi\",\"points\":\"sbi\",\"timeline\":\"cell\",\"stats\":\"sbi\"}",
        b.get("levels").toString());
    assertEquals(CellStore.Blocks.AREA_AND_CELLS, STORE.lastBlocks);
  }

  @Test
  void returns400ForEachMalformedParameter() {
    for (String path :
        List.of(
            "/0123/2013-01-08",
            "/1017/2013-02-30",
            "/1017/2013-01-08/26",
            "/1017/2013-01-08/-1",
            "/1017/2013-01-08/abc",
            "/1017/2013-01-08?sbi=x",
            "/1017/2013-01-08?activity=0",
            "/1017/2013-01-01,2013-01-02,2013-01-03,2013-01-04")) {
      JsonNode e = get(OPEN, path, 400);
      assertFalse(e.get("message").asText().contains("Exception"), e.toString());
    }
  }

  @Test
  void returns404ForUnknownPostcode() {
    assertEquals(
        "postcode 9999 is not in the gazetteer",
        get(OPEN, "/9999/2013-01-08", 404).get("message").asText());
    get(OPEN, "/postcodes/9999", 404);
  }

  @Test
  void returnsJsonForUnknownPathsAndWrongMethods() {
    get(OPEN, "/no/such/path/here", 404);
    Response r = OPEN.target("/sbi").request().post(Entity.json("{}"));
    assertEquals(405, r.getStatus());
    assertEquals(405, r.readEntity(JsonNode.class).get("code").asInt());
  }

  @Test
  void returns503WhenTheStoreIsDown() {
    STORE.down = true;
    assertEquals(
        "the data store is unavailable, try again shortly",
        get(OPEN, "/1017/2013-01-07", 503).get("message").asText());
  }

  @Test
  void servesCachedAnswerUntilTheGenerationChanges() {
    get(OPEN, "/1016/2013-01-08/0", 200);
    int reads = STORE.reads;
    assertEquals(6, get(OPEN, "/1016/2013-01-08/0", 200).get("totals").get("total").asLong());
    assertEquals(reads, STORE.reads, "second identical query is answered from the cache");
    STORE.publish(D1, TestRows.generation(99, 500, true, 1, 777, 0.5));
    JsonNode rolledBack = get(OPEN, "/1017/2013-01-08/0", 200);
    assertEquals(777, rolledBack.get("totals").get("total").asLong());
    assertTrue(rolledBack.get("totals").get("delta").isNull());
    assertEquals("baseline_missing", rolledBack.get("totals").get("delta_reason").asText());
    assertEquals(0.5, rolledBack.get("privacy").get("epsilon").asDouble());
    assertEquals(99, rolledBack.get("generations").get("2013-01-08").asLong());
    STORE.publish(D1, G100);
  }

  @Test
  void listsDatesSbiAndPostcodes() {
    JsonNode dates = get(OPEN, "/dates", 200);
    assertEquals("2013-01-08", dates.get(0).get("date").asText());
    assertEquals(100, dates.get(0).get("generation").asLong());
    assertEquals("1970-01-01T00:00:01Z", dates.get(0).get("published_at").asText());
    assertEquals(1.0, dates.get(0).get("epsilon").asDouble());
    assertEquals(1e-8, dates.get(0).get("delta").asDouble());
    assertEquals("{\"max_margin_share\":0.5}", get(OPEN, "/settings", 200).toString());
    assertEquals(
        "[{\"sbi\":\"4711\",\"label\":\"Supermarkets\"},{\"sbi\":\"56\",\"label\":\"Restaurants\"}]",
        get(OPEN, "/sbi", 200).toString());
    JsonNode pc = get(OPEN, "/postcodes/1017AB", 200);
    assertEquals("Centrum", pc.get("name").asText());
    assertEquals(52.3625, pc.get("lat").asDouble());
    get(OPEN, "/postcodes/1o17", 400);
  }

  @Test
  void requiresAValidKeyWhenKeysAreConfigured() {
    assertEquals(401, KEYED.target("/sbi").request().get().getStatus());
    Response wrong = KEYED.target("/sbi").request().header("X-Api-Key", "wrong").get();
    assertEquals(401, wrong.getStatus());
    assertEquals(401, wrong.readEntity(JsonNode.class).get("code").asInt());
    assertEquals(
        401,
        KEYED.target("/sbi").request().header("Authorization", "Basic " + KEY).get().getStatus());
    assertEquals(
        200,
        KEYED.target("/sbi").request().header("Authorization", "Bearer " + KEY).get().getStatus());
    assertEquals(200, KEYED.target("/sbi").request().header("X-Api-Key", KEY).get().getStatus());
    assertNull(OPEN.target("/sbi").request().get().getHeaderString("WWW-Authenticate"));
  }
}
