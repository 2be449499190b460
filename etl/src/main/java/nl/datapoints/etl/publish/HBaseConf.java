package nl.datapoints.etl.publish;

import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;

/**
 * Builds the HBase client configuration (driver): hbase-site.xml from the classpath, then {@code
 * --zookeeper}.
 */
public final class HBaseConf {
  private HBaseConf() {}

  /**
   * {@code HBaseConfiguration.create(conf)} (picks up {@code hbase-site.xml} from the classpath or
   * {@code HBASE_CONF_DIR}) with {@code zookeeper} ({@code host:port}) overriding the quorum and
   * port.
   */
  public static Configuration create(Configuration conf, Optional<String> zookeeper) {
    Configuration out = HBaseConfiguration.create(conf);
    zookeeper.ifPresent(
        hostPort -> {
          PublishConfig.checkZookeeper(hostPort);
          int colon = hostPort.lastIndexOf(':');
          out.set(HConstants.ZOOKEEPER_QUORUM, hostPort.substring(0, colon));
          out.set(HConstants.ZOOKEEPER_CLIENT_PORT, hostPort.substring(colon + 1));
        });
    return out;
  }
}
