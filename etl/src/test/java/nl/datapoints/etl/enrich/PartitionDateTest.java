package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartitionDateTest {
  @Test
  void readsDateFromParentDirectory() {
    assertEquals(
        LocalDate.parse("2013-01-08"),
        PartitionDate.ofFile("hdfs://nn:8020/raw/dt=2013-01-08/part-0.tsv.gz"));
  }

  @Test
  void rejectsFileOutsideAPartitionNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PartitionDate.ofFile("/raw/2013-01-08/x.tsv"));
    assertTrue(e.getMessage().contains("/raw/2013-01-08/x.tsv"), e.getMessage());
  }

  @Test
  void rejectsImpossibleDate() {
    assertThrows(
        IllegalArgumentException.class, () -> PartitionDate.ofFile("/raw/dt=2013-02-30/x.tsv"));
  }
}
