package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Every error body: {@code {"code": N, "message": "..."}}, never a stack trace.
 *
 * @param code the HTTP status
 * @param message what went wrong, for the caller
 */
@JsonPropertyOrder({"code", "message"})
public record ApiError(@JsonProperty("code") int code, @JsonProperty("message") String message) {}
