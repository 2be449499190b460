package nl.datapoints.serving.core;

/** A well-formed postcode that the gazetteer does not know: HTTP 404. */
public final class UnknownPostcodeException extends RuntimeException {
  /** Names the postcode4 that was looked up. */
  public UnknownPostcodeException(int pc4) {
    super("postcode " + pc4 + " is not in the gazetteer", null, false, false);
  }
}
