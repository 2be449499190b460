package nl.datapoints.bench.query;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query benchmark's peer: the dashboard's question in SQL on PostgreSQL 15 + PostGIS 3, tables
 * {@code cells(date, hour, pc4, activity, sbi, hits, delta)} and {@code postcodes(pc4, geog)} as
 * {@code scripts/bench/lib/pg.sh load} creates them.
 */
final class PostgisPeer {
  /** The three ways of asking, see {@link #runners}. */
  static final List<String> VARIANTS = List.of("one", "four", "temp");

  /** The area: every pc4 within the radius of the centre, and the centre itself. */
  static final String AREA =
      "SELECT p.pc4 FROM postcodes p WHERE ST_DWithin(p.geog, "
          + "(SELECT geog FROM postcodes WHERE pc4 = ?), ?, false) UNION SELECT ?";

  /** The four aggregates of the API in one statement (one pass over the cells). */
  static final String ONE =
      "SELECT GROUPING(sbi, date, hour, pc4) AS g, sbi, date, hour, pc4, sum(hits), sum(delta) "
          + "FROM cells WHERE date = ANY(?) AND pc4 IN ("
          + AREA
          + ") "
          + "GROUP BY GROUPING SETS ((), (sbi), (date, hour), (pc4))";

  /** The original system's style: one statement per widget, each with the spatial join. */
  static final String[] FOUR = {
    "SELECT sum(hits), sum(delta) FROM cells c JOIN ("
        + AREA
        + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?)",
    "SELECT sbi, sum(hits), sum(delta) FROM cells c JOIN ("
        + AREA
        + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY sbi",
    "SELECT date, hour, sum(hits), sum(delta) FROM cells c JOIN ("
        + AREA
        + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY date, hour",
    "SELECT c.pc4, sum(hits), sum(delta) FROM cells c JOIN ("
        + AREA
        + ") a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY c.pc4",
  };

  /**
   * The original system's temporary-table trick: the area once, then the four statements over it.
   */
  static final String CREATE_TEMP = "CREATE TEMP TABLE area (pc4 int) ON COMMIT DROP";

  static final String FILL_TEMP = "INSERT INTO area " + AREA;
  static final String[] TEMP = {
    "SELECT sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?)",
    "SELECT sbi, sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY sbi",
    "SELECT date, hour, sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY date, hour",
    "SELECT c.pc4, sum(hits), sum(delta) FROM cells c JOIN area a ON c.pc4 = a.pc4 WHERE c.date = ANY(?) GROUP BY c.pc4",
  };

  /** GROUPING() of {@link #ONE}'s grouping sets (bit set = column not grouped). */
  static final int G_TOTALS = 15;

  static final int G_SBI = 7;
  static final int G_DATE_HOUR = 9;
  static final int G_PC4 = 14;

  private PostgisPeer() {}

  /**
   * One connection per client, asking in {@code variant} ({@link #VARIANTS}); every row fetched.
   */
  static LoadRun.RunnerFactory runners(String jdbc, String variant) {
    return () -> {
      Connection c = DriverManager.getConnection(jdbc);
      switch (variant) {
        case "one" -> {
          PreparedStatement ps = c.prepareStatement(ONE);
          return q -> {
            bindOne(ps, c, q);
            drain(ps);
          };
        }
        case "four" -> {
          PreparedStatement[] ps = new PreparedStatement[FOUR.length];
          for (int i = 0; i < ps.length; i++) {
            ps[i] = c.prepareStatement(FOUR[i]);
          }
          return q -> {
            for (PreparedStatement p : ps) {
              bindArea(p, q, 1);
              p.setArray(4, dates(c, q));
              drain(p);
            }
          };
        }
        case "temp" -> {
          PreparedStatement create = c.prepareStatement(CREATE_TEMP);
          PreparedStatement fill = c.prepareStatement(FILL_TEMP);
          PreparedStatement[] ps = new PreparedStatement[TEMP.length];
          c.setAutoCommit(false);
          for (int i = 0; i < ps.length; i++) {
            ps[i] = c.prepareStatement(TEMP[i]);
          }
          return q -> {
            create.execute();
            bindArea(fill, q, 1);
            fill.execute();
            for (PreparedStatement p : ps) {
              p.setArray(1, dates(c, q));
              drain(p);
            }
            c.commit();
          };
        }
        default ->
            throw new IllegalArgumentException(
                "--variant must be " + String.join(" | ", VARIANTS) + ", got " + variant);
      }
    };
  }

  /** The answer of {@link #ONE}, with the area listed separately. */
  static Answer answer(Connection c, Query q) throws SQLException {
    List<Integer> area = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pc4 FROM (" + AREA + ") a ORDER BY pc4")) {
      bindArea(ps, q, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          area.add(rs.getInt(1));
        }
      }
    }
    List<Long> totals = List.of(0L, 0L);
    Map<String, List<Long>> sbi = new TreeMap<>();
    Map<String, List<Long>> timeline = new TreeMap<>();
    Map<Integer, List<Long>> points = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(ONE)) {
      bindOne(ps, c, q);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long hits = rs.getLong(6);
          long delta = rs.getLong(7);
          switch (rs.getInt(1)) {
            case G_TOTALS -> totals = List.of(hits, delta);
            case G_SBI -> ApiAnswer.putNonZero(sbi, rs.getString(2), hits, delta);
            case G_DATE_HOUR ->
                ApiAnswer.putNonZero(
                    timeline, rs.getDate(3).toLocalDate() + "/" + rs.getInt(4), hits, delta);
            case G_PC4 -> ApiAnswer.putNonZero(points, rs.getInt(5), hits, delta);
            default ->
                throw new IllegalStateException("unexpected GROUPING() value " + rs.getInt(1));
          }
        }
      }
    }
    return new Answer(area, totals, sbi, timeline, points);
  }

  /** The answer of the temporary-table variant, from the same statements the load runs. */
  static Answer answerTemp(Connection c, Query q) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement create = c.createStatement();
        PreparedStatement fill = c.prepareStatement(FILL_TEMP)) {
      create.execute(CREATE_TEMP);
      bindArea(fill, q, 1);
      fill.execute();
      List<Integer> area = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pc4 FROM area ORDER BY pc4")) {
        while (rs.next()) {
          area.add(rs.getInt(1));
        }
      }
      List<Long> totals = List.of(0L, 0L);
      Map<String, List<Long>> sbi = new TreeMap<>();
      Map<String, List<Long>> timeline = new TreeMap<>();
      Map<Integer, List<Long>> points = new TreeMap<>();
      for (int i = 0; i < TEMP.length; i++) {
        try (PreparedStatement p = c.prepareStatement(TEMP[i])) {
          p.setArray(1, dates(c, q));
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              int k = rs.getMetaData().getColumnCount();
              long hits = rs.getLong(k - 1);
              long delta = rs.getLong(k);
              switch (i) {
                case 0 -> totals = List.of(hits, delta);
                case 1 -> ApiAnswer.putNonZero(sbi, rs.getString(1), hits, delta);
                case 2 ->
                    ApiAnswer.putNonZero(
                        timeline, rs.getDate(1).toLocalDate() + "/" + rs.getInt(2), hits, delta);
                default -> ApiAnswer.putNonZero(points, rs.getInt(1), hits, delta);
              }
            }
          }
        }
      }
      c.commit();
      return new Answer(area, totals, sbi, timeline, points);
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static void bindOne(PreparedStatement ps, Connection c, Query q) throws SQLException {
    ps.setArray(1, dates(c, q));
    bindArea(ps, q, 2);
  }

  /** The three parameters of {@link #AREA} from parameter {@code first} on. */
  private static void bindArea(PreparedStatement ps, Query q, int first) throws SQLException {
    ps.setInt(first, q.pc4());
    ps.setDouble(first + 1, q.radiusKm() * 1000);
    ps.setInt(first + 2, q.pc4());
  }

  private static java.sql.Array dates(Connection c, Query q) throws SQLException {
    Date[] ds = new Date[q.dates().size()];
    for (int i = 0; i < ds.length; i++) {
      ds[i] = Date.valueOf(q.dates().get(i));
    }
    return c.createArrayOf("date", ds);
  }

  /** Fetches every row (and touches a column, so nothing is skipped lazily). */
  private static long drain(PreparedStatement ps) throws SQLException {
    long n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      int k = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        n += rs.getLong(k - 1);
      }
    }
    return n;
  }
}
