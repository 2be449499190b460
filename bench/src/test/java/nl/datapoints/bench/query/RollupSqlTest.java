package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.bench.data.DenseRelease;
import nl.datapoints.bench.data.ExportRelease;
import nl.datapoints.bench.query.Answer.Num;
import nl.datapoints.bench.query.RollupSql.Dialect;
import nl.datapoints.bench.query.RollupSql.Part;
import nl.datapoints.bench.query.RollupSql.Shape;
import nl.datapoints.bench.query.RollupSql.Table;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.Margins;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.reference.GreatCircle;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fair peers' SQL against an independent model of the service's sums: a generated release
 * exported to the peers' CSV tables, loaded into DuckDB, asked every shape of query; the answer
 * must equal the service's rules applied in Java to the same released values (area by great circle,
 * parts from the read plan's levels, Σ variance and Σ variance² into {@link Margins#moe95}, null
 * deltas without a baseline).
 */
class RollupSqlTest {
  @TempDir static Path dir;
  private static DuckDBConnection duck;
  private static final List<ReleasedValue> VALUES = new ArrayList<>();
  private static final Map<Integer, double[]> PLACES = new TreeMap<>();
  private static final LocalDate FROM = LocalDate.of(2013, 1, 1);

  @BeforeAll
  static void release() throws Exception {
    Path ref = Files.createDirectories(dir.resolve("ref"));
    // 1012 and its neighbours (≈ 0.6-4 km), and two far away.
    String[][] pcs = {
      {"1011", "52.37261", "4.89583"}, {"1012", "52.36900", "4.88537"},
      {"1013", "52.38800", "4.88300"}, {"1016", "52.37300", "4.87900"},
      {"1017", "52.36250", "4.89000"}, {"1091", "52.35500", "4.91500"},
      {"3011", "51.92000", "4.48000"}, {"9711", "53.21900", "6.56700"}
    };
    StringBuilder csv = new StringBuilder("pc4,lat,lon,name\n");
    for (String[] p : pcs) {
      csv.append(p[0]).append(',').append(p[1]).append(',').append(p[2]).append(",\"Place, NL\"\n");
      PLACES.put(
          Integer.parseInt(p[0]),
          new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
    }
    Files.writeString(ref.resolve("postcodes.csv"), csv);
    Files.writeString(
        ref.resolve("merchants.csv"), "merchant_id,sbi\n1,4711\n2,4711\n3,5610\n4,01110\n");
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n47,Retail trade\n");
    Path wh = dir.resolve("wh");
    // Many cells per pc4-day, so that every filtered shape has values to sum.
    DenseRelease.main(
        new String[] {
          "--ref",
          ref.toString(),
          "--warehouse",
          wh.toString(),
          "--from",
          FROM.toString(),
          "--days",
          "10",
          "--events-per-day",
          "20000",
          "--cells-per-pc4-day",
          "12",
          "--seed",
          "3"
        });
    ExportRelease.main(
        new String[] {"--warehouse", wh.toString(), "--out", dir.resolve("csv").toString()});
    for (File day : wh.resolve("release").toFile().listFiles()) {
      try (ParquetReader<ReleasedValue> r =
          AvroParquetReader.<ReleasedValue>builder(
                  HadoopInputFile.fromPath(
                      new org.apache.hadoop.fs.Path(new File(day, "part-r-00000.parquet").toURI()),
                      new Configuration()))
              .withDataModel(AggregateDataSupplier.model())
              .build()) {
        for (ReleasedValue v; (v = r.read()) != null; ) {
          VALUES.add(v);
        }
      }
    }
    duck = RollupPeer.loadDuckDb(dir.resolve("csv"), ref.resolve("postcodes.csv"));
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  private static List<LocalDate> dates(int first, int k) {
    return Query.consecutive(FROM.plusDays(first), k);
  }

  /** The area as the service's gazetteer finds it: great circle ≤ radius, centre included. */
  private static List<Integer> area(Query q) {
    double[] c = PLACES.get(q.pc4());
    List<Integer> out = new ArrayList<>();
    PLACES.forEach(
        (pc4, p) -> {
          if (pc4 == q.pc4() || GreatCircle.distanceKm(c[0], c[1], p[0], p[1]) <= q.radiusKm()) {
            out.add(pc4);
          }
        });
    return out;
  }

  /** Σ hits, Σ var, Σ var², the same for delta, and whether anything released was added. */
  private static final class Sum {
    long h;
    double hv;
    double hv2;
    long d;
    double dv;
    double dv2;
    boolean any;

    void add(ReleasedValue v) {
      if (v.getReleased()) {
        double var = ReleaseBlock.variance(v.getHitsScale());
        h += v.getHits();
        hv += var;
        hv2 += var * var;
        any = true;
      }
      if (v.getDelta() != null && v.getDeltaScale() > 0) {
        double var = ReleaseBlock.variance(v.getDeltaScale());
        d += v.getDelta();
        dv += var;
        dv2 += var * var;
        any = true;
      }
    }

    Num num(boolean baseline) {
      return new Num(
          Math.max(0, h),
          Margins.moe95(hv, hv2),
          baseline ? Math.max(0, d) : null,
          baseline ? Margins.moe95(dv, dv2) : null);
    }
  }

  /** The service's answer, written from its rules (docs/api.md §2), over the same values. */
  private static Answer reference(Query q) {
    List<Integer> area = area(q);
    Map<Part, Table> plan = RollupSql.plan(Shape.of(q));
    Map<LocalDate, Boolean> baseline = new HashMap<>();
    for (ReleasedValue v : VALUES) {
      baseline.merge(v.getDate(), v.getDelta() != null, Boolean::logicalAnd);
    }
    boolean allOk = q.dates().stream().allMatch(baseline::get);
    Sum totals = new Sum();
    Map<String, Sum> sbi = new TreeMap<>();
    Map<String, Sum> timeline = new TreeMap<>();
    Map<Integer, Sum> points = new TreeMap<>();
    for (ReleasedValue v : VALUES) {
      if (!q.dates().contains(v.getDate()) || !area.contains(v.getPc4())) {
        continue;
      }
      Level l = v.getLevel();
      if (!q.sbi().isEmpty()
          && (l == Level.SBI || l == Level.CELL)
          && !q.sbi().contains(v.getSbi())) {
        continue;
      }
      if (!q.activity().isEmpty() && l == Level.CELL && !q.activity().contains(v.getActivity())) {
        continue;
      }
      if (plan.get(Part.TOTAL).name().equals(l.name())) {
        totals.add(v);
      }
      if (plan.get(Part.POINT).name().equals(l.name())) {
        points.computeIfAbsent(v.getPc4(), k -> new Sum()).add(v);
      }
      if (plan.get(Part.HOUR).name().equals(l.name())) {
        timeline.computeIfAbsent(v.getDate() + "/" + v.getHour(), k -> new Sum()).add(v);
      }
      if (plan.get(Part.SBI).name().equals(l.name())) {
        sbi.computeIfAbsent(v.getSbi(), k -> new Sum()).add(v);
      }
    }
    Map<String, Num> s = new TreeMap<>();
    sbi.forEach((k, v) -> s.put(k, v.num(allOk)));
    Map<String, Num> t = new TreeMap<>();
    timeline.forEach((k, v) -> t.put(k, v.num(baseline.get(LocalDate.parse(k.substring(0, 10))))));
    Map<Integer, Num> p = new TreeMap<>();
    points.forEach((k, v) -> p.put(k, v.num(allOk)));
    return new Answer(area, totals.num(allOk), s, t, p);
  }

  private static void assertSameAsTheService(Query q) throws Exception {
    Answer expected = reference(q);
    Answer duckdb = RollupPeer.answer(duck, Dialect.DUCKDB, q);
    assertEquals(expected, duckdb, q.line() + ":" + expected.differences(duckdb));
  }

  @Test
  void unfilteredAnswersEqualTheServiceRulesWithMargins() throws Exception {
    Query q = new Query(1012, 3, dates(7, 3));
    assertSameAsTheService(q);
    Answer a = RollupPeer.answer(duck, Dialect.DUCKDB, q);
    assertEquals(List.of(1011, 1012, 1013, 1016, 1017, 1091), a.area());
    assertEquals(6, a.points().size());
    assertEquals(4, a.sbi().size(), "the whole public SBI domain: 01110, 47, 4711, 5610");
    assertEquals(3 * 24, a.timeline().size());
    assertTrue(a.totals().hitsMoe() > 0 && a.totals().deltaMoe() > 0, a.shape());
    assertSameAsTheService(new Query(3011, 1, dates(9, 1)));
    assertSameAsTheService(new Query(1012, 200, dates(3, 7)));
  }

  @Test
  void aDateWithoutBaselineNullsTheDeltasItIsSummedInto() throws Exception {
    Query q = new Query(1012, 2, dates(5, 4)); // days 5, 6 have no D-7; 7, 8 have
    assertSameAsTheService(q);
    Answer a = RollupPeer.answer(duck, Dialect.DUCKDB, q);
    assertEquals(null, a.totals().delta());
    assertEquals(null, a.timeline().get(FROM.plusDays(5) + "/12").delta());
    assertTrue(a.timeline().get(FROM.plusDays(8) + "/12").delta() != null);
  }

  @Test
  void sbiActivityAndCombinedFiltersReadTheLevelsOfTheServicesPlan() throws Exception {
    for (int first = 0; first < 8; first += 3) {
      List<LocalDate> ds = dates(first, 2);
      assertSameAsTheService(new Query(1012, 3, ds, List.of("4711"), List.of()));
      assertSameAsTheService(new Query(1012, 3, ds, List.of("4711", "01110", "99"), List.of()));
      assertSameAsTheService(new Query(1012, 3, ds, List.of(), List.of(1)));
      assertSameAsTheService(new Query(1011, 5, ds, List.of(), List.of(1, 7)));
      assertSameAsTheService(new Query(1012, 3, ds, List.of("4711"), List.of(1, 3)));
    }
    Answer cells =
        RollupPeer.answer(
            duck, Dialect.DUCKDB, new Query(1012, 3, dates(7, 3), List.of(), List.of(1)));
    assertTrue(!cells.timeline().isEmpty(), "the activity filter finds cells: " + cells.shape());
    Answer nothing =
        RollupPeer.answer(
            duck, Dialect.DUCKDB, new Query(1012, 3, dates(7, 3), List.of("99"), List.of()));
    assertEquals(new Num(0, 0, 0L, 0L), nothing.totals());
    assertTrue(
        nothing.sbi().isEmpty() && nothing.points().isEmpty() && nothing.timeline().isEmpty());
  }

  @Test
  void postgresStatementsArePreparedPerShapeWithTheirParameters() {
    for (Query q :
        List.of(
            new Query(1012, 3, dates(7, 3)),
            new Query(1012, 3, dates(7, 3), List.of("4711"), List.of()),
            new Query(1012, 3, dates(7, 3), List.of(), List.of(1)),
            new Query(1012, 3, dates(7, 3), List.of("4711"), List.of(1)))) {
      RollupSql.Statement s = RollupSql.statement(Dialect.POSTGRES, q);
      assertEquals(s.params().size(), s.sql().chars().filter(c -> c == '?').count(), s.sql());
      assertTrue(s.sql().contains("ST_DWithin(p.geog"), s.sql());
      assertEquals(
          s.sql(),
          RollupSql.statement(
                  Dialect.POSTGRES, new Query(3011, 9, dates(1, 1), q.sbi(), q.activity()))
              .sql(),
          "one text per shape");
    }
    assertEquals(
        List.of(
            RollupSql.Param.PC4,
            RollupSql.Param.METERS,
            RollupSql.Param.PC4,
            RollupSql.Param.DATES,
            RollupSql.Param.DATES,
            RollupSql.Param.DATES,
            RollupSql.Param.DATES),
        RollupSql.statement(Dialect.POSTGRES, new Query(1012, 3, dates(7, 3))).params());
  }

  @Test
  void groupingMasksNameTheColumnsAPartDoesNotGroupBy() {
    List<String> all = List.of("pc4", "date", "hour", "sbi");
    assertEquals(15, RollupSql.mask(all, Part.TOTAL));
    assertEquals(7, RollupSql.mask(all, Part.POINT));
    assertEquals(9, RollupSql.mask(all, Part.HOUR));
    assertEquals(14, RollupSql.mask(all, Part.SBI));
    assertEquals(1, RollupSql.mask(List.of("pc4"), Part.TOTAL));
  }

  @Test
  void rowsBecomeAnAnswer() {
    List<RollupPeer.Row> rows =
        List.of(
            new RollupPeer.Row("area", 1012, null, null, null, null, null, null, null),
            new RollupPeer.Row("total", null, null, null, null, 10L, 3L, 8L, 2L),
            new RollupPeer.Row("point", 1012, null, null, null, 10L, 3L, 8L, 2L),
            new RollupPeer.Row("hour", null, "2013-01-08", 9, null, 4L, 2L, null, null),
            new RollupPeer.Row("sbi", null, null, null, "4711", 0L, 5L, 1L, 1L));
    Answer a = RollupPeer.answer(rows);
    assertEquals(List.of(1012), a.area());
    assertEquals(new Num(10, 3, 8L, 2L), a.totals());
    assertEquals(Map.of("2013-01-08/9", new Num(4, 2, null, null)), a.timeline());
    assertEquals(Map.of("4711", new Num(0, 5, 1L, 1L)), a.sbi());
    assertThrows(IllegalStateException.class, () -> RollupPeer.answer(rows.subList(0, 1)));
    assertThrows(
        IllegalStateException.class,
        () ->
            RollupPeer.answer(
                List.of(
                    rows.get(1),
                    new RollupPeer.Row("total", null, null, null, null, 1L, 1L, 1L, 1L))));
  }

  @Test
  void theMarginFunctionIsMargins() throws Exception {
    double[][] cases = {
      {0, 0}, {1631.2857142857142, 1631.2857142857142 * 1631.2857142857142}, {1e4, 3e7}, {5e5, 1e9}
    };
    try (var s = duck.createStatement()) {
      for (double[] c : cases) {
        try (var rs =
            s.executeQuery(
                "SELECT moe95(CAST(" + c[0] + " AS DOUBLE), CAST(" + c[1] + " AS DOUBLE))")) {
          rs.next();
          assertEquals(Margins.moe95(c[0], c[1]), rs.getLong(1), c[0] + ", " + c[1]);
        }
      }
    }
  }
}
