package nl.datapoints.bench.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.bench.query.Answer.Num;
import nl.datapoints.bench.query.RollupSql.Dialect;
import nl.datapoints.bench.query.RollupSql.Param;
import nl.datapoints.bench.query.RollupSql.Shape;
import org.duckdb.DuckDBConnection;

/**
 * The fair peers ({@link RollupSql}) over JDBC: PostgreSQL + PostGIS with the level tables {@code
 * scripts/bench/lib/pg.sh load} creates, and DuckDB in memory, in this JVM, loaded here from the
 * same CSV tables ({@code nl.datapoints.bench.data.ExportRelease}) and the gazetteer.
 */
final class RollupPeer {
  private RollupPeer() {}

  /** One PostgreSQL connection per client, one prepared statement per shape, every row fetched. */
  static LoadRun.RunnerFactory postgres(String jdbc) {
    return () -> {
      Connection c = DriverManager.getConnection(jdbc);
      Map<Shape, PreparedStatement> prepared = new EnumMap<>(Shape.class);
      return q -> {
        RollupSql.Statement s = RollupSql.statement(Dialect.POSTGRES, q);
        PreparedStatement ps = prepared.get(Shape.of(q));
        if (ps == null) {
          ps = c.prepareStatement(s.sql());
          prepared.put(Shape.of(q), ps);
        }
        bind(ps, c, s.params(), q);
        drain(ps);
      };
    };
  }

  /** One duplicate of the shared in-memory DuckDB per client, every row fetched. */
  static LoadRun.RunnerFactory duckdb(DuckDBConnection db) {
    return () -> {
      Connection c = db.duplicate();
      Statement st = c.createStatement();
      return q -> {
        try (ResultSet rs = st.executeQuery(RollupSql.statement(Dialect.DUCKDB, q).sql())) {
          drain(rs);
        }
      };
    };
  }

  /** The answer of {@code q} on {@code c} ({@code dialect} says which engine it is). */
  static Answer answer(Connection c, Dialect dialect, Query q) throws SQLException {
    RollupSql.Statement s = RollupSql.statement(dialect, q);
    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
      bind(ps, c, s.params(), q);
      try (ResultSet rs = ps.executeQuery()) {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1),
                  nullableInt(rs, 2),
                  rs.getString(3),
                  nullableInt(rs, 4),
                  rs.getString(5),
                  nullableLong(rs, 6),
                  nullableLong(rs, 7),
                  nullableLong(rs, 8),
                  nullableLong(rs, 9)));
        }
        return answer(rows);
      }
    }
  }

  /** One output row of {@link RollupSql}'s statement. */
  record Row(
      String kind,
      Integer pc4,
      String date,
      Integer hour,
      String sbi,
      Long hits,
      Long hitsMoe,
      Long delta,
      Long deltaMoe) {
    Num num() {
      return new Num(hits, hitsMoe, delta, deltaMoe);
    }
  }

  /** The rows of one statement as an {@link Answer} (pure). */
  static Answer answer(List<Row> rows) {
    List<Integer> area = new ArrayList<>();
    Num totals = null;
    Map<String, Num> sbi = new TreeMap<>();
    Map<String, Num> timeline = new TreeMap<>();
    Map<Integer, Num> points = new TreeMap<>();
    for (Row r : rows) {
      switch (r.kind()) {
        case "area" -> area.add(r.pc4());
        case "total" -> {
          if (totals != null) {
            throw new IllegalStateException("two totals rows in one answer");
          }
          totals = r.num();
        }
        case "point" -> points.put(r.pc4(), r.num());
        case "hour" -> timeline.put(r.date() + "/" + r.hour(), r.num());
        case "sbi" -> sbi.put(r.sbi(), r.num());
        default -> throw new IllegalStateException("unexpected row kind '" + r.kind() + "'");
      }
    }
    if (totals == null) {
      throw new IllegalStateException("no totals row in the answer");
    }
    area.sort(null);
    return new Answer(area, totals, sbi, timeline, points);
  }

  /**
   * A new in-memory DuckDB holding the level tables of {@code csvDir} (sorted by date and pc4, so
   * its zone maps skip the other dates) and the gazetteer's centroids from {@code postcodesCsv}.
   */
  static DuckDBConnection loadDuckDb(Path csvDir, Path postcodesCsv) throws SQLException {
    for (String f : List.of("total.csv", "hour.csv", "sbi.csv", "cell.csv", "dates.csv")) {
      if (!Files.isRegularFile(csvDir.resolve(f))) {
        throw new IllegalArgumentException("--csv " + csvDir + " has no " + f);
      }
    }
    DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    String value =
        "'hits': 'BIGINT', 'hits_var': 'DOUBLE', 'delta': 'BIGINT', 'delta_var': 'DOUBLE'";
    try (Statement s = db.createStatement()) {
      load(
          s,
          "rel_total",
          csvDir.resolve("total.csv"),
          "'date': 'DATE', 'pc4': 'INTEGER', " + value);
      load(
          s,
          "rel_hour",
          csvDir.resolve("hour.csv"),
          "'date': 'DATE', 'pc4': 'INTEGER', 'hour': 'INTEGER', " + value);
      load(
          s,
          "rel_sbi",
          csvDir.resolve("sbi.csv"),
          "'date': 'DATE', 'pc4': 'INTEGER', 'sbi': 'VARCHAR', " + value);
      load(
          s,
          "rel_cell",
          csvDir.resolve("cell.csv"),
          "'date': 'DATE', 'pc4': 'INTEGER', 'hour': 'INTEGER', 'activity': 'INTEGER',"
              + " 'sbi': 'VARCHAR', "
              + value);
      s.execute(
          "CREATE TABLE rel_dates AS SELECT * FROM read_csv('"
              + csvDir.resolve("dates.csv")
              + "', header = true, columns = {'date': 'DATE', 'baseline': 'BOOLEAN'})");
      s.execute(
          "CREATE TABLE postcodes AS SELECT pc4, lat, lon FROM read_csv('"
              + postcodesCsv
              + "', header = true, quote = '\"', columns = {'pc4': 'INTEGER', 'lat': 'DOUBLE',"
              + " 'lon': 'DOUBLE', 'name': 'VARCHAR'})");
      s.execute(RollupSql.moeFunction(Dialect.DUCKDB));
    }
    return db;
  }

  private static void load(Statement s, String table, Path csv, String columns)
      throws SQLException {
    s.execute(
        "CREATE TABLE "
            + table
            + " AS SELECT * FROM read_csv('"
            + csv
            + "', header = true, columns = {"
            + columns
            + "}) ORDER BY date, pc4");
  }

  /** Rows per level table, for the log line of a loaded DuckDB. */
  static String describe(Connection c) throws SQLException {
    StringBuilder b = new StringBuilder();
    try (Statement s = c.createStatement()) {
      for (String t : List.of("rel_total", "rel_hour", "rel_sbi", "rel_cell", "rel_dates")) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
          rs.next();
          b.append(b.length() == 0 ? "" : " ").append(t).append('=').append(rs.getLong(1));
        }
      }
    }
    return b.toString();
  }

  private static void bind(PreparedStatement ps, Connection c, List<Param> params, Query q)
      throws SQLException {
    int i = 1;
    for (Param p : params) {
      switch (p) {
        case PC4 -> ps.setInt(i, q.pc4());
        case METERS -> ps.setDouble(i, q.radiusKm() * 1000);
        case DATES -> {
          Date[] ds = new Date[q.dates().size()];
          for (int k = 0; k < ds.length; k++) {
            ds[k] = Date.valueOf(q.dates().get(k));
          }
          ps.setArray(i, c.createArrayOf("date", ds));
        }
        case SBI -> ps.setArray(i, c.createArrayOf("text", q.sbi().toArray()));
        case ACTIVITY -> ps.setArray(i, c.createArrayOf("int4", q.activity().toArray()));
        default -> throw new IllegalStateException("unknown parameter " + p);
      }
      i++;
    }
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static void drain(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      drain(rs);
    }
  }

  /** Fetches every row (and touches a column, so nothing is skipped lazily). */
  private static long drain(ResultSet rs) throws SQLException {
    long n = 0;
    while (rs.next()) {
      n += rs.getLong(6);
    }
    return n;
  }
}
