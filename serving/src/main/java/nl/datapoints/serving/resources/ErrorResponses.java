package nl.datapoints.serving.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.datapoints.serving.api.ApiError;

/** Builds the JSON error responses every mapper and filter returns. */
final class ErrorResponses {
  private ErrorResponses() {}

  static Response of(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, message))
        .build();
  }
}
