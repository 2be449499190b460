package nl.datapoints.serving;

import java.util.function.Consumer;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import nl.datapoints.schemas.StoreLayout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One HBase mini-cluster per test class: creates the serving table with the layout's family
 * and versions, hands it to a seeding function, flushes (so a restart needs no WAL replay).
 * Register it before the {@code DropwizardAppExtension} so the app can be pointed at it.
 */
public final class MiniHBase implements BeforeAllCallback, AfterAllCallback {
  private final String table;
  private final Consumer<Table> seed;
  private HBaseTestingUtility util;

  MiniHBase(String table, Consumer<Table> seed) {
    this.table = table;
    this.seed = seed;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    util = startCluster();
    TableName name = TableName.valueOf(table);
    util.getAdmin().createTable(TableDescriptorBuilder.newBuilder(name)
        .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(StoreLayout.FAMILY)
            .setMaxVersions(StoreLayout.FAMILY_MAX_VERSIONS).build())
        .build());
    try (Table t = util.getConnection().getTable(name)) {
      seed.accept(t);
    }
    util.flush(name);
  }

  /** Starts a mini-cluster (ZooKeeper, HDFS, HBase) as every serving test needs it. */
  public static HBaseTestingUtility startCluster() throws Exception {
    HBaseTestingUtility util = new HBaseTestingUtility();
    // The web UIs need javax.validation, which Dropwizard's Jakarta classpath does not have.
    util.getConfiguration().setInt("hbase.master.info.port", -1);
    util.getConfiguration().setInt("hbase.regionserver.info.port", -1);
    util.startMiniCluster();
    return util;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (util != null) {
      util.shutdownMiniCluster();
    }
  }

  /** The ZooKeeper quorum of the mini-cluster, as the service's {@code hbase.zookeeper} wants it. */
  String quorum() {
    return "127.0.0.1:" + util.getZkCluster().getClientPort();
  }

  /** A table handle on the shared test connection (caller closes). */
  Table table() throws java.io.IOException {
    return util.getConnection().getTable(TableName.valueOf(table));
  }

  /** Stops the HBase master and region servers, keeping ZooKeeper and the file system. */
  void stopHBase() throws java.io.IOException {
    util.shutdownMiniHBaseCluster();
  }

  /** Starts HBase again on the same ZooKeeper and data. */
  void startHBase() throws Exception {
    util.startMiniHBaseCluster(1, 1);
  }
}
