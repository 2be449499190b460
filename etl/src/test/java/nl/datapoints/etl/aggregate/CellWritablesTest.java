package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparator;
import org.junit.jupiter.api.Test;

class CellWritablesTest {
  @Test
  void cellKeyRoundTrips() throws IOException {
    CellKey k = new CellKey(15_713, 23, 9999, 65_535, "01");
    assertEquals(k, roundTrip(k, new CellKey()));
  }

  @Test
  void rawComparatorAgreesWithCompareTo() throws IOException {
    List<CellKey> keys = new ArrayList<>();
    for (int date : new int[] {-3, 0, 15_713}) {
      for (int hour : new int[] {0, 23}) {
        for (int pc4 : new int[] {1000, 9999}) {
          for (int act : new int[] {1, 200, 65_535}) {
            for (String sbi : new String[] {"01", "10", "4711", "47111", "56"}) {
              keys.add(new CellKey(date, hour, pc4, act, sbi));
            }
          }
        }
      }
    }
    WritableComparator raw = WritableComparator.get(CellKey.class);
    assertTrue(raw instanceof CellKey.RawComparator);
    for (CellKey a : keys) {
      byte[] ab = bytes(a);
      for (CellKey b : keys) {
        byte[] bb = bytes(b);
        assertEquals(
            Integer.signum(a.compareTo(b)),
            Integer.signum(raw.compare(ab, 0, ab.length, bb, 0, bb.length)),
            a + " vs " + b);
      }
    }
  }

  @Test
  void cellValueRoundTripsUserKeys() throws IOException {
    CellTally t = new CellTally(5);
    t.addEvent(1, 2);
    t.addEvent(3, 4);
    t.addEvent(1, 2);
    CellValue back =
        roundTrip(new CellValue().set(CellValue.Tag.BASELINE_EVENTS, t), new CellValue());
    assertEquals(CellValue.Tag.BASELINE_EVENTS, back.tag());
    CellTally merged = new CellTally(5);
    merged.addEvent(3, 4);
    back.addTo(merged);
    assertEquals(4, merged.hits);
    assertEquals(2, merged.users.distinctCapped());
  }

  @Test
  void saturatedCellValueCarriesNoKeys() throws IOException {
    CellTally t = new CellTally(2);
    t.addEvent(1, 1);
    t.addEvent(2, 2);
    CellValue v = new CellValue().set(CellValue.Tag.CURRENT, t);
    assertEquals(3, bytes(v).length, "tag + vlong hits + vint -1");
    CellTally merged = new CellTally(2);
    roundTrip(v, new CellValue()).addTo(merged);
    assertTrue(merged.enoughUsers());
  }

  @Test
  void publishedCellValueRoundTrips() throws IOException {
    CellValue back = roundTrip(new CellValue().setPublished(1234), new CellValue());
    assertEquals(CellValue.Tag.BASELINE_PUBLISHED, back.tag());
    assertEquals(1234, back.hits());
  }

  static byte[] bytes(Writable w) throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    w.write(out);
    byte[] b = new byte[out.getLength()];
    System.arraycopy(out.getData(), 0, b, 0, b.length);
    return b;
  }

  static <T extends Writable> T roundTrip(Writable w, T into) throws IOException {
    byte[] b = bytes(w);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(b, b.length);
    into.readFields(in);
    return into;
  }
}
