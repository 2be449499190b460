package nl.datapoints.etl.enrich;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code user_key} = the first 16 bytes of HMAC-SHA256(secret, UTF-8 user id) with one
 * reused {@link Mac} (pure core, one per task; not thread-safe).
 */
final class Pseudonymizer {
  /** Length of a user key in bytes. */
  public static final int KEY_BYTES = 16;

  private final Mac mac;
  private final byte[] digest = new byte[32];

  /** A pseudonymizer keyed with the secret. */
  public Pseudonymizer(HmacKey key) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Writes the user key of the UTF-8 bytes {@code b[from, to)} into {@code out[0, 16)}. */
  public void userKey(byte[] b, int from, int to, byte[] out) {
    mac.update(b, from, to - from);
    try {
      mac.doFinal(digest, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("a 32-byte buffer holds an HMAC-SHA256", e);
    }
    System.arraycopy(digest, 0, out, 0, KEY_BYTES);
  }
}
