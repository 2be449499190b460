package nl.datapoints.bench.etl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.etl.common.Layout;

/**
 * The DuckDB peer of the nightly step (a benchmark tool run by {@code scripts/bench/etl} in its own
 * JVM, not part of the pipeline): the same raw gzip TSV → checks → pseudonym → Europe/Amsterdam
 * date and hour → pc4 → merchant → SBI → cells with at least k distinct users → Parquet, in SQL
 * through duckdb_jdbc, and optionally an equality check of one date's cells against ours.
 *
 * <p>Differences from the pipeline, all stated in docs/benchmarks-etl.md: the pseudonym is {@code
 * sha256(secret || user_id)} (DuckDB has no HMAC); quarantined lines carry no line number; no
 * week-over-week delta is computed (the comparison is on hits).
 *
 * <p>Usage: {@code DuckDbPeer --raw DIR --ref DIR --from DATE --to DATE --out DIR [--threads 2]
 * [--min-users 5] [--max-line-bytes 65536] [--compare-warehouse DIR --compare-date DATE]}; the
 * secret comes from {@code DATAPOINTS_HMAC_KEY}. Prints {@code duckdb: <step> done in X s} per step
 * and {@code compare: ...} lines.
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  public static void main(String[] args) throws Exception {
    Cli.main("duckdb-peer", args, DuckDbPeer::run);
  }

  static int run(List<String> args) throws Exception {
    String secret = System.getenv("DATAPOINTS_HMAC_KEY");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("DATAPOINTS_HMAC_KEY must be set (hex secret)");
    }
    nightly(
        Options.parse(
            args,
            Set.of(
                "raw",
                "ref",
                "from",
                "to",
                "out",
                "threads",
                "min-users",
                "max-line-bytes",
                "compare-warehouse",
                "compare-date"),
            Set.of()),
        secret);
    return 0;
  }

  /** The nightly step over {@code --from..--to}, then the comparison if asked. */
  static void nightly(Options a, String secret) throws Exception {
    Path raw = Path.of(a.string("raw"));
    Path ref = Path.of(a.string("ref"));
    LocalDate from = a.date("from");
    LocalDate to = a.date("to");
    Path out = Path.of(a.string("out"));
    int threads = a.integer("threads", 2, 1, 256);
    int k = a.integer("min-users", 5, 1, 1000);
    int maxLine = a.integer("max-line-bytes", 65536, 64, 1 << 24);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to must not be before --from, got " + from + ".." + to);
    }
    List<String> files = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Path dir = raw.resolve(Layout.partition(d));
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--from/--to: no partition " + dir);
      }
      files.add(sql(dir.toAbsolutePath() + "/*.tsv.gz"));
    }
    Files.createDirectories(out);
    stepWall = 0;
    stepCpu = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      exec(s, "SET threads=" + threads);
      exec(s, "SET preserve_insertion_order=false");
      exec(s, "SET TimeZone='UTC'");
      exec(s, "SET autoinstall_known_extensions=false");
      exec(s, "SET autoload_known_extensions=false");
      step(s, "icu", "LOAD icu");
      try (ResultSet r =
          s.executeQuery(
              "SELECT install_mode FROM duckdb_extensions()" + " WHERE extension_name = 'icu'")) {
        System.out.printf(
            "duckdb: version %s, icu %s%n",
            c.getMetaData().getDatabaseProductVersion(), r.next() ? r.getString(1) : "absent");
      }
      step(
          s,
          "reference",
          """
          CREATE TEMP TABLE merchants AS SELECT merchant_id, sbi FROM read_csv(%s, header=true,
            auto_detect=false, columns={'merchant_id':'BIGINT','sbi':'VARCHAR'});
          CREATE TEMP TABLE pc4s AS SELECT pc4 FROM read_csv(%s, header=true, auto_detect=false,
            columns={'pc4':'INTEGER','lat':'DOUBLE','lon':'DOUBLE','name':'VARCHAR'});
          """
              .formatted(
                  sql(ref.resolve("merchants.csv").toString()),
                  sql(ref.resolve("postcodes.csv").toString())));
      // A view, not a table: the cells and the quarantine are two streaming passes over the raw
      // files (a materialised table of 14 M rows was 3x slower: it spilled on this machine).
      step(s, "enrich view", enrichSql(String.join(", ", files), secret, maxLine));
      step(
          s,
          "cells",
          """
          COPY (SELECT date, hour, pc4, activity, sbi, count(*) AS hits FROM ev
                WHERE reason IS NULL GROUP BY ALL HAVING count(DISTINCT uk) >= %d)
            TO %s (FORMAT parquet, PARTITION_BY (date), OVERWRITE_OR_IGNORE)
          """
              .formatted(k, sql(out.resolve("cells").toString())));
      step(
          s,
          "quarantine (second pass)",
          """
          COPY (SELECT reason, filename, NULL AS line_number,
                       line
                FROM ev WHERE reason IS NOT NULL
                UNION ALL
                SELECT 'REJECTED_' || error_type, file_path, line, csv_line FROM reject_errors
                  JOIN reject_scans USING (scan_id))
            TO %s (FORMAT csv, DELIMITER '\t', HEADER false)
          """
              .formatted(sql(out.resolve("quarantine.tsv").toString())));
      System.out.printf("duckdb: nightly step wall %.2f cpu %.2f%n", stepWall, stepCpu);
      report(s);
      if (a.has("compare-warehouse")) {
        compare(s, Path.of(a.string("compare-warehouse")), a.date("compare-date"), out);
      }
    }
  }

  /** The classifying scan (a view): one row per parsed line with its reason (NULL = event). */
  static String enrichSql(String files, String secret, int maxLine) {
    return """
        CREATE TEMP VIEW ev AS
        WITH c AS (
          SELECT *, CAST(timezone('Europe/Amsterdam', t) AS TIMESTAMP) AS lt,
                 CAST(dt AS DATE) AS part
          FROM (SELECT *, try_cast(ts AS TIMESTAMPTZ) AS t
                FROM read_csv([%s], delim='\t', quote='', escape='', header=false,
                  auto_detect=false,
                  columns={'ts':'VARCHAR','user_id':'VARCHAR','ip':'VARCHAR','postcode':'VARCHAR',
                           'merchant':'VARCHAR','activity_raw':'VARCHAR'},
                  hive_partitioning=true, filename=true, ignore_errors=true, store_rejects=true,
                  max_line_size=%d, strict_mode=true))),
        r AS (
          SELECT c.*, m.sbi, p.pc4 AS known_pc4,
            CASE
              WHEN strlen(ts) + strlen(coalesce(user_id, '')) + strlen(coalesce(ip, ''))
                   + strlen(coalesce(postcode, '')) + strlen(coalesce(merchant, ''))
                   + strlen(coalesce(activity_raw, '')) + 5 > %d THEN 'LINE_TOO_LONG'
              WHEN t IS NULL OR NOT regexp_full_match(ts,
                   '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})')
                THEN 'BAD_TIMESTAMP'
              WHEN user_id IS NULL OR length(user_id) > 128 THEN 'EMPTY_USER'
              WHEN postcode IS NULL OR NOT regexp_full_match(postcode, '[1-9][0-9]{3}( ?[A-Za-z]{2})?')
                THEN 'BAD_POSTCODE'
              WHEN merchant IS NULL OR NOT regexp_full_match(merchant, '[0-9]{1,19}')
                   OR coalesce(try_cast(merchant AS BIGINT), 0) <= 0 THEN 'BAD_MERCHANT'
              WHEN activity_raw IS NULL OR NOT regexp_full_match(activity_raw, '[0-9]{1,5}')
                   OR CAST(activity_raw AS INTEGER) NOT BETWEEN 1 AND 65535 THEN 'BAD_ACTIVITY'
              WHEN CAST(lt AS DATE) <> part THEN 'OUT_OF_PARTITION'
              WHEN p.pc4 IS NULL THEN 'UNKNOWN_POSTCODE'
              WHEN m.sbi IS NULL THEN 'UNKNOWN_MERCHANT'
            END AS reason
          FROM c
          LEFT JOIN pc4s p ON p.pc4 = try_cast(left(c.postcode, 4) AS INTEGER)
          LEFT JOIN merchants m ON m.merchant_id = try_cast(c.merchant AS BIGINT))
        SELECT reason,
          CASE WHEN reason IS NULL THEN NULL ELSE filename END AS filename,
          CASE WHEN reason IS NULL THEN NULL ELSE concat_ws(chr(9), ts, user_id, ip, postcode,
            merchant, activity_raw) END AS line,
          CAST(lt AS DATE) AS date, CAST(hour(lt) AS TINYINT) AS hour, known_pc4 AS pc4,
          try_cast(activity_raw AS INTEGER) AS activity, sbi,
          CASE WHEN reason IS NULL THEN sha256(%s || user_id) END AS uk
        FROM r;
        """
        .formatted(files, Math.max(maxLine * 2, 1 << 21), maxLine, sql(secret));
  }

  private static void report(Statement s) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            """
        SELECT coalesce(reason, 'EVENT') AS what, count(*) FROM ev GROUP BY ALL
        UNION ALL SELECT 'REJECTED_' || error_type, count(*) FROM reject_errors GROUP BY ALL
        ORDER BY 1""")) {
      while (r.next()) {
        System.out.printf("duckdb: %s %d%n", r.getString(1), r.getLong(2));
      }
    }
  }

  /** Compares our published cells of one date (hits > 0) with DuckDB's, keyed by cell. */
  private static void compare(Statement s, Path warehouse, LocalDate date, Path out)
      throws SQLException {
    String ours =
        sql(
            warehouse.resolve("aggregates").resolve(Layout.partition(date)).toAbsolutePath()
                + "/*.parquet");
    String theirs = sql(out.resolve("cells/date=" + date).toAbsolutePath() + "/*.parquet");
    exec(
        s,
        """
        CREATE TEMP TABLE cmp AS
        SELECT o.hits AS ours, d.hits AS duck,
               coalesce(o.hour, d.hour) AS hour, coalesce(o.pc4, d.pc4) AS pc4,
               coalesce(o.activity, d.activity) AS activity, coalesce(o.sbi, d.sbi) AS sbi
        FROM (SELECT hour, pc4, activity, sbi, hits FROM read_parquet(%s) WHERE hits > 0) o
        FULL OUTER JOIN (SELECT CAST(hour AS INTEGER) AS hour, pc4, activity, sbi, hits
                         FROM read_parquet(%s)) d
          USING (hour, pc4, activity, sbi)"""
            .formatted(ours, theirs));
    try (ResultSet r =
        s.executeQuery(
            """
        SELECT count(*) FILTER (ours = duck), count(*) FILTER (ours <> duck),
               count(*) FILTER (duck IS NULL), count(*) FILTER (ours IS NULL),
               coalesce(sum(ours), 0), coalesce(sum(duck), 0) FROM cmp""")) {
      r.next();
      long equal = r.getLong(1);
      long differ = r.getLong(2);
      long onlyOurs = r.getLong(3);
      long onlyDuck = r.getLong(4);
      System.out.printf(
          "compare: date %s equal %d differ %d only_ours %d only_duckdb %d "
              + "hits_ours %d hits_duckdb %d -> %s%n",
          date,
          equal,
          differ,
          onlyOurs,
          onlyDuck,
          r.getLong(5),
          r.getLong(6),
          differ + onlyOurs + onlyDuck == 0 ? "EQUAL" : "DIFFERENT");
    }
    try (ResultSet r =
        s.executeQuery(
            """
        SELECT hour, pc4, activity, sbi, ours, duck FROM cmp
        WHERE ours IS DISTINCT FROM duck LIMIT 10""")) {
      while (r.next()) {
        System.out.printf(
            "compare: differs hour %d pc4 %d activity %d sbi %s ours %s duckdb %s%n",
            r.getInt(1), r.getInt(2), r.getInt(3), r.getString(4), r.getObject(5), r.getObject(6));
      }
    }
    try (ResultSet r =
        s.executeQuery(
            """
        SELECT count(*) FROM read_parquet(%s) WHERE hits = 0"""
                .formatted(ours))) {
      r.next();
      System.out.printf(
          "compare: ours also has %d carry-over cells (hits 0, published on D-7)"
              + " that DuckDB does not compute%n",
          r.getLong(1));
    }
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static double stepWall;
  private static double stepCpu;

  /** Runs a step and prints its wall and process CPU seconds (DuckDB's threads are ours). */
  private static void step(Statement s, String name, String sql) throws SQLException {
    long t0 = System.nanoTime();
    long c0 = OS.getProcessCpuTime();
    exec(s, sql);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (OS.getProcessCpuTime() - c0) / 1e9;
    stepWall += wall;
    stepCpu += cpu;
    System.out.printf("duckdb: %s done in %.1f s (cpu %.1f s)%n", name, wall, cpu);
  }

  private static void exec(Statement s, String sql) throws SQLException {
    s.execute(sql);
  }

  /** A single-quoted SQL string literal. */
  static String sql(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
