package nl.datapoints.etl.publish;

import nl.datapoints.schemas.Cell;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroDataSupplier;

/**
 * Avro data model for reading {@link Cell} Parquet in map tasks: the generated class's own model,
 * which carries the date conversion (parquet-avro's SpecificDataSupplier has none, so the {@code
 * date} column would arrive as an Integer where Cell expects a LocalDate).
 */
public class CellDataSupplier implements AvroDataSupplier {
  @Override
  public GenericData get() {
    return SpecificData.getForClass(Cell.class);
  }
}
