package nl.datapoints.etl.release;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic random bits for one released value (pure; runs in tasks): HMAC-SHA256 keyed by the
 * release secret over the value's identity and a block counter, so the same secret and identity
 * always give the same bits and any other identity gives bits that look independent. Exact samplers
 * ({@link DiscreteLaplace}, {@link PartitionSelection}) draw whole integers from it; no
 * floating-point noise is ever drawn.
 *
 * <p>Not thread-safe; one per task, {@link #reset} per value.
 */
final class NoiseStream {
  private final Mac mac;
  private final byte[] block = new byte[32];
  private byte[] identity = new byte[0];
  private long counter;
  private int used = block.length;
  private long bitBuffer;
  private int bits;

  /** A stream keyed by {@code secret} (the release key, or a key derived from it). */
  NoiseStream(byte[] secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Starts the bits of the value whose identity is {@code id} (copied). */
  NoiseStream reset(byte[] id) {
    identity = id.clone();
    counter = 0;
    used = block.length;
    bits = 0;
    bitBuffer = 0;
    return this;
  }

  private int nextByte() {
    if (used == block.length) {
      mac.update(identity);
      for (int shift = 56; shift >= 0; shift -= 8) {
        mac.update((byte) (counter >>> shift));
      }
      counter++;
      try {
        mac.doFinal(block, 0);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      used = 0;
    }
    return block[used++] & 0xFF;
  }

  /** {@code k} (1-62) uniform bits. */
  long bits(int k) {
    if (k < 1 || k > 62) {
      throw new IllegalArgumentException("bits must be 1-62, got " + k);
    }
    while (bits < k) {
      bitBuffer = (bitBuffer << 8) | nextByte();
      bits += 8;
    }
    long out = (bitBuffer >>> (bits - k)) & ((1L << k) - 1);
    bits -= k;
    bitBuffer &= bits == 0 ? 0 : (1L << bits) - 1;
    return out;
  }

  /**
   * A uniform integer in {@code [0, n)}, exactly (rejection of the bits above the largest
   * multiple).
   */
  long uniform(long n) {
    if (n < 1 || n > (1L << 62)) {
      throw new IllegalArgumentException("uniform range must be 1..2^62, got " + n);
    }
    if (n == 1) {
      return 0;
    }
    int k = 64 - Long.numberOfLeadingZeros(n - 1);
    while (true) {
      long v = bits(k);
      if (v < n) {
        return v;
      }
    }
  }

  /** True with probability exactly {@code num / den} (0 <= num <= den). */
  boolean bernoulli(long num, long den) {
    if (num < 0 || den < 1 || num > den) {
      throw new IllegalArgumentException("bernoulli needs 0 <= num <= den, got " + num + "/" + den);
    }
    return uniform(den) < num;
  }

  /** A uniform double in [0, 1) on a grid of 2^-53 (for comparing with a probability). */
  double unit() {
    return bits(53) * 0x1.0p-53;
  }
}
