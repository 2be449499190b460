package nl.datapoints.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
  private final YamlConfigurationFactory<DatapointsConfiguration> factory =
      new YamlConfigurationFactory<>(
          DatapointsConfiguration.class,
          Validators.newValidator(),
          Jackson.newObjectMapper(),
          "dw");

  @Test
  void shippedConfigBindsBothPortsToLoopbackAndHasTheSpecDefaults() throws Exception {
    DatapointsConfiguration c = factory.build(new File("config.yml"));
    DefaultServerFactory server = (DefaultServerFactory) c.getServerFactory();
    HttpConnectorFactory app = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
    HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
    assertEquals("127.0.0.1", app.getBindHost());
    assertEquals(8080, app.getPort());
    assertEquals("127.0.0.1", admin.getBindHost());
    assertEquals(8081, admin.getPort());
    assertEquals("localhost:2181", c.getHbase().getZookeeper());
    assertEquals("datapoints", c.getHbase().getTable());
    assertEquals("var/ref", c.getReferenceDir());
    assertTrue(c.getApiKeySha256().isEmpty());
    assertEquals(25.0, c.getMaxRadiusKm());
    assertEquals(31, c.getMaxDates());
    assertEquals(2, c.getFreshnessDays());
    assertTrue(c.getCache().isEnabled());
    assertTrue(c.getWarmup().isEnabled());
    assertEquals(20, c.getWarmup().getBudget().toSeconds());
    assertEquals(256, c.getWarmup().getQueries());
    assertEquals(0.5, c.getDashboard().getMaxMarginShare());
  }

  @Test
  void rejectsMalformedKeysAndQuorum(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(
        bad,
        "hbase: {zookeeper: 'localhost', table: t}\napiKeySha256: ['abc']\nmaxDates: 0\n"
            + "dashboard: {maxMarginShare: 0}\n");
    ConfigurationValidationException e =
        assertThrows(ConfigurationValidationException.class, () -> factory.build(bad.toFile()));
    String msg = e.getMessage();
    assertTrue(msg.contains("hbase.zookeeper"), msg);
    assertTrue(msg.contains("apiKeySha256"), msg);
    assertTrue(msg.contains("maxDates"), msg);
    assertTrue(msg.contains("dashboard.maxMarginShare"), msg);
  }

  @Test
  void clientConfigurationSplitsTheQuorumAndKeepsTimeoutsShort() throws Exception {
    DatapointsConfiguration c = factory.build(new File("config.yml"));
    c.getHbase().setZookeeper("zk1:2222,zk2:2222");
    Configuration conf = c.getHbase().clientConfiguration();
    assertEquals("zk1,zk2", conf.get("hbase.zookeeper.quorum"));
    assertEquals("2222", conf.get("hbase.zookeeper.property.clientPort"));
    assertTrue(conf.getLong("hbase.client.operation.timeout", 0) <= 1500);
    assertTrue(conf.getLong("hbase.rpc.timeout", 0) <= 1500);
    assertTrue(conf.getInt("hbase.client.retries.number", 99) <= 2);
    assertTrue(conf.getInt("zookeeper.recovery.retry", 99) <= 1);
    assertEquals(16, conf.getInt("hbase.hconnection.meta.lookup.threads.max", 128));
  }

  @Test
  void productionExampleValidatesWithKeysOnAndAdminOnLoopback() throws Exception {
    DatapointsConfiguration c = factory.build(new File("config-production.example.yml"));
    DefaultServerFactory server = (DefaultServerFactory) c.getServerFactory();
    HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
    assertEquals("127.0.0.1", admin.getBindHost());
    assertEquals(1, c.getApiKeySha256().size());
    assertTrue(c.getHbase().getZookeeper().split(",").length == 3, c.getHbase().getZookeeper());
  }
}
