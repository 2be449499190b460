package nl.datapoints.serving.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.datapoints.schemas.reference.ReferenceCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service refuses at start-up, with the pipeline's own message and no stack trace, a {@code
 * postcodes.csv} the pipeline would refuse: both read it with {@link ReferenceCsv}. The real
 * service runs in its own JVM, as {@code scripts/serve} starts it; it never gets as far as HBase
 * (the ZooKeeper it is given does not exist).
 */
class ReferenceRulesIT {
  private static final String DUPLICATE =
      "pc4,lat,lon,name\n1012,52.37,4.89,Centrum\n1012,52.36,4.88,Again\n";

  private static String pipelineMessage(String csv, Path file) {
    try {
      ReferenceCsv.postcodes(file.toString(), new StringReader(csv));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the pipeline's rules accept " + csv);
  }

  @Test
  void refusesAGazetteerThePipelineRefusesWithItsMessage(@TempDir Path dir) throws Exception {
    Path ref = Files.createDirectories(dir.resolve("ref"));
    Path postcodes = ref.resolve("postcodes.csv");
    Files.writeString(postcodes, DUPLICATE);
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n");
    String expected = pipelineMessage(DUPLICATE, postcodes);
    assertEquals(postcodes + " line 3: duplicate pc4 1012", expected);

    Path log = dir.resolve("service.log");
    int exit =
        ServiceProcess.runToExit(
            log,
            Map.of(
                "referenceDir",
                ref.toString(),
                "hbase.zookeeper",
                "127.0.0.1:1",
                "warmup.enabled",
                "false"),
            Duration.ofSeconds(90));
    String out = Files.readString(log);
    assertTrue(exit != 0, "the service must not start: exit " + exit + "\n" + out);
    assertTrue(out.contains("datapoints: cannot start: " + expected), out);
    assertFalse(out.contains("\tat "), "no stack trace:\n" + out);
  }
}
