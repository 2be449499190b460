package nl.datapoints.etl.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a hex secret from a key file or an environment variable (driver): the HMAC key of the user
 * pseudonym and the release secret of the noise are both read this way. No message ever contains
 * the value.
 *
 * @param envName the environment variable, e.g. {@code DATAPOINTS_HMAC_KEY}
 * @param fileOption the option naming a key file, e.g. {@code --hmac-key-file}
 * @param purpose what the secret is for, for messages
 * @param minBytes the shortest secret accepted
 */
public record HexSecret(String envName, String fileOption, String purpose, int minBytes) {
  /** How to provide the secret, for messages. */
  public String how() {
    return "set " + envName + " (hex, at least " + minBytes + " bytes) or pass " + fileOption;
  }

  /**
   * The secret from {@code keyFile} when given (hex text, whitespace trimmed), else from the
   * environment variable.
   *
   * @throws IllegalArgumentException when neither is given or the value is not hex of at least
   *     {@code minBytes} bytes
   */
  public byte[] load(Optional<Path> keyFile, Map<String, String> env) {
    if (keyFile.isPresent()) {
      Path file = keyFile.get();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            fileOption
                + " "
                + file
                + " cannot be read ("
                + e.getClass().getSimpleName()
                + "); "
                + how(),
            e);
      }
      return fromHex(text, fileOption + " " + file);
    }
    String value = env.get(envName);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no secret for " + purpose + ": " + how());
    }
    return fromHex(value, envName);
  }

  /** Checks raw bytes (e.g. read back from a job's credentials). */
  public byte[] check(byte[] bytes) {
    if (bytes == null || bytes.length < minBytes) {
      throw new IllegalArgumentException(
          "the secret for "
              + purpose
              + " must be at least "
              + minBytes
              + " bytes, got "
              + (bytes == null ? 0 : bytes.length)
              + "; "
              + how());
    }
    return bytes.clone();
  }

  private byte[] fromHex(String text, String source) {
    String hex = text.strip();
    if (hex.length() % 2 != 0 || !hex.chars().allMatch(HexSecret::isHex)) {
      throw new IllegalArgumentException(
          source
              + " must hold hex digits (an even number of"
              + " 0-9a-f), got "
              + hex.length()
              + " characters that are not; "
              + how());
    }
    if (hex.length() < minBytes * 2) {
      throw new IllegalArgumentException(
          source
              + " must hold at least "
              + minBytes
              + " bytes ("
              + minBytes * 2
              + " hex digits), got "
              + hex.length() / 2
              + " bytes; "
              + how());
    }
    return HexFormat.of().parseHex(hex);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
