package nl.datapoints.serving.resources;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (requests it refuses before the application sees them: ambiguous
 * encoded slashes, encoded NUL, a URI over the header size) in the API's error shape {@code
 * {"code": N, "message": "..."}}. The message is the status' reason phrase only, so no part of the
 * hostile input and no exception text is echoed.
 */
public final class JsonErrorHandler extends ErrorHandler {
  static byte[] body(int code) {
    String reason = HttpStatus.getMessage(code);
    return ("{\"code\":"
            + code
            + ",\"message\":\""
            + (reason == null ? "error" : reason).replace("\"", "'")
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    return ByteBuffer.wrap(body(status));
  }
}
