package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/**
 * Golden files written by version 1 of the schemas: the current generated classes must still read
 * them. Regenerate only on purpose: {@code GoldenFiles.main(new String[] {dir})}.
 */
class AvroSchemaGoldenTest {
  static final LocalDate DAY = LocalDate.of(2013, 1, 8);

  static List<Cell> goldenCells() {
    return List.of(
        new Cell(DAY, 13, 1017, 1, "4711", 42L, 40L),
        new Cell(DAY, 0, 9711, 65535, "56", 0L, 7L),
        new Cell(DAY.plusDays(7), 23, 1000, 2, "93112", 5L, null));
  }

  static List<AnonymizedEvent> goldenEvents() {
    byte[] key = new byte[16];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 17);
    }
    return List.of(
        new AnonymizedEvent(DAY, 2, 1017, 3, "4711", new UserKey(key)),
        new AnonymizedEvent(DAY, 23, 9999, 1, "56", new UserKey(new byte[16])));
  }

  static List<ReleasedValue> goldenReleased() {
    return List.of(
        new ReleasedValue(
            DAY, 1017, Level.TOTAL, null, null, null, true, 1234L, 28.57, 1100L, 28.57),
        new ReleasedValue(DAY, 1017, Level.HOUR, 13, null, null, true, -3L, 40.0, null, null),
        new ReleasedValue(DAY, 1017, Level.SBI, null, null, "4711", true, 310L, 50.0, 0L, 0.0),
        new ReleasedValue(DAY, 9711, Level.CELL, 18, 65535, "93112", false, 0L, 0.0, 220L, 100.0));
  }

  @Test
  void readsReleasedValuesWrittenByVersionOne() throws IOException {
    List<ReleasedValue> read = read("/golden/released-value-v1.avro", ReleasedValue.class);
    assertEquals(goldenReleased(), read);
    assertNull(read.get(1).getDelta());
    assertCompatible(ReleasedValue.getClassSchema(), "/golden/ReleasedValue-v1.avsc");
  }

  @Test
  void readsCellsWrittenByVersionOne() throws IOException {
    List<Cell> read = read("/golden/cell-v1.avro", Cell.class);
    assertEquals(goldenCells(), read);
    assertNull(read.get(2).getDelta());
  }

  @Test
  void readsEventsWrittenByVersionOne() throws IOException {
    assertEquals(goldenEvents(), read("/golden/anonymized-event-v1.avro", AnonymizedEvent.class));
  }

  @Test
  void currentSchemasCanReadVersionOneSchemas() throws IOException {
    assertCompatible(Cell.getClassSchema(), "/golden/Cell-v1.avsc");
    assertCompatible(AnonymizedEvent.getClassSchema(), "/golden/AnonymizedEvent-v1.avsc");
  }

  private static void assertCompatible(Schema reader, String writerResource) throws IOException {
    Schema writer;
    try (InputStream in = AvroSchemaGoldenTest.class.getResourceAsStream(writerResource)) {
      writer = new Schema.Parser().parse(in);
    }
    SchemaCompatibility.SchemaPairCompatibility c =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertEquals(SchemaCompatibilityType.COMPATIBLE, c.getType(), c.getDescription());
  }

  private static <T extends SpecificRecordBase> List<T> read(String resource, Class<T> type)
      throws IOException {
    byte[] bytes;
    try (InputStream in = AvroSchemaGoldenTest.class.getResourceAsStream(resource)) {
      bytes = in.readAllBytes();
    }
    List<T> out = new ArrayList<>();
    try (DataFileReader<T> r =
        new DataFileReader<>(new SeekableByteArrayInput(bytes), new SpecificDatumReader<>(type))) {
      r.forEach(out::add);
    }
    return out;
  }

  /** Writes the golden files; run by hand when a new version is pinned on purpose. */
  static final class GoldenFiles {
    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      write(dir.resolve("cell-v1.avro").toFile(), Cell.getClassSchema(), goldenCells());
      write(
          dir.resolve("anonymized-event-v1.avro").toFile(),
          AnonymizedEvent.getClassSchema(),
          goldenEvents());
      Files.writeString(dir.resolve("Cell-v1.avsc"), Cell.getClassSchema().toString(true));
      write(
          dir.resolve("released-value-v1.avro").toFile(),
          ReleasedValue.getClassSchema(),
          goldenReleased());
      Files.writeString(
          dir.resolve("ReleasedValue-v1.avsc"), ReleasedValue.getClassSchema().toString(true));
      Files.writeString(
          dir.resolve("AnonymizedEvent-v1.avsc"), AnonymizedEvent.getClassSchema().toString(true));
      Files.write(dir.resolve("generations-v1.bin"), Generation.listToBytes(GenerationTest.GOLDEN));
      Files.write(
          dir.resolve("generations-v2.bin"), Generation.listToBytes(GenerationTest.GOLDEN_PRIVATE));
      Files.write(
          dir.resolve("release-block-v3.bin"), ReleaseBlock.encode(true, ReleaseBlockTest.GOLDEN));
    }

    private static <T extends SpecificRecordBase> void write(File f, Schema schema, List<T> rows)
        throws IOException {
      try (DataFileWriter<T> w = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
        w.create(schema, f);
        for (T row : rows) {
          w.append(row);
        }
      }
    }
  }
}
