package nl.datapoints.etl.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * One released value as Avro binary, the map output of the HFile job (tasks; not thread-safe, one
 * per task): the record's own encoding, so nothing of it is lost between map and reduce.
 */
final class ReleasedValueCodec {
  @SuppressWarnings("unchecked")
  private final DatumWriter<ReleasedValue> writer =
      (DatumWriter<ReleasedValue>)
          AggregateDataSupplier.model().createDatumWriter(ReleasedValue.getClassSchema());

  @SuppressWarnings("unchecked")
  private final DatumReader<ReleasedValue> reader =
      (DatumReader<ReleasedValue>)
          AggregateDataSupplier.model().createDatumReader(ReleasedValue.getClassSchema());

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  byte[] encode(ReleasedValue v) {
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    try {
      writer.write(v, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a released value", e);
    }
    return buffer.toByteArray();
  }

  ReleasedValue decode(byte[] bytes, int length) {
    decoder = DecoderFactory.get().binaryDecoder(bytes, 0, length, decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException("decoding a released value", e);
    }
  }
}
