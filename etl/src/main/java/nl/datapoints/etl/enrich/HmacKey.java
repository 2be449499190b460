package nl.datapoints.etl.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The secret of the user pseudonym (HMAC-SHA256 key), loaded in the driver and handed to tasks
 * through the job's credentials. Never printed: {@link #toString()} and every message omit it.
 */
public final class HmacKey {
  /** Environment variable holding the key as hex. */
  public static final String ENV = "DATAPOINTS_HMAC_KEY";

  /** Minimum key length in bytes. */
  public static final int MIN_BYTES = 32;

  static final String HOW =
      "set " + ENV + " (hex, at least " + MIN_BYTES + " bytes) or pass --hmac-key-file";

  private final byte[] key;

  private HmacKey(byte[] key) {
    this.key = key;
  }

  /**
   * The key from {@code keyFile} when given (hex text, whitespace trimmed), else from the
   * environment variable {@value #ENV}.
   *
   * @throws IllegalArgumentException when neither is given, or the value is not hex of at least
   *     {@value #MIN_BYTES} bytes (the message never contains the value)
   */
  public static HmacKey load(Optional<Path> keyFile, Map<String, String> env) {
    if (keyFile.isPresent()) {
      Path file = keyFile.get();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--hmac-key-file "
                + file
                + " cannot be read ("
                + e.getClass().getSimpleName()
                + "); "
                + HOW,
            e);
      }
      return fromHex(text, "--hmac-key-file " + file);
    }
    String value = env.get(ENV);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no HMAC key for the user pseudonym: " + HOW);
    }
    return fromHex(value, ENV);
  }

  /** A key from raw bytes (at least {@value #MIN_BYTES}), e.g. as read back from credentials. */
  public static HmacKey of(byte[] bytes) {
    if (bytes == null || bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "HMAC key must be at least "
              + MIN_BYTES
              + " bytes, got "
              + (bytes == null ? 0 : bytes.length)
              + "; "
              + HOW);
    }
    return new HmacKey(bytes.clone());
  }

  private static HmacKey fromHex(String text, String source) {
    String hex = text.strip();
    if (hex.length() % 2 != 0 || !hex.chars().allMatch(HmacKey::isHex)) {
      throw new IllegalArgumentException(
          source
              + " must hold hex digits (an even number of"
              + " 0-9a-f), got "
              + hex.length()
              + " characters that are not; "
              + HOW);
    }
    if (hex.length() < MIN_BYTES * 2) {
      throw new IllegalArgumentException(
          source
              + " must hold at least "
              + MIN_BYTES
              + " bytes ("
              + MIN_BYTES * 2
              + " hex digits), got "
              + hex.length() / 2
              + " bytes; "
              + HOW);
    }
    return new HmacKey(HexFormat.of().parseHex(hex));
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A copy of the key bytes. */
  public byte[] bytes() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HmacKey other && java.security.MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "HmacKey[" + key.length + " bytes, redacted]";
  }
}
