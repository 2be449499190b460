package nl.datapoints.etl.hbase;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.endpoint.hbase.AreaSumsEndpoint;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.coprocessor.CoprocessorHost;
import org.apache.hadoop.hbase.master.HMaster;

/**
 * A standalone HBase for this machine, in its own JVM, from the project's Maven jars (driven by
 * {@code scripts/hbase-local}). Commands:
 *
 * <ul>
 *   <li>{@code run [--home DIR] [--zookeeper-port N]}: master, region server and ZooKeeper in this
 *       JVM, data under {@code DIR/data}, everything on loopback, web UIs off; blocks.
 *   <li>{@code ping [--zookeeper HOST:PORT] [--timeout-seconds N]}: exit 0 and print the tables
 *       when the master answers with at least one live region server, else exit 1.
 *   <li>{@code shutdown [--zookeeper HOST:PORT]}: asks the master to stop the cluster.
 * </ul>
 */
public final class LocalHBase {
  /** Default ZooKeeper client port (docs/commands.md §7: localhost:2181 unless configured). */
  public static final int DEFAULT_ZOOKEEPER_PORT = 2181;

  private LocalHBase() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage("a command is required");
    }
    Map<String, String> opts = options(args);
    switch (args[0]) {
      case "run" ->
          run(
              new File(opts.getOrDefault("home", "var/hbase")).getAbsoluteFile(),
              port(opts.getOrDefault("zookeeper-port", Integer.toString(DEFAULT_ZOOKEEPER_PORT))));
      case "ping" ->
          System.exit(
              ping(
                      opts.getOrDefault("zookeeper", "localhost:" + DEFAULT_ZOOKEEPER_PORT),
                      Integer.parseInt(opts.getOrDefault("timeout-seconds", "10")))
                  ? 0
                  : 1);
      case "shutdown" -> {
        try (Connection c =
                ConnectionFactory.createConnection(
                    clientConf(
                        opts.getOrDefault("zookeeper", "localhost:" + DEFAULT_ZOOKEEPER_PORT),
                        10));
            Admin admin = c.getAdmin()) {
          admin.shutdown();
        }
      }
      default -> usage("unknown command '" + args[0] + "'");
    }
  }

  /** The -D options the master starts with (standalone, loopback, no web UIs). */
  static List<String> masterSettings(File home, int zookeeperPort) {
    Map<String, String> s = new TreeMap<>();
    s.put(HConstants.CLUSTER_DISTRIBUTED, "false");
    s.put(HConstants.HBASE_DIR, new File(home, "data").toURI().toString());
    s.put("hbase.tmp.dir", new File(home, "tmp").getPath());
    s.put(HConstants.ZOOKEEPER_DATA_DIR, new File(home, "zookeeper").getPath());
    s.put(HConstants.ZOOKEEPER_QUORUM, "localhost");
    s.put(HConstants.ZOOKEEPER_CLIENT_PORT, Integer.toString(zookeeperPort));
    // The local file system has no hflush/hsync capability; standalone mode accepts that.
    s.put("hbase.unsafe.stream.capability.enforce", "false");
    s.put("hbase.master.info.port", "-1");
    s.put("hbase.regionserver.info.port", "-1");
    s.put("hbase.master.ipc.address", "127.0.0.1");
    s.put("hbase.regionserver.ipc.address", "127.0.0.1");
    s.put("hbase.master.hostname", "localhost");
    s.put("hbase.unsafe.regionserver.hostname", "localhost");
    // Clients find master and region server through ZooKeeper: free RPC ports avoid clashes.
    s.put("hbase.localcluster.assign.random.ports", "true");
    // Every region sums area queries where their rows are (the service's hbase.regionSums).
    s.put(CoprocessorHost.REGION_COPROCESSOR_CONF_KEY, AreaSumsEndpoint.class.getName());
    List<String> out = new ArrayList<>();
    s.forEach(
        (k, v) -> {
          out.add("-D");
          out.add(k + "=" + v);
        });
    return out;
  }

  private static void run(File home, int zookeeperPort) throws Exception {
    if (!home.isDirectory() && !home.mkdirs()) {
      throw new IOException("cannot create the HBase home " + home);
    }
    List<String> args = masterSettings(home, zookeeperPort);
    args.add("start");
    System.out.println(
        "starting standalone HBase: data " + home + "/data, ZooKeeper localhost:" + zookeeperPort);
    HMaster.main(args.toArray(new String[0]));
  }

  static Configuration clientConf(String zookeeper, int timeoutSeconds) {
    int colon = zookeeper.lastIndexOf(':');
    if (colon <= 0) {
      usage("--zookeeper must be host:port, got '" + zookeeper + "'");
    }
    Configuration conf = HBaseConfiguration.create();
    conf.set(HConstants.ZOOKEEPER_QUORUM, zookeeper.substring(0, colon));
    conf.set(
        HConstants.ZOOKEEPER_CLIENT_PORT, Integer.toString(port(zookeeper.substring(colon + 1))));
    conf.setInt(HConstants.HBASE_CLIENT_RETRIES_NUMBER, 2);
    conf.setInt("zookeeper.recovery.retry", 1);
    conf.setInt("zookeeper.session.timeout", timeoutSeconds * 1000);
    conf.setLong(HConstants.HBASE_CLIENT_OPERATION_TIMEOUT, timeoutSeconds * 1000L);
    conf.setLong(HConstants.HBASE_RPC_TIMEOUT_KEY, timeoutSeconds * 1000L);
    return conf;
  }

  private static boolean ping(String zookeeper, int timeoutSeconds) {
    try (Connection c = ConnectionFactory.createConnection(clientConf(zookeeper, timeoutSeconds));
        Admin admin = c.getAdmin()) {
      int servers = admin.getClusterMetrics().getLiveServerMetrics().size();
      if (servers == 0 || !admin.tableExists(TableName.META_TABLE_NAME)) {
        System.out.println(
            "HBase at " + zookeeper + " is starting (live region servers: " + servers + ")");
        return false;
      }
      List<String> tables = new ArrayList<>();
      for (TableName t : admin.listTableNames()) {
        tables.add(t.getNameAsString());
      }
      System.out.println(
          "HBase at " + zookeeper + " is up: " + servers + " region server(s), tables " + tables);
      return true;
    } catch (IOException | RuntimeException e) {
      System.out.println(
          "HBase at " + zookeeper + " is not answering: " + e.getClass().getSimpleName());
      return false;
    }
  }

  private static int port(String value) {
    try {
      int p = Integer.parseInt(value);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    usage("the ZooKeeper port must be 1..65535, got '" + value + "'");
    return -1;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("options are --name value pairs, got '" + args[i] + "'");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  private static void usage(String problem) {
    System.err.println("LocalHBase: " + problem);
    System.err.println(
        "usage: LocalHBase run [--home DIR] [--zookeeper-port N]"
            + " | ping [--zookeeper HOST:PORT] [--timeout-seconds N] | shutdown [--zookeeper HOST:PORT]");
    System.exit(2);
  }
}
