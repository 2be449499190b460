package nl.datapoints.serving.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import nl.datapoints.serving.core.InvalidQueryException;
import nl.datapoints.serving.core.StoreUnavailableException;
import nl.datapoints.serving.core.UnknownPostcodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception mapper of the service: each answers {@code {"code", "message"}} and none ever
 * puts an exception's text from outside this service, or a stack trace, in a response.
 */
public final class ExceptionMappers {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

  private ExceptionMappers() {}

  /** All mappers, to register with Jersey (the app turns Dropwizard's defaults off). */
  public static List<Object> all() {
    return List.of(
        new InvalidQuery(),
        new UnknownPostcode(),
        new StoreUnavailable(),
        new WebApplication(),
        new JsonProcessing(),
        new Anything());
  }

  /** 400 with the parser's message (it names the parameter, the rule and the value). */
  public static final class InvalidQuery implements ExceptionMapper<InvalidQueryException> {
    @Override
    public Response toResponse(InvalidQueryException e) {
      return ErrorResponses.of(400, e.getMessage());
    }
  }

  /** 404 for a well-formed postcode the gazetteer does not know. */
  public static final class UnknownPostcode implements ExceptionMapper<UnknownPostcodeException> {
    @Override
    public Response toResponse(UnknownPostcodeException e) {
      return ErrorResponses.of(404, e.getMessage());
    }
  }

  /** 503 when HBase cannot be reached; the cause is logged, not shown. */
  public static final class StoreUnavailable implements ExceptionMapper<StoreUnavailableException> {
    @Override
    public Response toResponse(StoreUnavailableException e) {
      LOG.warn("serving store unavailable: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
      return ErrorResponses.of(503, "the data store is unavailable, try again shortly");
    }
  }

  /** Jersey's own errors (404 unknown path, 405, 406, 415 …) with their status and reason only. */
  public static final class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response r = e.getResponse();
      int status = r == null ? 500 : r.getStatus();
      Response.StatusType type = Response.Status.fromStatusCode(status);
      String reason = type != null ? type.getReasonPhrase() : "HTTP " + status;
      if (status >= 500) {
        LOG.error("request failed with {}", status, e);
      }
      return ErrorResponses.of(status, reason);
    }
  }

  /** 400 for a request body that is not valid JSON; no parser detail is echoed. */
  public static final class JsonProcessing implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return ErrorResponses.of(400, "the request body is not valid JSON");
    }
  }

  /** 500 for anything else, logged with an id the caller can quote. */
  public static final class Anything implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      String id = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("unexpected error {}", id, e);
      return ErrorResponses.of(500, "internal error (id " + id + ")");
    }
  }
}
