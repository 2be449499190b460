package nl.datapoints.etl.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Test helper: an independent reading of docs/formats.md §2.1 (java.time, regexes, strict UTF-8)
 * that classifies a raw line as a good event, an empty line or a reason code.
 */
final class LineCheck {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3})( ?[A-Za-z]{2})?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  /** A good event as the pipeline would see it. */
  record Event(LocalDate date, int hour, int pc4, int activity, String sbi, String user) {}

  /** Outcome: event non-null for a good line, else reason ("EMPTY" for empty lines). */
  record Result(String reason, Event event) {}

  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final Map<String, ZonedDateTime> hourCache = new HashMap<>();
  final Set<Integer> pc4s = new HashSet<>();
  final Map<Long, String> merchants = new HashMap<>();
  final Set<String> sbis = new HashSet<>();

  LineCheck(Path refDir) {
    try {
      List<String> pcs =
          Files.readAllLines(refDir.resolve("postcodes.csv"), StandardCharsets.UTF_8);
      for (String l : pcs.subList(1, pcs.size())) {
        pc4s.add(Integer.parseInt(l.split(",")[0]));
      }
      List<String> ms = Files.readAllLines(refDir.resolve("merchants.csv"), StandardCharsets.UTF_8);
      for (String l : ms.subList(1, ms.size())) {
        String[] f = l.split(",");
        merchants.put(Long.parseLong(f[0]), f[1]);
      }
      List<String> ss = Files.readAllLines(refDir.resolve("sbi.csv"), StandardCharsets.UTF_8);
      for (String l : ss.subList(1, ss.size())) {
        sbis.add(l.split(",")[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Amsterdam time of an ISO-8601 instant with offset, or null. Parsing is memoised per "date,
   * hour and offset" (offsets here are whole hours, so minutes and seconds cannot move the local
   * date or hour); each new key and every odd shape goes through java.time in full.
   */
  private ZonedDateTime localTime(String text) {
    boolean plain =
        text.length() >= 20
            && text.charAt(13) == ':'
            && text.charAt(16) == ':'
            && twoDigits(text, 14, 5)
            && twoDigits(text, 17, 5)
            && text.charAt(19) != '.'
            && (text.length() == 20 || text.endsWith(":00"));
    String key = plain ? text.substring(0, 13) + text.substring(19) : null;
    if (key != null) {
      ZonedDateTime cached = hourCache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    try {
      ZonedDateTime local =
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .atZoneSameInstant(AMSTERDAM);
      if (key != null) {
        hourCache.put(key, local);
      }
      return local;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean twoDigits(String s, int at, int maxFirst) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    return a >= '0' && a <= (char) ('0' + maxFirst) && b >= '0' && b <= '9';
  }

  Result classify(byte[] raw, LocalDate partition) {
    if (raw.length == 0) {
      return new Result("EMPTY", null);
    }
    if (raw.length > 64 * 1024) {
      return new Result("LINE_TOO_LONG", null);
    }
    String line;
    try {
      line = utf8.decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      return new Result("ENCODING", null);
    }
    String[] f = line.split("\t", -1);
    if (f.length != 6) {
      return new Result("FIELD_COUNT", null);
    }
    ZonedDateTime local = localTime(f[0]);
    if (local == null) {
      return new Result("BAD_TIMESTAMP", null);
    }
    if (f[1].isEmpty() || f[1].length() > 128) {
      return new Result("EMPTY_USER", null);
    }
    var pc = POSTCODE.matcher(f[3]);
    if (!pc.matches()) {
      return new Result("BAD_POSTCODE", null);
    }
    long merchant;
    try {
      merchant = DIGITS.matcher(f[4]).matches() ? Long.parseLong(f[4]) : -1;
    } catch (NumberFormatException e) {
      merchant = -1;
    }
    if (merchant <= 0) {
      return new Result("BAD_MERCHANT", null);
    }
    int activity =
        DIGITS.matcher(f[5]).matches() && f[5].length() <= 5 ? Integer.parseInt(f[5]) : -1;
    if (activity < 1 || activity > 65535) {
      return new Result("BAD_ACTIVITY", null);
    }
    int pc4 = Integer.parseInt(pc.group(1));
    if (!pc4s.contains(pc4)) {
      return new Result("UNKNOWN_POSTCODE", null);
    }
    String sbi = merchants.get(merchant);
    if (sbi == null) {
      return new Result("UNKNOWN_MERCHANT", null);
    }
    if (!local.toLocalDate().equals(partition)) {
      return new Result("OUT_OF_PARTITION", null);
    }
    return new Result(
        null, new Event(local.toLocalDate(), local.getHour(), pc4, activity, sbi, f[1]));
  }
}
