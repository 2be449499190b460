package nl.datapoints.serving;

import java.util.function.Consumer;
import nl.datapoints.endpoint.shadedhbase.AreaSumsEndpoint;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The serving table of one test class on an HBase mini-cluster: creates the table with the layout's
 * families, versions and layout version (optionally pre-split), hands it to a seeding function,
 * flushes (so a restart needs no WAL replay). Register it before the {@code DropwizardAppExtension}
 * so the app can be pointed at it.
 *
 * <p>The mini-cluster itself is shared by every test class of the JVM (each class has its own
 * table): starting one costs 20–40 s on the 2-core CI machine, more than most classes' tests. It is
 * shut down when JUnit closes its root context at the end of the run. A class that stops HBase
 * ({@link #stopHBase()}) must start it again; if it failed to, the next class does.
 */
public final class MiniHBase implements BeforeAllCallback, AfterAllCallback {
  /** How long a table may take to come online, after creation or a restart, on a loaded machine. */
  private static final long AVAILABLE_MILLIS = 120_000;

  private static final ExtensionContext.Namespace SHARED =
      ExtensionContext.Namespace.create(MiniHBase.class);

  private final String table;
  private final byte[][] splits;
  private final Consumer<Table> seed;
  private final boolean endpoint;
  private HBaseTestingUtility util;

  MiniHBase(String table, Consumer<Table> seed) {
    this(table, new byte[0][], seed);
  }

  /** A table pre-split at {@code splits} (region start keys), seeded by {@code seed}. */
  public MiniHBase(String table, byte[][] splits, Consumer<Table> seed) {
    this(table, splits, seed, true);
  }

  /**
   * A table pre-split at {@code splits}, seeded by {@code seed}, whose regions load the {@code
   * datapoints.AreaSums} endpoint when {@code endpoint} (as region servers that list it in {@code
   * hbase.coprocessor.region.classes} do), or have none.
   */
  public MiniHBase(String table, byte[][] splits, Consumer<Table> seed, boolean endpoint) {
    this.table = table;
    this.splits = splits.clone();
    this.seed = seed;
    this.endpoint = endpoint;
  }

  /** The JVM's mini-cluster, closed with JUnit's root context. */
  private static final class Shared implements ExtensionContext.Store.CloseableResource {
    private final HBaseTestingUtility util;

    Shared() {
      try {
        util = startCluster();
      } catch (Exception e) {
        throw new IllegalStateException("starting the HBase mini-cluster failed", e);
      }
    }

    @Override
    public void close() throws Exception {
      util.shutdownMiniCluster();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    util =
        context
            .getRoot()
            .getStore(SHARED)
            .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class)
            .util;
    if (util.getMiniHBaseCluster() == null) {
      util.startMiniHBaseCluster(1, 1); // an earlier class stopped HBase and could not restart it
    }
    TableName name = TableName.valueOf(table);
    // Recorded as the publisher records it: the health check reports any other layout.
    TableDescriptorBuilder builder =
        TableDescriptorBuilder.newBuilder(name)
            .setValue(StoreLayout.VERSION_KEY, Integer.toString(StoreLayout.VERSION));
    if (endpoint) {
      // The endpoint as this shaded mini-cluster's protobuf needs it (the relocated build).
      builder.setCoprocessor(AreaSumsEndpoint.class.getName());
    }
    for (byte[] family : StoreLayout.FAMILIES) {
      builder.setColumnFamily(
          ColumnFamilyDescriptorBuilder.newBuilder(family)
              .setMaxVersions(StoreLayout.FAMILY_MAX_VERSIONS)
              .build());
    }
    TableDescriptor descriptor = builder.build();
    if (splits.length == 0) {
      util.getAdmin().createTable(descriptor);
    } else {
      util.getAdmin().createTable(descriptor, splits);
    }
    util.waitTableAvailable(name, AVAILABLE_MILLIS);
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
  public void afterAll(ExtensionContext context) {
    // The cluster outlives the class (see the class comment); the table is left, it is small.
  }

  /**
   * The ZooKeeper quorum of the mini-cluster, as the service's {@code hbase.zookeeper} wants it.
   */
  public String quorum() {
    return "127.0.0.1:" + util.getZkCluster().getClientPort();
  }

  /** A table handle on the shared test connection (caller closes). */
  public Table table() throws java.io.IOException {
    return util.getConnection().getTable(TableName.valueOf(table));
  }

  /** Stops the HBase master and region servers, keeping ZooKeeper and the file system. */
  public void stopHBase() throws java.io.IOException {
    util.shutdownMiniHBaseCluster();
  }

  /**
   * Starts HBase again on the same ZooKeeper and data; returns when this class's table is readable.
   */
  public void startHBase() throws Exception {
    util.startMiniHBaseCluster(1, 1);
    util.waitTableAvailable(TableName.valueOf(table), AVAILABLE_MILLIS);
  }
}
