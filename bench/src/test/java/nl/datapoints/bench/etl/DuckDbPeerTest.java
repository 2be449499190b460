package nl.datapoints.bench.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import nl.datapoints.bench.common.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer's SQL on a handful of raw lines: what it counts as an event, a quarantined line and a
 * cell.
 */
class DuckDbPeerTest {
  @TempDir Path dir;

  private static String line(
      String ts, String user, String postcode, String merchant, String activity) {
    return String.join("\t", ts, user, "10.0.0.1", postcode, merchant, activity);
  }

  @Test
  void countsCellsWithAtLeastKUsersAndQuarantinesBadLines() throws Exception {
    Path day = Files.createDirectories(dir.resolve("raw/dt=2013-01-08"));
    List<String> lines = new ArrayList<>();
    for (int u = 0; u < 6; u++) { // 6 users at 12:xx Amsterdam time: one cell with hits 6
      lines.add(line("2013-01-08T11:1" + u + ":00Z", "user" + u, "1012 AB", "1", "1"));
    }
    for (int u = 0; u < 4; u++) { // 4 users: below k = 5, not published
      lines.add(line("2013-01-08T15:00:00+01:00", "user" + u, "1017", "2", "3"));
    }
    lines.add(line("08-01-2013 12:00", "user1", "1012", "1", "1")); // BAD_TIMESTAMP
    lines.add(line("2013-01-08T12:00:00Z", "user1", "9999", "1", "1")); // UNKNOWN_POSTCODE
    lines.add(
        line(
            "2013-01-07T22:59:00Z",
            "user1",
            "1012",
            "1",
            "1")); // 23:59 on the 7th: OUT_OF_PARTITION
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(day.resolve("part-00000.tsv.gz")))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Path ref = Files.createDirectories(dir.resolve("ref"));
    Files.writeString(
        ref.resolve("postcodes.csv"),
        "pc4,lat,lon,name\n1012,52.37,4.89,Dam\n1017,52.36,4.89,Centrum\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n1,4711\n2,5610\n");
    Path out = dir.resolve("duck");

    DuckDbPeer.nightly(
        Options.parse(
            List.of(
                "--raw",
                dir.resolve("raw").toString(),
                "--ref",
                ref.toString(),
                "--from",
                "2013-01-08",
                "--to",
                "2013-01-08",
                "--out",
                out.toString(),
                "--threads",
                "1"),
            Set.of("raw", "ref", "from", "to", "out", "threads"),
            Set.of()),
        "00112233");

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "SELECT hour, pc4, activity, sbi, hits FROM read_parquet("
                  + DuckDbPeer.sql(out + "/cells/date=2013-01-08/*.parquet")
                  + ")")) {
        List<String> cells = new ArrayList<>();
        while (r.next()) {
          cells.add(
              r.getInt(1)
                  + " "
                  + r.getInt(2)
                  + " "
                  + r.getInt(3)
                  + " "
                  + r.getString(4)
                  + " "
                  + r.getLong(5));
        }
        assertEquals(List.of("12 1012 1 4711 6"), cells);
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT column0 FROM read_csv("
                  + DuckDbPeer.sql(out + "/quarantine.tsv")
                  + ", delim='\t', header=false, quote='', all_varchar=true) ORDER BY 1")) {
        List<String> reasons = new ArrayList<>();
        while (r.next()) {
          reasons.add(r.getString(1));
        }
        assertEquals(List.of("BAD_TIMESTAMP", "OUT_OF_PARTITION", "UNKNOWN_POSTCODE"), reasons);
      }
    }
  }

  @Test
  void aMissingPartitionIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DuckDbPeer.nightly(
                    Options.parse(
                        List.of(
                            "--raw",
                            dir.toString(),
                            "--ref",
                            dir.toString(),
                            "--from",
                            "2013-01-08",
                            "--to",
                            "2013-01-08",
                            "--out",
                            dir.resolve("o").toString()),
                        Set.of("raw", "ref", "from", "to", "out"),
                        Set.of()),
                    "00"));
    assertEquals("--from/--to: no partition " + dir.resolve("dt=2013-01-08"), e.getMessage());
  }

  @Test
  void sqlStringLiteralDoublesQuotes() {
    assertEquals("'it''s'", DuckDbPeer.sql("it's"));
  }
}
