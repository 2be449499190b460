package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import nl.datapoints.schemas.Level;
import org.junit.jupiter.api.Test;

class ReleaseInputTest {
  private static ReleaseInput roundTrip(ReleaseInput in, int[] size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.write(new DataOutputStream(bytes));
    size[0] = bytes.size();
    ReleaseInput out = new ReleaseInput();
    out.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    return out;
  }

  @Test
  void everyTagRoundTripsWhatItCarries() throws IOException {
    int[] size = new int[1];
    ReleaseInput today =
        roundTrip(
            new ReleaseInput()
                .set(ReleaseInput.Tag.TODAY, Level.CELL, 9999, 23, 65535, "0111", 7, 3, 0),
            size);
    assertEquals("TODAY CELL 9999/23/65535/0111 hits 7 users 3", today.toString());
    ReleaseInput stored =
        roundTrip(
            new ReleaseInput()
                .set(ReleaseInput.Tag.STORED, Level.TOTAL, 1012, -1, 0, "", -40, 0, 28.5),
            size);
    assertEquals(-40, stored.hits);
    assertEquals(28.5, stored.scale);
    assertEquals(Level.TOTAL, stored.level);
    ReleaseInput event =
        roundTrip(
            new ReleaseInput().set(ReleaseInput.Tag.EVENT, Level.CELL, 1012, 9, 1, "4711", 1, 1, 0),
            size);
    assertEquals(1, event.hits);
    assertEquals("4711", event.sbi);
    assertTrue(size[0] <= 9, "an event is shipped in at most 9 bytes, got " + size[0]);
  }
}
