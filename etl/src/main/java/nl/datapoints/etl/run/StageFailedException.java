package nl.datapoints.etl.run;

/** A stage of a run failed for a reason the operator must act on; the driver exits with 1. */
public final class StageFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StageFailedException(String message) {
    super(message);
  }

  public StageFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
