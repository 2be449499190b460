package nl.datapoints.endpoint.hbase;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.nio.ByteBuffer;

/**
 * The endpoint's protobuf service, {@code datapoints.AreaSums} with one method {@code Sum}: the
 * request and the response each carry one {@code bytes payload = 1} ({@link
 * nl.datapoints.endpoint.SumsRequest} and {@link nl.datapoints.endpoint.AreaSums#toBytes}). The
 * descriptors are built here at class load ({@link DynamicMessage}), so the build needs no protoc
 * and the same source serves the region server's protobuf and, relocated, a shaded client's.
 */
public final class AreaSumsProtocol {
  /** The service's full name, the one HBase looks the endpoint up by. */
  public static final String SERVICE_NAME = "datapoints.AreaSums";

  /** The service. */
  public static final Descriptors.ServiceDescriptor SERVICE;

  /** Its one method. */
  public static final Descriptors.MethodDescriptor SUM;

  private static final Descriptors.Descriptor REQUEST;
  private static final Descriptors.Descriptor RESPONSE;

  static {
    FieldDescriptorProto payload =
        FieldDescriptorProto.newBuilder()
            .setName("payload")
            .setNumber(1)
            .setType(FieldDescriptorProto.Type.TYPE_BYTES)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("datapoints/area_sums.proto")
            .setPackage("datapoints")
            .addMessageType(DescriptorProto.newBuilder().setName("SumRequest").addField(payload))
            .addMessageType(DescriptorProto.newBuilder().setName("SumResponse").addField(payload))
            .addService(
                ServiceDescriptorProto.newBuilder()
                    .setName("AreaSums")
                    .addMethod(
                        MethodDescriptorProto.newBuilder()
                            .setName("Sum")
                            .setInputType(".datapoints.SumRequest")
                            .setOutputType(".datapoints.SumResponse")))
            .build();
    try {
      Descriptors.FileDescriptor fd =
          Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]);
      SERVICE = fd.findServiceByName("AreaSums");
      SUM = SERVICE.findMethodByName("Sum");
      REQUEST = fd.findMessageTypeByName("SumRequest");
      RESPONSE = fd.findMessageTypeByName("SumResponse");
    } catch (Descriptors.DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private AreaSumsProtocol() {}

  /** A request carrying {@code payload}. */
  public static Message request(byte[] payload) {
    return message(REQUEST, payload);
  }

  /** A response carrying {@code payload}. */
  public static Message response(byte[] payload) {
    return message(RESPONSE, payload);
  }

  /** The empty request, the prototype requests are parsed with. */
  public static Message requestPrototype() {
    return DynamicMessage.getDefaultInstance(REQUEST);
  }

  /** The empty response, the prototype responses are parsed with. */
  public static Message responsePrototype() {
    return DynamicMessage.getDefaultInstance(RESPONSE);
  }

  /** The payload of a request or response (empty when it has none). */
  public static byte[] payload(Message message) {
    Descriptors.FieldDescriptor f = message.getDescriptorForType().findFieldByNumber(1);
    return f == null ? new byte[0] : ((ByteString) message.getField(f)).toByteArray();
  }

  /** The payload of a request or response as a read-only view (no copy; empty when it has none). */
  public static ByteBuffer payloadBuffer(Message message) {
    Descriptors.FieldDescriptor f = message.getDescriptorForType().findFieldByNumber(1);
    return f == null
        ? ByteBuffer.allocate(0)
        : ((ByteString) message.getField(f)).asReadOnlyByteBuffer();
  }

  private static Message message(Descriptors.Descriptor type, byte[] payload) {
    return DynamicMessage.newBuilder(type)
        .setField(type.findFieldByNumber(1), ByteString.copyFrom(payload))
        .build();
  }
}
