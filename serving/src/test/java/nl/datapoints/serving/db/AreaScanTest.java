package nl.datapoints.serving.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.datapoints.serving.db.AreaScan.Run;
import org.junit.jupiter.api.Test;

class AreaScanTest {
  @Test
  void consecutivePostcodesFormOneRun() {
    assertEquals(List.of(new Run(1011, 1014)), AreaScan.runs(new int[] {1011, 1012, 1013, 1014}));
  }

  @Test
  void gapsStartNewRunsAndSinglesAreRunsOfOne() {
    assertEquals(
        List.of(new Run(1011, 1012), new Run(1015, 1015), new Run(1017, 1019)),
        AreaScan.runs(new int[] {1011, 1012, 1015, 1017, 1018, 1019}));
  }

  @Test
  void oneOrNoPostcode() {
    assertEquals(List.of(new Run(1012, 1012)), AreaScan.runs(new int[] {1012}));
    assertEquals(List.of(), AreaScan.runs(new int[] {}));
  }
}
