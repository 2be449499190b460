package nl.datapoints.schemas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The HBase layout of the serving store, shared by the publish job and the service.
 *
 * <ul>
 *   <li>One column family {@link #FAMILY}.
 *   <li>Data rows: {@link RowKey} (date + pc4), qualifiers {@link CellBlock#CELLS},
 *       {@link CellBlock#BY_HOUR}, {@link CellBlock#BY_SBI}, each a {@link CellBlock}. The HBase
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
  /** The only column family. */
  public static final byte[] FAMILY = {'d'};
  /** Row key of the pointer row. */
  public static final byte[] POINTER_ROW = "~generations".getBytes(StandardCharsets.US_ASCII);
  /** Generations kept per date at least (rollback needs them). */
  public static final int MIN_KEPT_GENERATIONS = 3;
  /** Versions the family keeps, so that kept generations are not compacted away. */
  public static final int FAMILY_MAX_VERSIONS = 5;

  private StoreLayout() {}

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
