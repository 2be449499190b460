package nl.datapoints.bench.query;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import nl.datapoints.etl.publish.HBaseConf;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.RegionMetrics;
import org.apache.hadoop.hbase.ServerName;
import org.apache.hadoop.hbase.Size;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CompactionState;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * One table's shape and read counters, asked of every region server directly (not the master's
 * 3-second-old copy): regions, store files and their MB, read requests (HBase counts one per row a
 * scanner returns and one per Get) and filtered reads. With a wait it first waits until no
 * compaction runs on the table, so a measurement after a bulk load does not share the cores with
 * one.
 */
final class HBaseInfo {
  private HBaseInfo() {}

  /**
   * The {@code hbase} line: {@code hbase table=T regions=N storefiles=N storeMB=N readRequests=N
   * ...}.
   */
  static String describe(String zookeeper, String tableName, double waitCompactionsSeconds)
      throws IOException, InterruptedException {
    Configuration conf = HBaseConf.create(new Configuration(), Optional.of(zookeeper));
    TableName table = TableName.valueOf(tableName);
    try (Connection c = ConnectionFactory.createConnection(conf);
        Admin admin = c.getAdmin()) {
      long waited = System.nanoTime();
      long waitUntil = waited + (long) (waitCompactionsSeconds * 1e9);
      CompactionState state = admin.getCompactionState(table);
      while (state != CompactionState.NONE && System.nanoTime() < waitUntil) {
        Thread.sleep(1000);
        state = admin.getCompactionState(table);
      }
      int regions = 0;
      int storeFiles = 0;
      double storeMb = 0;
      long reads = 0;
      long filtered = 0;
      for (ServerName sn : admin.getRegionServers()) {
        for (RegionMetrics m : admin.getRegionMetrics(sn, table)) {
          regions++;
          storeFiles += m.getStoreFileCount();
          storeMb += m.getStoreFileSize().get(Size.Unit.MEGABYTE);
          reads += m.getReadRequestCount();
          filtered += m.getFilteredReadRequestCount();
        }
      }
      return String.format(
          Locale.ROOT,
          "hbase\ttable=%s\tregions=%d\tstorefiles=%d\tstoreMB=%.0f\treadRequests=%d"
              + "\tfilteredReadRequests=%d\tcompaction=%s\twaited=%.0fs",
          table,
          regions,
          storeFiles,
          storeMb,
          reads,
          filtered,
          state,
          (System.nanoTime() - waited) / 1e9);
    }
  }
}
