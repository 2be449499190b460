package nl.datapoints.bench.publish;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;

/**
 * What readers see in one table of store layout 3 (pure once read): per date the current
 * generation's values, hits, baseline flag and privacy guarantee (ids and publish times differ
 * between two publishes by design and are not part of it), the data rows of those generations, and
 * a SHA-256 over every (row, family, qualifier, value) in scan order.
 *
 * @param table the table's name
 * @param pointers date → "values=N hits=N baselineMissing=B epsilon=E delta=D" of its current
 *     generation
 * @param rows data rows read
 * @param values released values of their {@code r:a} and {@code d:c} blocks
 * @param hits sum of their TOTAL values' hits
 * @param badRows rows without an {@code r:a} block, or with cells other than {@code r:a} and {@code
 *     d:c}
 * @param sha256 the digest, hex
 */
record TableView(
    String table,
    SortedMap<LocalDate, String> pointers,
    long rows,
    long values,
    long hits,
    long badRows,
    String sha256) {

  TableView {
    pointers = new TreeMap<>(pointers);
  }

  /**
   * The pointer as compared: what a publish decides (format 2: with the guarantee), not when or
   * under which id.
   */
  static String pointer(Generation g) {
    return "values="
        + g.cells()
        + " hits="
        + g.hits()
        + " baselineMissing="
        + g.baselineMissing()
        + " epsilon="
        + g.privacyEpsilon()
        + " delta="
        + g.privacyDelta();
  }

  /** The {@code SEEN} line. */
  String summary() {
    return String.format(
        "table=%s dates=%d rows=%d values=%d hits=%d bad_rows=%d sha256=%s",
        table, pointers.size(), rows, values, hits, badRows, sha256);
  }

  /** Why {@code a} and {@code b} differ for a reader; empty when they are the same. */
  static List<String> differences(TableView a, TableView b) {
    List<String> why = new ArrayList<>();
    if (!a.pointers().equals(b.pointers())) {
      why.add("pointers (dates / values / hits / baseline / epsilon / delta) differ");
    }
    if (a.rows() != b.rows()) {
      why.add("row counts differ");
    }
    if (!a.sha256().equals(b.sha256())) {
      why.add("values differ (sha256)");
    }
    if (a.rows() == 0 || b.rows() == 0 || a.badRows() + b.badRows() > 0) {
      why.add("a table is empty or has rows that are not r:a [+ d:c]");
    }
    if (!a.pointers().isEmpty()
        && a.pointers().values().stream().anyMatch(p -> p.endsWith("NaN"))) {
      why.add("a generation records no privacy guarantee (format 1, not layout 3)");
    }
    return why;
  }

  /** A SHA-256 over byte strings, each prefixed with its length so that boundaries count. */
  static final class Digest {
    private final MessageDigest sha;

    Digest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }

    Digest add(byte[] bytes) {
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      sha.update(bytes);
      return this;
    }

    String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }

  /** The pointers of decoded dates as compared. */
  static SortedMap<LocalDate, String> pointers(Map<LocalDate, Generation> current) {
    SortedMap<LocalDate, String> out = new TreeMap<>();
    current.forEach((d, g) -> out.put(d, pointer(g)));
    return out;
  }
}
