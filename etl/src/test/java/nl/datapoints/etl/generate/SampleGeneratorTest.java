package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

  /** Saturday, the spring DST Sunday (23 hours), Monday. */
  private static final LocalDate FROM = LocalDate.of(2013, 3, 30);

  @TempDir static Path dir;
  private static GenerateConfig config;
  private static GenerateSummary summary;
  private static LineCheck check;
  private static final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void generateSampleWithManyDefects() {
    config = new GenerateConfig(dir.resolve("bad"), FROM, 3, 20_000, 42, 0.05);
    summary =
        SampleGenerator.generate(
            config, (done, total, day) -> progress.add(done + "/" + total + " " + day.date()));
    check = new LineCheck(config.refDir());
  }

  private static Map<String, Long> classify(GenerateConfig c, LineCheck lc, LocalDate date) {
    Map<String, Long> counts = new TreeMap<>();
    RawLines.forEach(
        c.rawDir().resolve("dt=" + date),
        line -> {
          LineCheck.Result r = lc.classify(line, date);
          counts.merge(r.event() != null ? "EVENT" : r.reason(), 1L, Long::sum);
        });
    return counts;
  }

  @Test
  void reportsProgressOncePerDay() {
    assertEquals(List.of("1/3 2013-03-30", "2/3 2013-03-31", "3/3 2013-04-01"), progress);
  }

  @Test
  void summaryCountsEqualWhatAnIndependentReaderFindsInTheFiles() {
    for (DaySummary day : summary.days()) {
      Map<String, Long> found = classify(config, check, day.date());
      Map<String, Long> expected = new TreeMap<>();
      expected.put("EVENT", day.events());
      if (day.emptyLines() > 0) {
        expected.put("EMPTY", day.emptyLines());
      }
      day.defects()
          .forEach(
              (d, n) -> {
                if (n > 0) {
                  expected.put(d.reasonCode(), n);
                }
              });
      assertEquals(expected, found, "date " + day.date());
      assertEquals(day.lines(), found.values().stream().mapToLong(Long::longValue).sum());
      assertEquals(day.lines(), day.events() + day.emptyLines() + day.quarantined());
    }
  }

  @Test
  void everyReasonCodeIsInjectedEveryDay() {
    for (DaySummary day : summary.days()) {
      for (Defect d : Defect.values()) {
        assertTrue(day.defects().get(d) > 0, d + " missing on " + day.date());
      }
      assertTrue(day.emptyLines() > 0, "no empty lines on " + day.date());
      double bad = (double) day.quarantined() / day.lines();
      assertEquals(0.05, bad, 0.001, "bad fraction on " + day.date());
      assertEquals(1, day.defects().get(Defect.LINE_TOO_LONG));
    }
  }

  @Test
  void writesAFewGzipFilesPerDayAndAtMostOneOverlongLinePerFile() throws IOException {
    for (DaySummary day : summary.days()) {
      List<Path> files = RawLines.files(config.rawDir().resolve("dt=" + day.date()));
      assertEquals(day.files(), files.size());
      assertEquals("part-00000.tsv.gz", files.get(0).getFileName().toString());
      long compressed = 0;
      long[] raw = {0};
      for (Path f : files) {
        long[] longLines = {0};
        RawLines.forEachInFile(
            f,
            line -> {
              longLines[0] += line.length > 65536 ? 1 : 0;
              raw[0] += line.length + 1;
            });
        assertTrue(longLines[0] <= 1, f.toString());
        compressed += Files.size(f);
      }
      assertEquals(day.bytes(), compressed);
      assertEquals(day.rawBytes(), raw[0]);
    }
  }

  @Test
  void springDstDayHasTwentyThreeHoursOfGoodEvents() {
    LocalDate dst = LocalDate.of(2013, 3, 31);
    Set<Integer> hours = new HashSet<>();
    Set<String> offsets = new HashSet<>();
    RawLines.forEach(
        config.rawDir().resolve("dt=" + dst),
        line -> {
          LineCheck.Result r = check.classify(line, dst);
          if (r.event() != null) {
            assertEquals(dst, r.event().date());
            hours.add(r.event().hour());
            String time =
                new String(line, 0, Math.min(line.length, 25), StandardCharsets.US_ASCII)
                    .split("\t")[0];
            offsets.add(time.endsWith("Z") ? "Z" : time.substring(19));
          }
        });
    assertEquals(23, hours.size());
    assertTrue(!hours.contains(2), "02:00-03:00 does not exist on " + dst);
    assertEquals(Set.of("Z", "+01:00", "+02:00"), offsets);
  }

  @Test
  void spellsPostcodesTimesAndIpsInEveryAllowedWay() {
    LocalDate date = FROM.plusDays(2);
    Map<String, Long> postcode = new HashMap<>();
    Map<String, Long> ip = new HashMap<>();
    RawLines.forEach(
        config.rawDir().resolve("dt=" + date),
        line -> {
          if (check.classify(line, date).event() == null) {
            return;
          }
          String[] f = new String(line, StandardCharsets.UTF_8).split("\t");
          String pc =
              f[3].replaceAll("[0-9]", "9").replaceAll("[A-Z]", "A").replaceAll("[a-z]", "a");
          postcode.merge(pc, 1L, Long::sum);
          ip.merge(f[2].equals("-") ? "-" : f[2].contains(":") ? "v6" : "v4", 1L, Long::sum);
        });
    assertEquals(Set.of("9999AA", "9999aa", "9999 AA", "9999 aa", "9999"), postcode.keySet());
    assertTrue(postcode.get("9999AA") > postcode.get("9999"));
    assertEquals(Set.of("-", "v4", "v6"), ip.keySet());
    assertTrue(ip.get("v4") > ip.get("v6") && ip.get("v6") > ip.get("-"), ip.toString());
  }

  @Test
  void merchantsReferToSbiCodesOfSbiCsvWithLargeIds() throws IOException {
    List<String> merchants = Files.readAllLines(config.refDir().resolve("merchants.csv"));
    assertEquals("merchant_id,sbi", merchants.get(0));
    assertEquals(summary.merchants(), merchants.size() - 1);
    long large = 0;
    Set<Long> ids = new HashSet<>();
    for (String l : merchants.subList(1, merchants.size())) {
      String[] f = l.split(",");
      long id = Long.parseLong(f[0]);
      assertTrue(id > 0 && ids.add(id), l);
      large += id > Integer.MAX_VALUE ? 1 : 0;
      assertTrue(check.sbis.contains(f[1]), "unknown SBI in " + l);
    }
    assertTrue(large > merchants.size() / 4, "ids above 2^31: " + large);
    List<String> sbi = Files.readAllLines(config.refDir().resolve("sbi.csv"));
    assertEquals("sbi,label", sbi.get(0));
    assertTrue(sbi.size() - 1 >= 30 && sbi.size() - 1 <= 50);
    for (String l : sbi.subList(1, sbi.size())) {
      String[] f = l.split(",", -1);
      assertEquals(2, f.length, l);
      assertTrue(f[0].matches("[0-9]{2,5}") && !f[1].isBlank(), l);
    }
    assertTrue(
        check.sbis.containsAll(
            Set.of("4711", "5610", "5630", "4771", "4730", "6419", "9311", "56")));
    List<String> postcodes = Files.readAllLines(config.refDir().resolve("postcodes.csv"));
    assertEquals("pc4,lat,lon,name", postcodes.get(0));
    assertEquals(summary.postcodes(), postcodes.size() - 1);
  }

  @Test
  void sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws IOException {
    GenerateConfig a = new GenerateConfig(dir.resolve("a"), FROM, 1, 5_000, 7, 0.01);
    GenerateConfig b = new GenerateConfig(dir.resolve("b"), FROM, 1, 5_000, 7, 0.01);
    GenerateConfig c = new GenerateConfig(dir.resolve("c"), FROM, 1, 5_000, 8, 0.01);
    SampleGenerator.generate(a, GenerateProgress.NONE);
    SampleGenerator.generate(b, GenerateProgress.NONE);
    SampleGenerator.generate(c, GenerateProgress.NONE);
    Map<Path, byte[]> first = contents(a.out());
    Map<Path, byte[]> second = contents(b.out());
    assertEquals(first.keySet(), second.keySet());
    assertTrue(first.size() >= 4, first.keySet().toString());
    for (Path p : first.keySet()) {
      assertArrayEquals(first.get(p), second.get(p), p.toString());
    }
    Path part = Path.of("raw", "dt=" + FROM, "part-00000.tsv.gz");
    assertTrue(!java.util.Arrays.equals(first.get(part), contents(c.out()).get(part)));
  }

  @Test
  void badFractionZeroWritesOnlyGoodEventsEvenOnTheAutumnDstDay() {
    LocalDate autumn = LocalDate.of(2013, 10, 27);
    GenerateConfig clean = new GenerateConfig(dir.resolve("clean"), autumn, 1, 12_000, 3, 0);
    GenerateSummary s = SampleGenerator.generate(clean, GenerateProgress.NONE);
    DaySummary day = s.days().get(0);
    assertEquals(0, day.quarantined());
    assertEquals(0, day.emptyLines());
    assertEquals(day.lines(), day.events());
    LineCheck lc = new LineCheck(clean.refDir());
    assertEquals(Map.of("EVENT", day.events()), classify(clean, lc, autumn));
    Set<String> hourTwo = new HashSet<>();
    RawLines.forEach(
        clean.rawDir().resolve("dt=" + autumn),
        line -> {
          String t = new String(line, StandardCharsets.US_ASCII).split("\t")[0];
          if (t.startsWith("2013-10-27T02:") && !t.endsWith("Z")) {
            hourTwo.add(t.substring(19));
          }
        });
    assertEquals(Set.of("+01:00", "+02:00"), hourTwo, "local 02:xx occurs twice");
  }

  @Test
  void regeneratingReplacesThePartitionAndLeavesNoTemporaryDirectory() throws IOException {
    GenerateConfig c = new GenerateConfig(dir.resolve("again"), FROM, 1, 3_000, 1, 0);
    SampleGenerator.generate(c, GenerateProgress.NONE);
    Files.writeString(c.rawDir().resolve("dt=" + FROM).resolve("stale.tsv"), "x\n");
    SampleGenerator.generate(c, GenerateProgress.NONE);
    try (Stream<Path> s = Files.list(c.rawDir())) {
      assertEquals(List.of("dt=" + FROM), s.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals(
        List.of("part-00000.tsv.gz"),
        Files.list(c.rawDir().resolve("dt=" + FROM)).map(p -> p.getFileName().toString()).toList());
  }

  private static Map<Path, byte[]> contents(Path root) throws IOException {
    Map<Path, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
