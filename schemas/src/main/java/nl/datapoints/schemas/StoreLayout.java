package nl.datapoints.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The HBase layout of the serving store, shared by the publish job and the service (docs/formats.md
 * §5).
 *
 * <ul>
 *   <li>Two column families: {@link #FAMILY} ({@code d}) holds the selected cells of a row and the
 *       pointer row, {@link #ROLLUP_FAMILY} ({@code r}) the row's public-domain levels. Unfiltered
 *       queries, the common case, read only {@code r}, whose store files are a fraction of the
 *       size: a scan never walks over the cells blocks it does not need.
 *   <li>Data rows: {@link RowKey} (date + pc4), qualifiers {@code r:}{@link ReleaseBlock#AREA}
 *       (TOTAL, HOUR and SBI values) and {@code d:}{@link ReleaseBlock#CELLS} (CELL values), each a
 *       {@link ReleaseBlock} ({@link #familyOf} says which family a qualifier lives in). The HBase
 *       timestamp of every data cell is the generation id, so a reader that asks for the time range
 *       {@code [g, g + 1)} sees exactly generation {@code g} and nothing else.
 *   <li>The pointer row {@link #POINTER_ROW} (sorts after every data row), encoded and decoded only
 *       by {@link PointerRow}: per date the current {@link Generation} and the kept ones.
 *   <li>The table records the layout it was written in as the table attribute {@link #VERSION_KEY}
 *       = {@link #VERSION}; the publish refuses to add dates to a table of another layout and the
 *       service's health check reports it.
 * </ul>
 */
public final class StoreLayout {
  /** Default table name. */
  public static final String DEFAULT_TABLE = "datapoints";

  /** The family of the cells block {@code c} and of the pointer row. */
  public static final byte[] FAMILY = {'d'};

  /** The family of the area block {@code a}. */
  public static final byte[] ROLLUP_FAMILY = {'r'};

  /** Every family of the table, in HBase's (byte) order. */
  public static final List<byte[]> FAMILIES = List.of(FAMILY, ROLLUP_FAMILY);

  /** Row key of the pointer row. */
  public static final byte[] POINTER_ROW = "~generations".getBytes(StandardCharsets.US_ASCII);

  /** Generations kept per date at least (rollback needs them). */
  public static final int MIN_KEPT_GENERATIONS = 3;

  /** Versions each family keeps, so that kept generations are not compacted away. */
  public static final int FAMILY_MAX_VERSIONS = 5;

  /**
   * The version of this layout: 1 = k-suppressed cells in one family {@code d}; 2 = their rollups
   * in family {@code r}; 3 = a differentially private release ({@link ReleaseBlock}). Bump it
   * whenever a reader of the old layout would misread the new one.
   */
  public static final int VERSION = 3;

  /** The table attribute (HBase table descriptor value) that records the layout version. */
  public static final String VERSION_KEY = "datapoints.layout";

  private StoreLayout() {}

  /**
   * The family a data-row qualifier is stored in: {@link #ROLLUP_FAMILY} for {@link
   * ReleaseBlock#AREA}, {@link #FAMILY} for {@link ReleaseBlock#CELLS}.
   *
   * @throws IllegalArgumentException for any other qualifier
   */
  public static byte[] familyOf(byte[] qualifier) {
    if (Arrays.equals(qualifier, ReleaseBlock.CELLS)) {
      return FAMILY;
    }
    if (Arrays.equals(qualifier, ReleaseBlock.AREA)) {
      return ROLLUP_FAMILY;
    }
    throw new IllegalArgumentException(
        "not a data-row qualifier: " + new String(qualifier, StandardCharsets.US_ASCII));
  }

  /**
   * The layout version a table records under {@link #VERSION_KEY}, for a table created before
   * tables recorded it: 2 when it has the rollup family {@code r}, else 1.
   */
  public static int versionOf(String recorded, boolean hasRollupFamily) {
    if (recorded == null) {
      return hasRollupFamily ? 2 : 1;
    }
    try {
      return Integer.parseInt(recorded.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          VERSION_KEY + " must be a whole number, got '" + recorded + "'", e);
    }
  }
}
