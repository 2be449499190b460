package nl.datapoints.serving.core;

/** The serving store (HBase) could not be reached in time: HTTP 503. */
public final class StoreUnavailableException extends RuntimeException {
  /** Says what was being done; the cause is logged, never shown to callers. */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
