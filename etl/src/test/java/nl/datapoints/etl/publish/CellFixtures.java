package nl.datapoints.etl.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.PackedCell;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/** Writes small aggregate Parquet fixtures and predicts the rows they publish to. */
final class CellFixtures {
  private CellFixtures() {}

  static Cell cell(
      LocalDate date, int hour, int pc4, int activity, String sbi, long hits, Long delta) {
    return new Cell(date, hour, pc4, activity, sbi, hits, delta);
  }

  /** Writes {@code cells} to {@code <warehouse>/aggregates/dt=D/<file>}. */
  static void write(Path warehouse, LocalDate date, String file, List<Cell> cells)
      throws IOException {
    Path dir = warehouse.resolve("aggregates").resolve("dt=" + date);
    java.nio.file.Files.createDirectories(dir);
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(dir.resolve(file).toUri());
    try (ParquetWriter<Cell> w =
        AvroParquetWriter.<Cell>builder(out)
            .withSchema(Cell.getClassSchema())
            .withDataModel(org.apache.avro.specific.SpecificData.getForClass(Cell.class))
            .withConf(new Configuration())
            .build()) {
      for (Cell c : cells) {
        w.write(c);
      }
    }
  }

  /** The packed cells per pc4 that {@code cells} should become. */
  static Map<Integer, List<PackedCell>> byPc4(List<Cell> cells) {
    Map<Integer, List<PackedCell>> out = new TreeMap<>();
    for (Cell c : cells) {
      out.computeIfAbsent(c.getPc4(), k -> new ArrayList<>())
          .add(new PackedCell(c.getHour(), c.getActivity(), c.getSbi(), c.getHits(), c.getDelta()));
    }
    return out;
  }
}
