package nl.datapoints.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every option is validated once, in the driver, before anything runs: a bad value exits 2 with one
 * message naming the option, its range and the value given, and writes nothing (the raw zone,
 * reference data and warehouse are untouched; no report, no staging).
 */
class MainOptionsTest {
  private static final String D = "2013-01-08";
  @TempDir Path tmp;
  private Path raw;
  private Path ref;
  private Path warehouse;
  private Path key;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void inputs() throws IOException {
    raw = tmp.resolve("raw");
    ref = Files.createDirectories(tmp.resolve("ref"));
    warehouse = tmp.resolve("warehouse");
    Files.createDirectories(raw.resolve("dt=" + D));
    Files.writeString(
        raw.resolve("dt=" + D).resolve("part-0.tsv"),
        D + "T10:15:00+01:00\tuser-1\t10.0.0.1\t1017AB\t42\t7\n");
    Files.writeString(
        ref.resolve("postcodes.csv"), "pc4,lat,lon,name\n1017,52.3625,4.8900,Centrum\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n42,4711\n");
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n");
    key = tmp.resolve("hmac.key");
    Files.writeString(key, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
  }

  private Run etl(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = ToolRunner.run(new Configuration(), new Main(o, e), args);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String[] withInputs(String... more) {
    List<String> a = new ArrayList<>(List.of(more));
    a.addAll(
        List.of(
            "--raw",
            raw.toString(),
            "--ref",
            ref.toString(),
            "--warehouse",
            warehouse.toString(),
            "--hmac-key-file",
            key.toString()));
    return a.toArray(String[]::new);
  }

  /** Every file and directory under the temp dir with its size and modification time. */
  private List<String> snapshot() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      List<String> out = new ArrayList<>();
      for (Path p : s.sorted().toList()) {
        out.add(
            tmp.relativize(p)
                + " "
                + Files.size(p)
                + " "
                + Files.getLastModifiedTime(p).toMillis());
      }
      return out;
    }
  }

  private void assertRefusedBeforeAnythingRuns(String command, String message, String... args)
      throws Exception {
    List<String> before = snapshot();
    Run run = etl(args);
    assertEquals(2, run.exit(), run.out() + run.err());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals("etl " + command + ": " + message, lines.get(0), run.err());
    assertEquals(
        List.of("run 'scripts/etl help' for the commands and their options"),
        lines.subList(1, lines.size()),
        "one message and the hint");
    assertEquals("", run.out(), "no stage started");
    assertEquals(before, snapshot(), "nothing written, moved or touched");
    assertFalse(Files.exists(warehouse));
  }

  @Test
  void minUsersAboveTheAggregateBoundFailsAtOnceAndWritesNothing() throws Exception {
    assertRefusedBeforeAnythingRuns(
        "run",
        "--min-users must be a whole number in 1..1000, got 5000",
        withInputs("run", "--date", D, "--min-users", "5000", "--no-publish"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "run       | --min-users        | 0     | --min-users must be a whole number in 1..1000, got 0",
        "aggregate | --min-users        | 5000  | --min-users must be a whole number in 1..1000, got 5000",
        "enrich    | --min-users        | many  | --min-users must be a whole number in 1..1000, got 'many'",
        "run       | --max-bad-fraction | 1.5   | --max-bad-fraction must be a fraction in 0..1, got 1.5",
        "publish   | --table            | a:b:c | --table must be [namespace:]name of letters, digits, '_', '.', '-', got 'a:b:c'",
        "run       | --zookeeper        | zk    | --zookeeper must be host:port with port 1..65535, got 'zk'",
      })
  void everyRunOptionIsCheckedBeforeAnyStage(
      String command, String option, String value, String message) throws Exception {
    assertRefusedBeforeAnythingRuns(
        command, message, withInputs(command, "--date", D, option, value));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "run       | --epsilon       | abc   | --epsilon must be a decimal number, got 'abc'",
        "run       | --epsilon       | 0     | --epsilon must be in 0.01..100, got 0",
        "backfill  | --epsilon       | 1e3   | --epsilon must be in 0.01..100, got 1000",
        "release   | --delta         | 0.5   | --delta must be in 1.0E-15..0.001, got 0.5",
        "run       | --delta         | tiny  | --delta must be a decimal number, got 'tiny'",
        "run       | --epsilon-split | `total=0.5,hour=0.25,sbi=0.2,cell=0.1,select=0.1` | --epsilon-split must give total, hour, sbi, cell and select shares that sum to 1, got total=0.5,hour=0.25,sbi=0.2,cell=0.1,select=0.1 (sum 1.15)",
        "run       | --epsilon-split | `total=0.9,select=0.1` | --epsilon-split must give total, hour, sbi, cell and select each a share above 0, got total=0.9,select=0.1 (hour missing)",
        "release   | --epsilon-split | `total=0.4,hour=0.3,sbi=0.2,cell=0.1,select=0` | --epsilon-split must give total, hour, sbi, cell and select each a share above 0, got total=0.4,hour=0.3,sbi=0.2,cell=0.1,select=0 (select 0)",
        "run       | --epsilon-split | total | --epsilon-split must be name=value pairs separated by commas, got 'total'",
        "run       | --epsilon-split | `total=0.35,hour=0.25,sbi=0.2,cell=0.1999,select=0.0001` | --epsilon-split total=0.35,hour=0.25,sbi=0.2,cell=0.1999,select=0.0001 leaves the CELL selection epsilon 0.0001 for --max-cells cell=3, too little to ever keep a cell for sure; give select a larger share, or lower --max-cells cell",
        "run       | --max-events    | 0     | --max-events must be in 1..1000, got 0",
        "backfill  | --max-events    | 1001  | --max-events must be in 1..1000, got 1001",
        "run       | --max-events    | ten   | --max-events must be a whole number, got 'ten'",
        "run       | --max-cells     | week=3 | --max-cells: a level must be total, hour, sbi or cell, got 'week'",
        "run       | --max-cells     | cell=0 | --max-cells for cell must be in 1..1000, got 0",
        "release   | --max-hits      | hour=x | --max-hits: the bound of hour must be a whole number, got 'x'",
        "run       | --max-hits      | `total=2,total=3` | --max-hits names total twice in 'total=2,total=3'",
      })
  void everyReleaseOptionIsCheckedBeforeAnyStage(
      String command, String option, String value, String message) throws Exception {
    Files.writeString(key.resolveSibling("release.key"), "5eed".repeat(16) + "\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                withInputs(
                    command,
                    option,
                    value,
                    "--release-key-file",
                    key.resolveSibling("release.key").toString())));
    if (command.equals("backfill")) {
      args.addAll(List.of("--from", D, "--to", D));
    } else {
      args.addAll(List.of("--date", D));
    }
    assertRefusedBeforeAnythingRuns(command, message, args.toArray(String[]::new));
  }

  @Test
  void theReleaseOptionsAreInTheHelp() throws Exception {
    Run help = etl("help");
    assertEquals(0, help.exit());
    for (String option :
        List.of(
            "--release-key-file FILE",
            "--epsilon E (1.0, 0.01..100, per date)",
            "--delta D (1.0E-8)",
            "--epsilon-split cell=0.1,hour=0.25,sbi=0.2,select=0.1,total=0.35",
            "--max-events N (10, per user-day, 1..1000)",
            "--max-cells total=10,hour=10,sbi=10,cell=3",
            "--max-hits total=10,hour=10,sbi=10,cell=10",
            "DATAPOINTS_RELEASE_KEY",
            "release    --date DATE")) {
      assertTrue(help.out().contains(option), option + " in\n" + help.out());
    }
  }

  @Test
  void aBackfillLongerThanAYearFailsBeforeAnyStage() throws Exception {
    assertRefusedBeforeAnythingRuns(
        "backfill",
        "a range covers at most 366 days, got 367",
        withInputs("backfill", "--from", "2013-01-01", "--to", "2014-01-02", "--no-publish"));
  }

  @ParameterizedTest(name = "generate {0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--days           | 0         | --days must be a whole number in 1..3660, got 0",
        "--events-per-day | 0         | --events-per-day must be a whole number in 1..500000000, got 0",
        "--bad-fraction   | 0.75      | --bad-fraction must be a fraction in 0..0.5, got 0.75",
        "--seed           | 1e3       | --seed must be a whole number, got '1e3'",
      })
  void generateOptionsTakeTheGeneratorsBounds(String option, String value, String message)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate", "--out", tmp.resolve("sample").toString(), "--from", D, "--days", "1"));
    if (option.equals("--days")) {
      args.set(args.size() - 1, value);
    } else {
      args.addAll(List.of(option, value));
    }
    assertRefusedBeforeAnythingRuns("generate", message, args.toArray(String[]::new));
  }

  @Test
  void storeCommandsCheckTheirOptionsBeforeConnecting() throws Exception {
    assertRefusedBeforeAnythingRuns(
        "rollback",
        "--generation must be a whole number in 1..9223372036854775807, got 0",
        "rollback",
        "--date",
        D,
        "--generation",
        "0");
    assertRefusedBeforeAnythingRuns(
        "status",
        "--zookeeper must be host:port with port 1..65535, got 'zk:99999'",
        "status",
        "--zookeeper",
        "zk:99999");
    assertRefusedBeforeAnythingRuns(
        "drop-table",
        "--table must be [namespace:]name of letters, digits, '_', '.', '-', got '-x'",
        "drop-table",
        "--table",
        "-x");
  }
}
