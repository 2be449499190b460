package nl.datapoints.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads what the accuracy bench needs from a local warehouse (docs/formats.md §4): the dates of
 * {@code events/}, the events and the k-suppressed cells of some dates as {@link DaySums}, and the
 * share of events the contribution bounds kept per date (the run reports' {@code bounding}). Only
 * the columns needed are read (hour, pc4, sbi and for cells hits), never {@code user_key}.
 */
final class WarehouseReader {
  private static final Schema EVENT =
      SchemaBuilder.record("AnonymizedEvent")
          .namespace("nl.datapoints.schemas")
          .fields()
          .requiredInt("hour")
          .requiredInt("pc4")
          .requiredString("sbi")
          .endRecord();
  private static final Schema CELL =
      SchemaBuilder.record("Cell")
          .namespace("nl.datapoints.schemas")
          .fields()
          .requiredInt("hour")
          .requiredInt("pc4")
          .requiredString("sbi")
          .requiredLong("hits")
          .endRecord();

  private final File warehouse;

  WarehouseReader(File warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * The dates of {@code events/dt=*}, ascending.
   *
   * @throws IllegalArgumentException when there is none
   */
  List<LocalDate> eventDates() {
    File events = new File(warehouse, "events");
    File[] parts = events.listFiles(f -> f.isDirectory() && f.getName().startsWith("dt="));
    if (parts == null || parts.length == 0) {
      throw new IllegalArgumentException("--warehouse: no events/dt=* partitions in " + warehouse);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (File p : parts) {
      try {
        dates.add(LocalDate.parse(p.getName().substring(3)));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--warehouse: not a date partition: " + p, e);
      }
    }
    dates.sort(null);
    return dates;
  }

  /** One hit per event of {@code dates}, from {@code events/}. */
  DaySums events(List<LocalDate> dates) throws IOException {
    DaySums sums = new DaySums(dates);
    for (LocalDate d : dates) {
      read("events", d, EVENT, sums, r -> 1L);
    }
    return sums;
  }

  /** The hits of the k-suppressed cells of {@code dates}, from {@code aggregates/}. */
  DaySums aggregates(List<LocalDate> dates) throws IOException {
    DaySums sums = new DaySums(dates);
    for (LocalDate d : dates) {
      read("aggregates", d, CELL, sums, r -> (Long) r.get(3));
    }
    return sums;
  }

  /**
   * Per date, the share of the events that the contribution bounds kept ({@code
   * reports/dt=D/latest.json}: events_kept ÷ (events_kept + events_dropped)); 1 when the report has
   * no bounding figures.
   */
  double[] keptShare(List<LocalDate> dates) throws IOException {
    ObjectMapper json = new ObjectMapper();
    double[] out = new double[dates.size()];
    for (int i = 0; i < out.length; i++) {
      File f =
          new File(new File(new File(warehouse, "reports"), "dt=" + dates.get(i)), "latest.json");
      if (!f.isFile()) {
        throw new IllegalArgumentException("--warehouse: no run report " + f);
      }
      JsonNode b = json.readTree(f).get("bounding");
      long kept = b == null || b.isNull() ? 0 : b.path("events_kept").asLong();
      long dropped = b == null || b.isNull() ? 0 : b.path("events_dropped").asLong();
      out[i] = kept + dropped == 0 ? 1.0 : (double) kept / (kept + dropped);
    }
    return out;
  }

  private interface Hits {
    long of(GenericRecord r);
  }

  private void read(String zone, LocalDate date, Schema projection, DaySums sums, Hits hits)
      throws IOException {
    File dir = new File(new File(warehouse, zone), "dt=" + date);
    File[] parts = dir.listFiles(f -> f.getName().endsWith(".parquet"));
    if (parts == null) {
      throw new IllegalArgumentException("--warehouse: no partition " + dir);
    }
    Arrays.sort(parts);
    Configuration conf = new Configuration();
    AvroReadSupport.setRequestedProjection(conf, projection);
    AvroReadSupport.setAvroReadSchema(conf, projection);
    int dateIndex = sums.dateIndex(date);
    // Parquet hands each string as a fresh Utf8: map the bytes to the SBI index without a String.
    Map<Utf8, Integer> sbiIndex = new HashMap<>();
    for (File part : parts) {
      try (ParquetReader<GenericRecord> r =
          AvroParquetReader.<GenericRecord>builder(
                  HadoopInputFile.fromPath(new Path(part.toURI()), conf))
              .withDataModel(GenericData.get())
              .build()) {
        for (GenericRecord rec; (rec = r.read()) != null; ) {
          Utf8 sbi = (Utf8) rec.get(2);
          Integer s = sbiIndex.get(sbi);
          if (s == null) {
            s = sums.sbiIndex(sbi.toString());
            sbiIndex.put(new Utf8(sbi), s);
          }
          sums.add(dateIndex, (Integer) rec.get(1), (Integer) rec.get(0), s, hits.of(rec));
        }
      } catch (UncheckedIOException e) {
        throw new IOException("reading " + part, e);
      }
    }
  }
}
