package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.datapoints.schemas.ReleaseBlock.Entry;
import nl.datapoints.schemas.ReleaseBlock.Section;
import org.junit.jupiter.api.Test;

class ReleaseBlockTest {
  /**
   * The row pinned by {@code golden/release-block-v3.bin}: every level, negative values, a cell
   * kept for its delta.
   */
  static final List<Section> GOLDEN =
      List.of(
          new Section(
              Level.TOTAL, 28.57, 28.57, List.of(new Entry(-1, 0, "", true, 1234, true, 1100))),
          new Section(
              Level.HOUR,
              40.0,
              40.0,
              List.of(
                  new Entry(0, 0, "", true, -3, true, 2),
                  new Entry(13, 0, "", true, 97, true, 88),
                  new Entry(23, 0, "", true, 0, true, -41))),
          new Section(
              Level.SBI,
              50.0,
              50.0,
              List.of(
                  new Entry(-1, 0, "4711", true, 310, true, 290),
                  new Entry(-1, 0, "56", true, -12, true, 7))),
          new Section(
              Level.CELL,
              100.0,
              100.0,
              List.of(
                  new Entry(13, 1, "4711", true, 150, false, 0),
                  new Entry(18, 65535, "93112", false, 0, true, 220))));

  @Test
  void roundTripsEveryLevel() {
    ReleaseBlock.Decoded d = ReleaseBlock.decode(ReleaseBlock.encode(true, GOLDEN));
    assertTrue(d.baseline());
    assertEquals(GOLDEN, d.sections());
  }

  @Test
  void roundTripsValuesOfEveryVarintWidth() {
    long[] values = {
      0,
      1,
      -1,
      63,
      -64,
      64,
      -65,
      8191,
      -8192,
      8192,
      -8193,
      1_000_000,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    for (long last : values) { // the block's last byte ends a varint of each width
      List<Entry> entries = new ArrayList<>();
      for (int h = 0; h < values.length; h++) {
        entries.add(new Entry(h, 0, "", true, values[h], true, h == values.length - 1 ? last : h));
      }
      byte[] block = ReleaseBlock.encode(true, List.of(new Section(Level.HOUR, 1, 1, entries)));
      assertEquals(entries, ReleaseBlock.decode(block).sections().get(0).entries(), "last " + last);
    }
  }

  @Test
  void withoutABaselineNoDeltaIsWritten() {
    byte[] with = ReleaseBlock.encode(true, GOLDEN);
    byte[] without = ReleaseBlock.encode(false, GOLDEN);
    assertTrue(without.length < with.length);
    ReleaseBlock.Decoded d = ReleaseBlock.decode(without);
    assertFalse(d.baseline());
    for (Section s : d.sections()) {
      assertTrue(Double.isNaN(s.deltaScale()));
      for (Entry e : s.entries()) {
        assertFalse(e.deltaReleased());
        assertEquals(0, e.delta());
      }
    }
  }

  @Test
  void entriesAreWrittenInKeyOrder() {
    List<Entry> shuffled = new ArrayList<>(GOLDEN.get(1).entries());
    java.util.Collections.reverse(shuffled);
    byte[] a = ReleaseBlock.encode(true, List.of(new Section(Level.HOUR, 40.0, 40.0, shuffled)));
    byte[] b = ReleaseBlock.encode(true, List.of(GOLDEN.get(1)));
    assertArrayEquals(b, a);
  }

  @Test
  void streamsValuesWithIntSbiKeys() {
    byte[] block = ReleaseBlock.encode(true, GOLDEN);
    List<String> seen = visit(block, 0, block.length);
    assertEquals(
        List.of(
            "TOTAL/28.57/1",
            "-1:0:0:true:1234:true:1100",
            "HOUR/40.0/3",
            "0:0:0:true:-3:true:2",
            "13:0:0:true:97:true:88",
            "23:0:0:true:0:true:-41",
            "SBI/50.0/2",
            "-1:0:14711:true:310:true:290",
            "-1:0:156:true:-12:true:7",
            "CELL/100.0/2",
            "13:1:14711:true:150:false:0",
            "18:65535:193112:false:0:true:220"),
        seen);
  }

  /** Every section and value a visit sees, as text. */
  private static List<String> visit(byte[] array, int offset, int length) {
    List<String> seen = new ArrayList<>();
    ReleaseBlock.forEach(
        array,
        offset,
        length,
        new ReleaseBlock.Visitor() {
          @Override
          public void section(Level level, double hitsScale, double deltaScale, int entries) {
            seen.add(level + "/" + hitsScale + "/" + entries);
          }

          @Override
          public void entry(
              int hour,
              int activity,
              int sbiKey,
              boolean released,
              long hits,
              boolean dr,
              long delta) {
            seen.add(
                hour + ":" + activity + ":" + sbiKey + ":" + released + ":" + hits + ":" + dr + ":"
                    + delta);
          }
        });
    return seen;
  }

  @Test
  void streamsABlockInsideALargerArrayWithPositionsFromItsStart() {
    byte[] block = ReleaseBlock.encode(true, GOLDEN);
    // As a store client holds it: other bytes before and after the block.
    byte[] array = new byte[block.length + 37];
    Arrays.fill(array, (byte) 0x7F);
    System.arraycopy(block, 0, array, 30, block.length);
    List<String> whole = visit(block, 0, block.length);
    assertEquals(4 + 8, whole.size());
    assertEquals(whole, visit(array, 30, block.length));
    // One byte short: the same message as the copied, truncated block (positions in the block).
    String copied =
        assertThrows(
                IllegalArgumentException.class,
                () -> visit(Arrays.copyOf(block, block.length - 1), 0, block.length - 1))
            .getMessage();
    assertEquals(
        copied,
        assertThrows(IllegalArgumentException.class, () -> visit(array, 30, block.length - 1))
            .getMessage());
    assertTrue(copied.contains("truncated at byte " + (block.length - 1)), copied);
    assertThrows(IllegalArgumentException.class, () -> visit(array, 30, array.length));
    assertThrows(IllegalArgumentException.class, () -> visit(array, -1, 5));
  }

  @Test
  void matchesGoldenFile() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/release-block-v3.bin")) {
      golden = in.readAllBytes();
    }
    assertEquals(GOLDEN, ReleaseBlock.decode(golden).sections());
    assertArrayEquals(golden, ReleaseBlock.encode(true, GOLDEN));
  }

  @Test
  void rejectsUnknownVersionTruncationAndTrailingBytes() {
    byte[] ok = ReleaseBlock.encode(true, GOLDEN);
    byte[] v1 = ok.clone();
    v1[0] = 1;
    assertEquals(
        "release block version must be 3, got 1",
        assertThrows(IllegalArgumentException.class, () -> ReleaseBlock.decode(v1)).getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ReleaseBlock.decode(Arrays.copyOf(ok, ok.length - 1)))
            .getMessage()
            .contains("truncated"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ReleaseBlock.decode(Arrays.copyOf(ok, ok.length + 1)))
            .getMessage()
            .contains("after its end"));
    assertThrows(IllegalArgumentException.class, () -> ReleaseBlock.decode(new byte[0]));
  }

  @Test
  void aValueThatIsNotReleasedIsZero() {
    assertThrows(IllegalArgumentException.class, () -> new Entry(1, 1, "47", false, 3, false, 0));
  }

  @Test
  void varianceOfDiscreteLaplaceMatchesItsDefinition() {
    for (double b : new double[] {0.3, 1, 7.5, 40}) {
      double q = Math.exp(-1 / b);
      double v = 0;
      for (int x = -5000; x <= 5000; x++) {
        v += (1 - q) / (1 + q) * Math.pow(q, Math.abs(x)) * x * (double) x;
      }
      assertEquals(v, ReleaseBlock.variance(b), v * 1e-9, "scale " + b);
    }
    assertEquals(0, ReleaseBlock.variance(0));
    assertThrows(IllegalArgumentException.class, () -> ReleaseBlock.variance(-1));
  }

  @Test
  void sbiKeysKeepLeadingZerosAndRefuseNonDigits() {
    assertEquals(10111, ReleaseBlock.sbiKey("0111"));
    assertEquals("0111", ReleaseBlock.sbiOfKey(10111));
    assertEquals(-1, ReleaseBlock.sbiKey(""));
    assertEquals(-1, ReleaseBlock.sbiKey("47a"));
  }
}
