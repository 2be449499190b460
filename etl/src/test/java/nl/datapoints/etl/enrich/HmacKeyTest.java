package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacKeyTest {
  static final String HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @TempDir Path tmp;

  @Test
  void loadsHexFromEnvironment() {
    HmacKey key = HmacKey.load(Optional.empty(), Map.of(HmacKey.ENV, HEX));
    assertArrayEquals(Fixtures.keyBytes(), key.bytes());
  }

  @Test
  void loadsTrimmedHexFromKeyFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("key"), "  " + HEX.toUpperCase() + "\n");
    HmacKey key = HmacKey.load(Optional.of(file), Map.of());
    assertArrayEquals(Fixtures.keyBytes(), key.bytes());
  }

  @Test
  void keyFileWinsOverEnvironment() throws Exception {
    Path file = Files.writeString(tmp.resolve("key"), HEX);
    HmacKey key = HmacKey.load(Optional.of(file), Map.of(HmacKey.ENV, "ff".repeat(32)));
    assertArrayEquals(Fixtures.keyBytes(), key.bytes());
  }

  @Test
  void refusesToRunWithoutAKeyAndSaysHowToGiveOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HmacKey.load(Optional.empty(), Map.of()));
    assertTrue(
        e.getMessage()
            .contains("set DATAPOINTS_HMAC_KEY (hex, at least 32 bytes) or pass --hmac-key-file"),
        e.getMessage());
  }

  @Test
  void rejectsShortKeyWithoutEchoingIt() {
    String shortKey = "abcdef0123456789abcdef0123456789";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HmacKey.load(Optional.empty(), Map.of(HmacKey.ENV, shortKey)));
    assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(shortKey), e.getMessage());
  }

  @Test
  void rejectsNonHexWithoutEchoingIt() {
    String secret = "zz" + HEX;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HmacKey.load(Optional.empty(), Map.of(HmacKey.ENV, secret)));
    assertFalse(e.getMessage().contains(HEX), e.getMessage());
  }

  @Test
  void rejectsUnreadableKeyFileNamingIt() {
    Path missing = tmp.resolve("nope");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HmacKey.load(Optional.of(missing), Map.of(HmacKey.ENV, HEX)));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void toStringHidesTheKey() {
    HmacKey key = HmacKey.load(Optional.empty(), Map.of(HmacKey.ENV, HEX));
    assertFalse(key.toString().contains(HEX.substring(0, 8)), key.toString());
    assertTrue(key.toString().contains("redacted"));
  }
}
