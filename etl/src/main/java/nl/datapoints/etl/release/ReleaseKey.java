package nl.datapoints.etl.release;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import nl.datapoints.etl.common.HexSecret;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;

/**
 * The release secret: the key of every random draw of the release (noise, selection, which
 * contributions a bound keeps). Loaded in the driver from {@value #ENV} or {@code
 * --release-key-file}, handed to tasks in the job's credentials (never in {@code job.xml}), never
 * logged. It is not the HMAC key of the pseudonym: knowing one tells nothing of the other. The
 * service needs neither.
 */
public final class ReleaseKey {
  /** Environment variable holding the secret as hex. */
  public static final String ENV = "DATAPOINTS_RELEASE_KEY";

  /** Shortest secret accepted, in bytes. */
  public static final int MIN_BYTES = 32;

  static final HexSecret SECRET =
      new HexSecret(ENV, "--release-key-file", "the release noise", MIN_BYTES);

  /** Alias of the secret in a job's credentials. */
  static final Text ALIAS = new Text("datapoints.release.key");

  private final byte[] key;

  private ReleaseKey(byte[] key) {
    this.key = key;
  }

  /** The secret from {@code keyFile} when given, else from {@value #ENV}. */
  public static ReleaseKey load(Optional<Path> keyFile, Map<String, String> env) {
    return new ReleaseKey(SECRET.load(keyFile, env));
  }

  /** A secret from raw bytes (at least {@value #MIN_BYTES}). */
  public static ReleaseKey of(byte[] bytes) {
    return new ReleaseKey(SECRET.check(bytes));
  }

  /** Puts the secret into a job's credentials. */
  void addTo(Credentials credentials) {
    credentials.addSecretKey(ALIAS, key.clone());
  }

  /** The secret from a job's credentials (tasks). */
  static ReleaseKey from(Credentials credentials) {
    byte[] bytes = credentials == null ? null : credentials.getSecretKey(ALIAS);
    if (bytes == null) {
      throw new IllegalStateException(
          "no release secret in the job's credentials under "
              + ALIAS
              + "; build the job with its Job class");
    }
    return of(bytes);
  }

  /** A noise stream keyed by this secret. */
  NoiseStream stream() {
    return new NoiseStream(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleaseKey other && java.security.MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "ReleaseKey[" + key.length + " bytes, redacted]";
  }
}
