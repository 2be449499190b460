package nl.datapoints.endpoint;

import java.util.Arrays;
import nl.datapoints.schemas.RowKey;

/**
 * Walks the rows of a span of a request's dates in key order (pure), so one region scanner reads
 * every date a region holds: per row it finds the row's date among the request's (rows of a date
 * not asked for are jumped), then asks that date's {@link AreaRows} — sum, skip, seek ahead, or on
 * to the next date.
 */
public final class DateRows {
  /** The row is not in the area but inside a run: skip it. */
  public static final int SKIP = AreaRows.SKIP;

  /** No date of the span is left: stop reading. */
  public static final int DONE = AreaRows.DONE;

  /** The row lies before what is read next: seek to {@link #seekTo()}. */
  public static final int SEEK = AreaRows.SEEK;

  private final SumsRequest request;
  private final byte[][] prefixes;
  private final int last;
  private int date;
  private AreaRows rows;
  private byte[] seekTo;

  /** The walk of {@code request}'s dates {@code first..last} (indexes, inclusive). */
  public DateRows(SumsRequest request, int first, int last) {
    if (first < 0 || last >= request.dates().length || first > last) {
      throw new IllegalArgumentException(
          "date span " + first + ".." + last + " of " + request.dates().length + " dates");
    }
    this.request = request;
    this.prefixes = new byte[request.dates().length][];
    for (int d = first; d <= last; d++) {
      prefixes[d] = RowKey.datePrefix(request.dates()[d]);
    }
    this.last = last;
    this.date = first;
    this.rows = new AreaRows(request);
  }

  /**
   * What to do with the row whose {@link RowKey} is at {@code key[offset, offset + length)}; rows
   * come in ascending key order.
   *
   * @return the index of the row's postcode4 in the area (the row is of {@link #date()}), or {@link
   *     #SKIP}, {@link #DONE} or {@link #SEEK}
   */
  public int next(byte[] key, int offset, int length) {
    if (length != RowKey.LENGTH) {
      throw new IllegalArgumentException("row key must be " + RowKey.LENGTH + " bytes");
    }
    while (true) {
      byte[] prefix = prefixes[date];
      int c = Arrays.compareUnsigned(key, offset, offset + prefix.length, prefix, 0, prefix.length);
      if (c == 0) {
        break;
      }
      if (c < 0) { // a date between the request's
        seekTo = request.firstKey(date);
        return SEEK;
      }
      if (!nextDate()) {
        return DONE;
      }
    }
    int at = rows.next(RowKey.pc4Of(key, offset, length));
    if (at == AreaRows.DONE) {
      if (!nextDate()) {
        return DONE;
      }
      seekTo = request.firstKey(date);
      return SEEK;
    }
    if (at == AreaRows.SEEK) {
      seekTo = RowKey.of(request.dates()[date], rows.seekTo()).toBytes();
      return SEEK;
    }
    return at;
  }

  /** The date index of the row last summed. */
  public int date() {
    return date;
  }

  /** The row key to seek to (after {@link #SEEK}). */
  public byte[] seekTo() {
    return seekTo;
  }

  private boolean nextDate() {
    if (date == last) {
      return false;
    }
    date++;
    rows = new AreaRows(request);
    return true;
  }
}
