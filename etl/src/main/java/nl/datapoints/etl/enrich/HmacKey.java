package nl.datapoints.etl.enrich;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import nl.datapoints.etl.common.HexSecret;

/**
 * The secret of the user pseudonym (HMAC-SHA256 key), loaded in the driver and handed to tasks
 * through the job's credentials. Never printed: {@link #toString()} and every message omit it.
 */
public final class HmacKey {
  /** Environment variable holding the key as hex. */
  public static final String ENV = "DATAPOINTS_HMAC_KEY";

  /** Minimum key length in bytes. */
  public static final int MIN_BYTES = 32;

  /** How the pseudonym secret is given and checked (shared with the release secret). */
  static final HexSecret SECRET =
      new HexSecret(ENV, "--hmac-key-file", "the user pseudonym (HMAC key)", MIN_BYTES);

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
    return new HmacKey(SECRET.load(keyFile, env));
  }

  /** A key from raw bytes (at least {@value #MIN_BYTES}), e.g. as read back from credentials. */
  public static HmacKey of(byte[] bytes) {
    return new HmacKey(SECRET.check(bytes));
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
