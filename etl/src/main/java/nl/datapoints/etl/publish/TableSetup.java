package nl.datapoints.etl.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Creates the serving table on first publish, recording its layout version ({@link
 * StoreLayout#VERSION_KEY}), and refuses an existing table of another layout (driver). Families
 * {@code d} (cells, pointer row) and {@code r} (rollups) each keep {@link
 * StoreLayout#FAMILY_MAX_VERSIONS} versions, GZ compression (pure Java in every JVM; SNAPPY/LZ4
 * need native libraries or extra codec jars that the local and test JVMs lack), ROW bloom filters
 * (readers do Gets and short prefix scans).
 */
final class TableSetup {
  /** Splits the pointer row into its own region: '~' sorts after every digit. */
  static final byte[] POINTER_SPLIT = "~".getBytes(StandardCharsets.US_ASCII);

  private TableSetup() {}

  /** Creates the table if missing; checks the family of an existing one. */
  static void ensureTable(Admin admin, TableName name, List<LocalDate> dates, int splitsPerDate)
      throws IOException {
    if (!admin.tableExists(name)) {
      TableDescriptorBuilder table =
          TableDescriptorBuilder.newBuilder(name)
              .setValue(StoreLayout.VERSION_KEY, Integer.toString(StoreLayout.VERSION));
      for (byte[] f : StoreLayout.FAMILIES) {
        table.setColumnFamily(
            ColumnFamilyDescriptorBuilder.newBuilder(f)
                .setMaxVersions(StoreLayout.FAMILY_MAX_VERSIONS)
                .setCompressionType(Compression.Algorithm.GZ)
                .setBloomFilterType(BloomType.ROW)
                .build());
      }
      try {
        admin.createTable(table.build(), splitPoints(dates, splitsPerDate).toArray(new byte[0][]));
      } catch (TableExistsException raced) {
        // Another publisher created it between our check and create: same layout, carry on.
      }
      return;
    }
    TableDescriptor existing = admin.getDescriptor(name);
    checkLayout(name, existing);
  }

  /** The layout version {@code table} records (or, for an older table, has). */
  static int layoutVersion(TableDescriptor table) {
    return StoreLayout.versionOf(
        table.getValue(StoreLayout.VERSION_KEY),
        table.getColumnFamily(StoreLayout.ROLLUP_FAMILY) != null);
  }

  /**
   * Refuses a table of another layout than {@link StoreLayout#VERSION}, or one missing a family.
   */
  static void checkLayout(TableName name, TableDescriptor existing) {
    int version = layoutVersion(existing);
    for (byte[] f : StoreLayout.FAMILIES) {
      String fn = Bytes.toString(f);
      ColumnFamilyDescriptor family = existing.getColumnFamily(f);
      if (family == null && Arrays.equals(f, StoreLayout.ROLLUP_FAMILY)) {
        throw new IllegalStateException(
            "table "
                + name
                + " has no family 'r': it was created before"
                + " the rollups moved to their own family, and its published rollups are in 'd' where"
                + " the service no longer reads them; publish into a new table (--table) and backfill");
      }
      if (family == null || family.getMaxVersions() < StoreLayout.FAMILY_MAX_VERSIONS) {
        throw new IllegalStateException(
            "table "
                + name
                + " must have family '"
                + fn
                + "' with at least "
                + StoreLayout.FAMILY_MAX_VERSIONS
                + " versions (generations), got "
                + (family == null
                    ? "no family '" + fn + "'"
                    : family.getMaxVersions() + " versions"));
      }
    }
    if (version != StoreLayout.VERSION) {
      throw new IllegalStateException(
          "table "
              + name
              + " is in store layout "
              + version
              + ", this"
              + " publish writes layout "
              + StoreLayout.VERSION
              + "; publish into a new table (--table)"
              + " or drop it (scripts/etl drop-table --table "
              + name
              + ") and backfill");
    }
  }

  /** At most this many data regions are made when a table is created (more come by splitting). */
  static final int MAX_INITIAL_REGIONS = 16;

  /**
   * Split points for a new table: each date of the first batch starts a region and is cut into
   * {@code perDate} regions by the first pc4 digit; the pointer row gets its own region. Later
   * dates land before '~' and HBase splits them as they grow. A large first batch (a backfill) gets
   * at most {@link #MAX_INITIAL_REGIONS} data regions, cut at evenly spaced dates, since each
   * region is a reduce task of the HFile job and a region server's share of every query.
   */
  static List<byte[]> splitPoints(List<LocalDate> dates, int perDate) {
    TreeSet<byte[]> points = new TreeSet<>(Bytes.BYTES_COMPARATOR);
    if (dates.size() * perDate <= MAX_INITIAL_REGIONS) {
      for (LocalDate date : dates) {
        byte[] prefix = RowKey.datePrefix(date);
        points.add(prefix);
        for (int i = 1; i < perDate; i++) {
          points.add(Bytes.add(prefix, new byte[] {(byte) ('1' + i * 9 / perDate)}));
        }
      }
    } else {
      List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(dates));
      for (int r = 0; r < MAX_INITIAL_REGIONS; r++) {
        points.add(RowKey.datePrefix(sorted.get(r * sorted.size() / MAX_INITIAL_REGIONS)));
      }
    }
    points.add(POINTER_SPLIT);
    return new ArrayList<>(points);
  }
}
