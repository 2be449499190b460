package nl.datapoints.bench.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The fair peers' SQL (pure): the dashboard's answer in ONE statement per request over the same
 * level tables the service reads ({@code rel_total}, {@code rel_hour}, {@code rel_sbi}, {@code
 * rel_cell}, keyed by date and pc4, each value with its noise variance; {@code rel_dates} with each
 * date's baseline; {@code postcodes}), for PostgreSQL + PostGIS and for DuckDB.
 *
 * <p>Each part of the answer comes from the level the service's read plan names ({@code
 * nl.datapoints.serving.core.ReadPlan}): no filter → totals and points from TOTAL, timeline from
 * HOUR, stats from SBI; only SBI filters → totals, points and stats from the matching SBIs,
 * timeline from the matching CELLs; any activity filter → everything from the matching CELLs. The
 * parts a table answers are one scan with {@code GROUPING SETS}, the tables are joined by {@code
 * UNION ALL}, and the statement computes what the service shows: {@code max(0, Σ hits)}, the margin
 * {@code moe95(Σ variance, Σ variance²)} (a SQL function both peers define, the formula of {@code
 * nl.datapoints.schemas.Margins}), and a null delta where a date summed over has no baseline. The
 * area is {@code ST_DWithin} on the pc4 centroids' geography (PostGIS; the sphere the service uses)
 * or the service's haversine written out in SQL (DuckDB, which has no spatial extension here).
 *
 * <p>Output columns: {@code kind} ({@code total}, {@code point}, {@code hour}, {@code sbi}, {@code
 * area}), {@code pc4}, {@code date}, {@code hour}, {@code sbi}, {@code hits}, {@code hits_moe},
 * {@code delta}, {@code delta_moe}; a point, hour or SBI over which nothing was summed is not
 * listed.
 */
final class RollupSql {
  /** The two engines. */
  enum Dialect {
    /**
     * Prepared statements with {@code ?} parameters ({@link Param}), one text per {@link Shape}.
     */
    POSTGRES,
    /**
     * The query's values written into the text (constant filters let DuckDB prune by zone maps).
     */
    DUCKDB
  }

  /** A parameter of a PostgreSQL statement, in order. */
  enum Param {
    PC4,
    METERS,
    DATES,
    SBI,
    ACTIVITY
  }

  /** The statement and its parameters (none for DuckDB). */
  record Statement(String sql, List<Param> params) {
    Statement {
      params = List.copyOf(params);
    }
  }

  /** The filter shape of a query: which tables answer it and which filters they take. */
  enum Shape {
    UNFILTERED,
    SBI,
    ACTIVITY,
    ACTIVITY_SBI;

    static Shape of(Query q) {
      if (!q.activity().isEmpty()) {
        return q.sbi().isEmpty() ? ACTIVITY : ACTIVITY_SBI;
      }
      return q.sbi().isEmpty() ? UNFILTERED : SBI;
    }

    boolean sbiFilter() {
      return this == SBI || this == ACTIVITY_SBI;
    }

    boolean activityFilter() {
      return this == ACTIVITY || this == ACTIVITY_SBI;
    }
  }

  /** A part of the answer and the columns it groups by. */
  enum Part {
    TOTAL(List.of()),
    POINT(List.of("pc4")),
    HOUR(List.of("date", "hour")),
    SBI(List.of("sbi"));

    final List<String> columns;

    Part(List<String> columns) {
      this.columns = columns;
    }

    String kind() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A level table. */
  enum Table {
    TOTAL,
    HOUR,
    SBI,
    CELL;

    String sqlName() {
      return "rel_" + name().toLowerCase(Locale.ROOT);
    }

    /** Filter columns the table has. */
    boolean hasSbi() {
      return this == SBI || this == CELL;
    }
  }

  /** Grouping columns in canonical order, with their SQL types. */
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("pc4", "INTEGER");
    COLUMNS.put("date", "DATE");
    COLUMNS.put("hour", "INTEGER");
    COLUMNS.put("sbi", "VARCHAR");
  }

  /** The service's great-circle radius (GreatCircle.EARTH_RADIUS_KM) and degrees → radians. */
  static final String EARTH_RADIUS_KM = "6371.0088";

  static final String DEGREES_TO_RADIANS = "0.017453292519943295";

  private RollupSql() {}

  /** Which table answers each part, as the service's read plan decides. */
  static Map<Part, Table> plan(Shape s) {
    Map<Part, Table> m = new EnumMap<>(Part.class);
    switch (s) {
      case UNFILTERED -> {
        m.put(Part.TOTAL, Table.TOTAL);
        m.put(Part.POINT, Table.TOTAL);
        m.put(Part.HOUR, Table.HOUR);
        m.put(Part.SBI, Table.SBI);
      }
      case SBI -> {
        m.put(Part.TOTAL, Table.SBI);
        m.put(Part.POINT, Table.SBI);
        m.put(Part.HOUR, Table.CELL);
        m.put(Part.SBI, Table.SBI);
      }
      default -> {
        for (Part p : Part.values()) {
          m.put(p, Table.CELL);
        }
      }
    }
    return m;
  }

  /** The statement of {@code q}: for PostgreSQL the same text for every query of its shape. */
  static Statement statement(Dialect d, Query q) {
    Shape shape = Shape.of(q);
    Builder b = new Builder(d, q);
    StringBuilder sql = new StringBuilder("WITH a AS (").append(b.area()).append("),\n");
    sql.append("qd AS (SELECT date, baseline FROM rel_dates WHERE ")
        .append(b.dates("date"))
        .append("),\n");
    sql.append("ok AS (SELECT coalesce(bool_and(baseline), false) AS all_ok FROM qd),\n");
    sql.append("g AS (");
    Map<Table, List<Part>> byTable = new EnumMap<>(Table.class);
    plan(shape).forEach((p, t) -> byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(p));
    StringJoiner branches = new StringJoiner("\n  UNION ALL\n  ");
    byTable.forEach((t, parts) -> branches.add(branch(b, shape, t, parts)));
    sql.append(branches).append(")\n");
    String ok = "(CASE WHEN g.kind = 'hour' THEN coalesce(qd.baseline, false) ELSE ok.all_ok END)";
    sql.append("SELECT g.kind, g.pc4, g.date, g.hour, g.sbi,")
        .append(" CAST(greatest(0, g.h) AS BIGINT) AS hits, moe95(g.hv, g.hv2) AS hits_moe,")
        .append(" CASE WHEN ")
        .append(ok)
        .append(" THEN CAST(greatest(0, g.d) AS BIGINT) END AS delta,")
        .append(" CASE WHEN ")
        .append(ok)
        .append(" THEN moe95(g.dv, g.dv2) END AS delta_moe\n")
        .append("FROM g CROSS JOIN ok LEFT JOIN qd ON qd.date = g.date\n")
        .append("WHERE g.kind = 'total' OR g.n > 0\n")
        .append("UNION ALL\n")
        .append("SELECT 'area', pc4, CAST(NULL AS DATE), CAST(NULL AS INTEGER),")
        .append(" CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT),")
        .append(" CAST(NULL AS BIGINT), CAST(NULL AS BIGINT) FROM a");
    return new Statement(sql.toString(), b.params);
  }

  /** One scan of {@code t} answering {@code parts}. */
  private static String branch(Builder b, Shape shape, Table t, List<Part> parts) {
    List<String> union = new ArrayList<>();
    for (String c : COLUMNS.keySet()) {
      if (parts.stream().anyMatch(p -> p.columns.contains(c))) {
        union.add(c);
      }
    }
    StringBuilder s = new StringBuilder("SELECT ");
    if (parts.size() == 1) {
      s.append('\'').append(parts.get(0).kind()).append('\'');
    } else {
      s.append("CASE GROUPING(").append(String.join(", ", union)).append(')');
      for (Part p : parts) {
        s.append(" WHEN ").append(mask(union, p)).append(" THEN '").append(p.kind()).append('\'');
      }
      s.append(" END");
    }
    s.append(" AS kind");
    COLUMNS.forEach(
        (c, type) ->
            s.append(", ")
                .append(union.contains(c) ? c : "CAST(NULL AS " + type + ")")
                .append(" AS ")
                .append(c));
    s.append(", coalesce(sum(hits), 0) AS h, coalesce(sum(hits_var), 0) AS hv,")
        .append(" coalesce(sum(hits_var * hits_var), 0) AS hv2,")
        .append(" coalesce(sum(delta), 0) AS d, coalesce(sum(delta_var), 0) AS dv,")
        .append(" coalesce(sum(delta_var * delta_var), 0) AS dv2,")
        .append(" count(hits) + count(delta) AS n\n    FROM ")
        .append(t.sqlName())
        .append(" WHERE ")
        .append(b.dates("date"))
        .append(" AND pc4 IN (SELECT pc4 FROM a)");
    if (shape.sbiFilter() && t.hasSbi()) {
      s.append(" AND ").append(b.sbi("sbi"));
    }
    if (shape.activityFilter() && t == Table.CELL) {
      s.append(" AND ").append(b.activity("activity"));
    }
    if (parts.size() > 1) {
      StringJoiner sets = new StringJoiner(", ");
      for (Part p : parts) {
        sets.add("(" + String.join(", ", p.columns) + ")");
      }
      s.append(" GROUP BY GROUPING SETS (").append(sets).append(')');
    } else if (!union.isEmpty()) {
      s.append(" GROUP BY ").append(String.join(", ", union));
    }
    return s.toString();
  }

  /** GROUPING(union…) of a row of part {@code p}: a bit set for every column p does not group. */
  static int mask(List<String> union, Part p) {
    int m = 0;
    for (String c : union) {
      m = (m << 1) | (p.columns.contains(c) ? 0 : 1);
    }
    return m;
  }

  /**
   * The statements each peer runs once after loading: {@code moe95(Σ variance, Σ variance²)}, the
   * 95% margin of {@code nl.datapoints.schemas.Margins#moe95}: 0 for an exact sum, else ⌈z · √Σvar⌉
   * with z = 1.96 + 0.165 / √max(1, n) and n = (Σvar)² / Σvar².
   */
  static String moeFunction(Dialect d) {
    String body =
        "CASE WHEN sv = 0 THEN CAST(0 AS BIGINT) ELSE CAST(ceil((CAST(1.96 AS DOUBLE PRECISION)"
            + " + CAST(0.165 AS DOUBLE PRECISION) / sqrt(greatest(CAST(1 AS DOUBLE PRECISION),"
            + " sv * sv / sv2))) * sqrt(sv)) AS BIGINT) END";
    return switch (d) {
      case POSTGRES ->
          "CREATE OR REPLACE FUNCTION moe95(sv double precision, sv2 double precision)"
              + " RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT "
              + body
              + " $$";
      case DUCKDB ->
          "CREATE OR REPLACE MACRO moe95(sv, sv2) AS " + body.replace("DOUBLE PRECISION", "DOUBLE");
    };
  }

  /** Writes the query's values (DuckDB) or {@code ?} and the parameter kind (PostgreSQL). */
  private static final class Builder {
    private final Dialect d;
    private final Query q;
    private final List<Param> params = new ArrayList<>();

    Builder(Dialect d, Query q) {
      this.d = d;
      this.q = q;
    }

    String area() {
      if (d == Dialect.POSTGRES) {
        params.addAll(List.of(Param.PC4, Param.METERS, Param.PC4));
        return "SELECT p.pc4 FROM postcodes p WHERE ST_DWithin(p.geog,"
            + " (SELECT geog FROM postcodes WHERE pc4 = ?), ?, false) UNION SELECT ?";
      }
      return "SELECT p.pc4 FROM postcodes p, (SELECT lat, lon FROM postcodes WHERE pc4 = "
          + q.pc4()
          + ") c WHERE "
          + haversineKm("c", "p")
          + " <= CAST('"
          + q.radiusKm()
          + "' AS DOUBLE) UNION SELECT "
          + q.pc4();
    }

    String dates(String column) {
      if (d == Dialect.POSTGRES) {
        params.add(Param.DATES);
        return column + " = ANY(?)";
      }
      StringJoiner j = new StringJoiner(", ", column + " IN (", ")");
      q.dates().forEach(x -> j.add("DATE '" + x + "'"));
      return j.toString();
    }

    String sbi(String column) {
      if (d == Dialect.POSTGRES) {
        params.add(Param.SBI);
        return column + " = ANY(?)";
      }
      StringJoiner j = new StringJoiner(", ", column + " IN (", ")");
      q.sbi().forEach(x -> j.add("'" + x + "'")); // 2-5 digits (Query checks)
      return j.toString();
    }

    String activity(String column) {
      if (d == Dialect.POSTGRES) {
        params.add(Param.ACTIVITY);
        return column + " = ANY(?)";
      }
      StringJoiner j = new StringJoiner(", ", column + " IN (", ")");
      q.activity().forEach(x -> j.add(Integer.toString(x)));
      return j.toString();
    }
  }

  /**
   * The service's haversine ({@code GreatCircle.distanceKm} from centre {@code c} to point {@code
   * p}), term for term in the same order, so the doubles are the same where the engines' sin, cos
   * and asin are.
   */
  static String haversineKm(String c, String p) {
    String r = "CAST(" + DEGREES_TO_RADIANS + " AS DOUBLE)";
    String dp = "(" + p + ".lat * " + r + " - " + c + ".lat * " + r + ")";
    String dl = "((" + p + ".lon - " + c + ".lon) * " + r + ")";
    String sinDp = "sin(" + dp + " / 2)";
    String sinDl = "sin(" + dl + " / 2)";
    return "2 * CAST("
        + EARTH_RADIUS_KM
        + " AS DOUBLE) * asin(least(CAST(1 AS DOUBLE), sqrt("
        + sinDp
        + " * "
        + sinDp
        + " + cos("
        + c
        + ".lat * "
        + r
        + ") * cos("
        + p
        + ".lat * "
        + r
        + ") * "
        + sinDl
        + " * "
        + sinDl
        + ")))";
  }
}
