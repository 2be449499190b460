package nl.datapoints.etl.enrich;

/** Reduces a raw Dutch postcode (PC6 or PC4) to its postcode4 (pure core, runs in tasks). */
final class Postcodes {
  /** Returned when the bytes are not a valid postcode. */
  public static final int INVALID = -1;

  private Postcodes() {}

  /**
   * The postcode4 of {@code 1234AB}, {@code 1234ab}, {@code 1234 AB} (one space) or {@code 1234};
   * the first digit must be 1-9 and the letters A-Z in any case. Anything else is {@link #INVALID}.
   */
  public static int pc4(byte[] b, int from, int to) {
    int len = to - from;
    if (len != 4 && len != 6 && len != 7) {
      return INVALID;
    }
    int d0 = b[from] - '0';
    if (d0 < 1 || d0 > 9) {
      return INVALID;
    }
    int value = d0;
    for (int i = from + 1; i < from + 4; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return INVALID;
      }
      value = value * 10 + d;
    }
    if (len == 4) {
      return value;
    }
    int letters = from + 4;
    if (len == 7) {
      if (b[letters] != ' ') {
        return INVALID;
      }
      letters++;
    }
    return isLetter(b[letters]) && isLetter(b[letters + 1]) ? value : INVALID;
  }

  /** Convenience for callers holding a String (the service, tests). */
  public static int pc4(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return pc4(b, 0, b.length);
  }

  private static boolean isLetter(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
