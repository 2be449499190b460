package nl.datapoints.schemas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The HBase layout of the serving store, shared by the publish job and the service.
 *
 * <ul>
 *   <li>Two column families: {@link #FAMILY} ({@code d}) holds every cell of a row and the
 *       pointer row, {@link #ROLLUP_FAMILY} ({@code r}) the row's two small rollups. Unfiltered
 *       queries, the common case, read only {@code r}, whose store files are a fraction of the
 *       size: a scan never walks over the large {@code c} blocks it does not need.
 *   <li>Data rows: {@link RowKey} (date + pc4), qualifiers {@code d:}{@link CellBlock#CELLS},
 *       {@code r:}{@link CellBlock#BY_HOUR}, {@code r:}{@link CellBlock#BY_SBI}, each a
 *       {@link CellBlock} ({@link #familyOf} says which family a qualifier lives in). The HBase
 *       timestamp of every data cell is the generation id, so a reader that asks for the time
 *       range {@code [g, g + 1)} sees exactly generation {@code g} and nothing else.
 *   <li>The pointer row {@link #POINTER_ROW} (sorts after every data row): per date, qualifier
 *       {@link #currentQualifier} holds the current {@link Generation} and
 *       {@link #keptQualifier} the kept ones, newest first. Both are written in one {@code Put},
 *       which HBase applies atomically, so flipping a date is a single-row operation.
 * </ul>
 */
public final class StoreLayout {
  /** Default table name. */
  public static final String DEFAULT_TABLE = "datapoints";
  /** The family of the cells block {@code c} and of the pointer row. */
  public static final byte[] FAMILY = {'d'};
  /** The family of the rollup blocks {@code h} and {@code s}. */
  public static final byte[] ROLLUP_FAMILY = {'r'};
  /** Every family of the table, in HBase's (byte) order. */
  public static final List<byte[]> FAMILIES = List.of(FAMILY, ROLLUP_FAMILY);
  /** Row key of the pointer row. */
  public static final byte[] POINTER_ROW = "~generations".getBytes(StandardCharsets.US_ASCII);
  /** Generations kept per date at least (rollback needs them). */
  public static final int MIN_KEPT_GENERATIONS = 3;
  /** Versions each family keeps, so that kept generations are not compacted away. */
  public static final int FAMILY_MAX_VERSIONS = 5;

  private StoreLayout() {}

  /**
   * The family a data-row qualifier is stored in: {@link #ROLLUP_FAMILY} for
   * {@link CellBlock#BY_HOUR} and {@link CellBlock#BY_SBI}, {@link #FAMILY} for
   * {@link CellBlock#CELLS}.
   *
   * @throws IllegalArgumentException for any other qualifier
   */
  public static byte[] familyOf(byte[] qualifier) {
    if (Arrays.equals(qualifier, CellBlock.CELLS)) {
      return FAMILY;
    }
    if (Arrays.equals(qualifier, CellBlock.BY_HOUR) || Arrays.equals(qualifier, CellBlock.BY_SBI)) {
      return ROLLUP_FAMILY;
    }
    throw new IllegalArgumentException("not a data-row qualifier: "
        + new String(qualifier, StandardCharsets.US_ASCII));
  }

  /** Qualifier of the current generation of {@code date}: the ISO date, e.g. {@code 2013-01-08}. */
  public static byte[] currentQualifier(LocalDate date) {
    return date.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Qualifier of the kept generations of {@code date}: e.g. {@code 2013-01-08/kept}. */
  public static byte[] keptQualifier(LocalDate date) {
    return (date + "/kept").getBytes(StandardCharsets.US_ASCII);
  }

  /** The date a pointer-row qualifier belongs to, or null for a qualifier of another kind. */
  public static LocalDate dateOfCurrentQualifier(byte[] qualifier) {
    if (qualifier.length != 10) {
      return null;
    }
    return LocalDate.parse(new String(qualifier, StandardCharsets.US_ASCII));
  }
}
