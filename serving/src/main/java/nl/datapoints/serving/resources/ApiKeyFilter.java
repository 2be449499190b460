package nl.datapoints.serving.resources;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Requires an API key on every API request when keys are configured: {@code Authorization: Bearer
 * <key>} or {@code X-Api-Key: <key>}. Keys are configured as hex SHA-256 hashes; the hash of the
 * presented key is compared to each in constant time. The key is never logged.
 */
public final class ApiKeyFilter implements ContainerRequestFilter {
  /** The alternative header carrying the key. */
  public static final String API_KEY_HEADER = "X-Api-Key";

  private final List<byte[]> hashes;

  /** A filter accepting keys whose SHA-256 is one of {@code hexHashes} (64 hex digits each). */
  public ApiKeyFilter(List<String> hexHashes) {
    this.hashes =
        hexHashes.stream()
            .map(
                h -> {
                  if (!h.matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException(
                        "apiKeySha256 entries must be 64 hex digits, got one of length "
                            + h.length());
                  }
                  return HexFormat.of().parseHex(h.toLowerCase());
                })
            .toList();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (hashes.isEmpty()) {
      return;
    }
    String key = presentedKey(request);
    if (key == null) {
      request.abortWith(
          ErrorResponses.of(
              401, "an API key is required (Authorization: Bearer <key> or X-Api-Key)"));
      return;
    }
    byte[] digest = sha256(key);
    boolean ok = false;
    for (byte[] h : hashes) {
      ok |= MessageDigest.isEqual(h, digest);
    }
    if (!ok) {
      request.abortWith(ErrorResponses.of(401, "the API key is not valid"));
    }
  }

  private static String presentedKey(ContainerRequestContext request) {
    String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && auth.length() > 7) {
      return auth.substring(7).trim();
    }
    String key = request.getHeaderString(API_KEY_HEADER);
    return key == null || key.isBlank() ? null : key.trim();
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
