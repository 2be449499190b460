package nl.datapoints.etl.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Creates the serving table on first publish (driver). Family {@code d} keeps
 * {@link StoreLayout#FAMILY_MAX_VERSIONS} versions, GZ compression (pure Java in every JVM;
 * SNAPPY/LZ4 need native libraries or extra codec jars that the local and test JVMs lack),
 * ROW bloom filters (readers do Gets and short prefix scans).
 */
final class TableSetup {
  /** Splits the pointer row into its own region: '~' sorts after every digit. */
  static final byte[] POINTER_SPLIT = "~".getBytes(StandardCharsets.US_ASCII);

  private TableSetup() {}

  /** Creates the table if missing; checks the family of an existing one. */
  static void ensureTable(Admin admin, TableName name, List<LocalDate> dates, int splitsPerDate)
      throws IOException {
    if (!admin.tableExists(name)) {
      ColumnFamilyDescriptor family = ColumnFamilyDescriptorBuilder.newBuilder(StoreLayout.FAMILY)
          .setMaxVersions(StoreLayout.FAMILY_MAX_VERSIONS)
          .setCompressionType(Compression.Algorithm.GZ)
          .setBloomFilterType(BloomType.ROW)
          .build();
      TableDescriptor table = TableDescriptorBuilder.newBuilder(name).setColumnFamily(family).build();
      try {
        admin.createTable(table, splitPoints(dates, splitsPerDate).toArray(new byte[0][]));
      } catch (TableExistsException raced) {
        // Another publisher created it between our check and create: same layout, carry on.
      }
      return;
    }
    ColumnFamilyDescriptor family = admin.getDescriptor(name).getColumnFamily(StoreLayout.FAMILY);
    if (family == null || family.getMaxVersions() < StoreLayout.FAMILY_MAX_VERSIONS) {
      throw new IllegalStateException("table " + name + " must have family 'd' with at least "
          + StoreLayout.FAMILY_MAX_VERSIONS + " versions (generations), got "
          + (family == null ? "no family 'd'" : family.getMaxVersions() + " versions"));
    }
  }

  /**
   * Split points for a new table: each date of the first batch starts a region and is cut into
   * {@code perDate} regions by the first pc4 digit; the pointer row gets its own region. Later
   * dates land before '~' and HBase splits them as they grow.
   */
  static List<byte[]> splitPoints(List<LocalDate> dates, int perDate) {
    TreeSet<byte[]> points = new TreeSet<>(Bytes.BYTES_COMPARATOR);
    for (LocalDate date : dates) {
      byte[] prefix = RowKey.datePrefix(date);
      points.add(prefix);
      for (int i = 1; i < perDate; i++) {
        points.add(Bytes.add(prefix, new byte[] {(byte) ('1' + i * 9 / perDate)}));
      }
    }
    points.add(POINTER_SPLIT);
    return new ArrayList<>(points);
  }
}
