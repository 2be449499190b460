package nl.datapoints.etl.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.serializer.Deserializer;
import org.apache.hadoop.io.serializer.Serialization;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.io.serializer.WritableSerialization;

/**
 * Lets MRUnit copy the generated Avro records it is given as map input. Hadoop's own
 * AvroSpecificSerialization does not flush its buffered encoder under Avro 1.11, so MRUnit's copy
 * reads an empty stream. Test-only.
 */
public final class AvroTestSerialization implements Serialization<SpecificRecord> {
  /** Puts this serialization (and Writables) on {@code conf}'s io.serializations. */
  static void register(Configuration conf) {
    conf.setStrings(
        "io.serializations",
        WritableSerialization.class.getName(),
        AvroTestSerialization.class.getName());
  }

  @Override
  public boolean accept(Class<?> c) {
    return SpecificRecord.class.isAssignableFrom(c);
  }

  @Override
  public Serializer<SpecificRecord> getSerializer(Class<SpecificRecord> c) {
    return new Serializer<>() {
      private OutputStream out;
      private BinaryEncoder encoder;

      @Override
      public void open(OutputStream out) {
        this.out = out;
        this.encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      }

      @Override
      public void serialize(SpecificRecord r) throws IOException {
        new SpecificDatumWriter<SpecificRecord>(r.getSchema(), AggregateDataSupplier.model())
            .write(r, encoder);
        encoder.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public Deserializer<SpecificRecord> getDeserializer(Class<SpecificRecord> c) {
    return new Deserializer<>() {
      private InputStream in;
      private BinaryDecoder decoder;

      @Override
      public void open(InputStream in) {
        this.in = in;
        this.decoder = DecoderFactory.get().directBinaryDecoder(in, null);
      }

      @Override
      public SpecificRecord deserialize(SpecificRecord reuse) throws IOException {
        org.apache.avro.Schema schema = AggregateDataSupplier.model().getSchema(c);
        return new SpecificDatumReader<SpecificRecord>(
                schema, schema, AggregateDataSupplier.model())
            .read(null, decoder);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
