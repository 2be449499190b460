package nl.datapoints.etl.aggregate;

import nl.datapoints.schemas.AnonymizedEvent;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.parquet.avro.AvroDataSupplier;

/**
 * The Avro data model Parquet reads and writes {@code AnonymizedEvent} and {@code Cell} with: the
 * generated specific classes plus the {@code date} logical type as {@link java.time.LocalDate}.
 * Instantiated by parquet-avro in the tasks (and by tests writing fixtures).
 */
public final class AggregateDataSupplier implements AvroDataSupplier {
  private static final SpecificData MODEL = newModel();

  private static SpecificData newModel() {
    SpecificData model = new SpecificData(AnonymizedEvent.class.getClassLoader());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    return model;
  }

  /** The shared, thread-safe model. */
  public static SpecificData model() {
    return MODEL;
  }

  @Override
  public GenericData get() {
    return MODEL;
  }
}
