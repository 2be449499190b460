package nl.datapoints.serving.core;

/** A malformed request parameter (postcode, date, radius, filter, too many dates): HTTP 400. */
public final class InvalidQueryException extends RuntimeException {
  /**
   * The message is shown to the caller, so it names the parameter, what is allowed and what was
   * given.
   */
  public InvalidQueryException(String message) {
    super(message, null, false, false);
  }
}
