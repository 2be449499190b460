package nl.datapoints.serving.db;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * The {@code hbase:} block of the configuration: where the store is and how long to wait.
 *
 * <p>Client timeouts are kept short (one retry, sub-second RPCs, fast ZooKeeper give-up) so an
 * outage is noticed inside {@link #getDeadline()}, the hard bound on every HBase call.
 */
public final class HBaseFactory {
  /** Threads of the HBase client's meta lookup pool (see {@link #clientConfiguration()}). */
  public static final int META_LOOKUP_THREADS = 16;

  @NotEmpty
  @Pattern(
      regexp = "[^,:\\s]+:[0-9]{1,5}(,[^,:\\s]+:[0-9]{1,5})*",
      message = "must be host:port[,host:port...] (ZooKeeper quorum)")
  private String zookeeper = "localhost:2181";

  @NotEmpty private String table = "datapoints";

  /** Hard bound on every HBase call, so an outage answers 503 within 2 s. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
  private Duration deadline = Duration.milliseconds(1500);

  /** How often the pointer row is re-read, so publish and rollback show without restart. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  private Duration pointerRefresh = Duration.seconds(2);

  /**
   * Scans per area query: its dates are split into this many contiguous groups, one scan each, run
   * in parallel. One scan is the least work per query (docs/benchmarks-query.md); more can lower
   * one client's latency on idle cores.
   */
  @Min(1)
  @Max(16)
  private int scansPerQuery = 1;

  /**
   * Whether queries are summed next to the data, by the {@code datapoints.AreaSums} endpoint of the
   * regions (docs/api.md); without it on the region servers the service scans rows, as with false.
   */
  private boolean regionSums = true;

  /** Extra HBase client settings ({@code hbase-site.xml} keys), applied last. */
  @NotNull private Map<String, String> properties = new LinkedHashMap<>();

  @JsonProperty
  public String getZookeeper() {
    return zookeeper;
  }

  @JsonProperty
  public void setZookeeper(String zookeeper) {
    this.zookeeper = zookeeper;
  }

  @JsonProperty
  public String getTable() {
    return table;
  }

  @JsonProperty
  public void setTable(String table) {
    this.table = table;
  }

  @JsonProperty
  public Duration getDeadline() {
    return deadline;
  }

  @JsonProperty
  public void setDeadline(Duration deadline) {
    this.deadline = deadline;
  }

  @JsonProperty
  public Duration getPointerRefresh() {
    return pointerRefresh;
  }

  @JsonProperty
  public void setPointerRefresh(Duration pointerRefresh) {
    this.pointerRefresh = pointerRefresh;
  }

  @JsonProperty
  public int getScansPerQuery() {
    return scansPerQuery;
  }

  @JsonProperty
  public void setScansPerQuery(int scansPerQuery) {
    this.scansPerQuery = scansPerQuery;
  }

  @JsonProperty
  public boolean isRegionSums() {
    return regionSums;
  }

  @JsonProperty
  public void setRegionSums(boolean regionSums) {
    this.regionSums = regionSums;
  }

  @JsonProperty
  public Map<String, String> getProperties() {
    return properties;
  }

  @JsonProperty
  public void setProperties(Map<String, String> properties) {
    this.properties = properties;
  }

  /** The HBase client configuration: quorum, short timeouts, then {@link #getProperties()}. */
  public Configuration clientConfiguration() {
    Configuration conf = HBaseConfiguration.create();
    StringBuilder hosts = new StringBuilder();
    String port = null;
    boolean onePort = true;
    for (String hp : zookeeper.split(",")) {
      int colon = hp.lastIndexOf(':');
      hosts.append(hosts.length() == 0 ? "" : ",").append(hp, 0, colon);
      String p = hp.substring(colon + 1);
      onePort &= port == null || port.equals(p);
      port = p;
    }
    if (onePort) {
      conf.set("hbase.zookeeper.quorum", hosts.toString());
      conf.set("hbase.zookeeper.property.clientPort", port);
    } else {
      conf.set("hbase.zookeeper.quorum", zookeeper);
    }
    long ms = deadline.toMilliseconds();
    conf.setInt("hbase.client.retries.number", 2);
    conf.setLong("hbase.client.pause", 50);
    conf.setLong("hbase.rpc.timeout", Math.max(100, ms * 2 / 3));
    conf.setLong("hbase.rpc.read.timeout", Math.max(100, ms * 2 / 3));
    conf.setLong("hbase.rpc.write.timeout", Math.max(100, ms * 2 / 3));
    conf.setLong("hbase.client.operation.timeout", ms);
    conf.setLong("hbase.client.meta.operation.timeout", ms);
    conf.setLong("hbase.client.scanner.timeout.period", Math.max(ms, 1000));
    conf.setInt("hbase.ipc.client.connect.max.retries", 0);
    conf.setInt("zookeeper.session.timeout", 3000);
    conf.setInt("zookeeper.recovery.retry", 1);
    conf.setInt("zookeeper.recovery.retry.intervalmill", 100);
    conf.setInt("hbase.zookeeper.recoverable.waittime", (int) Math.max(500, ms));
    // The client's meta lookup pool (default 128 threads, each one created on demand and kept
    // 60 s) only fills when regions move or a region server is gone: then every query relocates
    // and one more thread is made per lookup, so an outage grew the service by ~65 threads in
    // 12 s (docs/reliability.md). A few lookups at once are plenty; more wait their turn.
    conf.setInt("hbase.hconnection.meta.lookup.threads.max", META_LOOKUP_THREADS);
    for (Map.Entry<String, String> e : properties.entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    return conf;
  }

  /**
   * The store; register it with the lifecycle so it starts refreshing and closes cleanly.
   *
   * @param knownPc4s every postcode4 of the gazetteer: a query's key ranges run across numbers that
   *     are none of them (no rows), so an area needs fewer ranges
   */
  public HBaseCellStore build(MetricRegistry metrics, int[] knownPc4s) {
    return new HBaseCellStore(
        clientConfiguration(),
        table,
        deadline.toMilliseconds(),
        pointerRefresh.toMilliseconds(),
        scansPerQuery,
        knownPc4s,
        regionSums,
        metrics);
  }
}
