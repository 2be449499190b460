package nl.datapoints.etl.enrich;

import static nl.datapoints.etl.enrich.Fixtures.concat;
import static nl.datapoints.etl.enrich.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawLineRecordReaderTest {
  @TempDir Path tmp;

  record Line(long number, byte[] bytes, boolean tooLong, String corruption) {}

  private List<Line> read(Path file, int maxLine, boolean skipCorrupt) throws IOException {
    RawLineRecordReader reader = new RawLineRecordReader();
    reader.open(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration(), maxLine, skipCorrupt);
    List<Line> lines = new ArrayList<>();
    try {
      while (reader.nextKeyValue()) {
        RawLine v = reader.getCurrentValue();
        assertTrue(v.sourceFile().endsWith(file.getFileName().toString()), v.sourceFile());
        lines.add(
            new Line(
                reader.getCurrentKey().get(),
                Arrays.copyOf(v.bytes(), v.length()),
                v.tooLong(),
                v.corruption()));
      }
    } finally {
      reader.close();
    }
    return lines;
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(tmp.resolve(name), content);
  }

  @Test
  void numbersLinesFromOneIncludingEmptyOnes() throws IOException {
    List<Line> lines = read(write("a.tsv", utf8("a\n\nc")), 100, false);
    assertEquals(3, lines.size());
    assertEquals(List.of(1L, 2L, 3L), lines.stream().map(Line::number).toList());
    assertArrayEquals(utf8(""), lines.get(1).bytes());
    assertArrayEquals(utf8("c"), lines.get(2).bytes());
  }

  @Test
  void keepsTrailingCarriageReturnOfCrlfLines() throws IOException {
    List<Line> lines = read(write("a.tsv", utf8("a\r\nb\r\n")), 100, false);
    assertEquals(2, lines.size());
    assertArrayEquals(utf8("a\r"), lines.get(0).bytes());
  }

  @Test
  void splitsOnlyOnNewlineNotOnLoneCarriageReturn() throws IOException {
    List<Line> lines = read(write("a.tsv", utf8("a\rb\n")), 100, false);
    assertEquals(1, lines.size());
    assertArrayEquals(utf8("a\rb"), lines.get(0).bytes());
  }

  @Test
  void readsGzip() throws IOException {
    List<Line> lines = read(write("a.tsv.gz", Fixtures.gzip(utf8("x\ny\n"))), 100, false);
    assertEquals(2, lines.size());
    assertArrayEquals(utf8("y"), lines.get(1).bytes());
  }

  @Test
  void flagsLongLineAndKeepsReadingTheNextOne() throws IOException {
    byte[] content = concat(utf8("x".repeat(1_000_000)), utf8("\nnext\n"));
    List<Line> lines = read(write("a.tsv.gz", Fixtures.gzip(content)), 65_536, false);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).tooLong());
    assertTrue(lines.get(0).bytes().length <= 65_538, "prefix only");
    assertFalse(lines.get(1).tooLong());
    assertArrayEquals(utf8("next"), lines.get(1).bytes());
    assertEquals(2, lines.get(1).number());
  }

  @Test
  void lineOfExactlyTheMaximumIsNotTooLong() throws IOException {
    List<Line> lines = read(write("a.tsv", utf8("1234567890\n12345678901\n")), 10, false);
    assertFalse(lines.get(0).tooLong());
    assertTrue(lines.get(1).tooLong());
  }

  @Test
  void carriageReturnDoesNotCountTowardsTheMaximum() throws IOException {
    List<Line> lines = read(write("a.tsv", utf8("1234567890\r\n")), 10, false);
    assertFalse(lines.get(0).tooLong());
  }

  @Test
  void passesInvalidUtf8BytesThrough() throws IOException {
    byte[] bad = {'a', (byte) 0xC3, 0x28, 'b'};
    List<Line> lines = read(write("a.tsv", concat(bad, utf8("\n"))), 100, false);
    assertArrayEquals(bad, lines.get(0).bytes());
  }

  @Test
  void failsOnTruncatedGzipNamingTheFile() throws IOException {
    byte[] gz = Fixtures.gzip(utf8("line\n".repeat(20_000)));
    Path file = write("broken.tsv.gz", Arrays.copyOf(gz, gz.length / 2));
    IOException e = assertThrows(IOException.class, () -> read(file, 100, false));
    assertTrue(e.getMessage().contains("broken.tsv.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("--skip-corrupt-files"), e.getMessage());
  }

  @Test
  void skipsRestOfTruncatedGzipWithOneMarker() throws IOException {
    byte[] gz = Fixtures.gzip(utf8("line\n".repeat(20_000)));
    Path file = write("broken.tsv.gz", Arrays.copyOf(gz, gz.length / 2));
    List<Line> lines = read(file, 100, true);
    Line last = lines.get(lines.size() - 1);
    assertNotNull(last.corruption());
    assertTrue(lines.size() > 1, "lines before the damage are read");
    lines.subList(0, lines.size() - 1).forEach(l -> assertNull(l.corruption()));
    assertEquals(lines.size(), last.number(), "marker follows the last line read");
  }

  @Test
  void skipsGarbageThatIsNoGzipAtAll() throws IOException {
    Path file = write("garbage.tsv.gz", utf8("this is not gzip at all\n"));
    List<Line> lines = read(file, 100, true);
    assertEquals(1, lines.size());
    assertNotNull(lines.get(0).corruption());
  }
}
