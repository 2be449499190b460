package nl.datapoints.etl.cli;

/** A mistake in the command line: the driver prints the message and the usage, exit status 2. */
public final class UsageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
