package nl.datapoints.etl.common;

import org.apache.hadoop.conf.Configuration;

/** Reading a job's own settings back in its tasks (pure over a {@link Configuration}). */
public final class JobConf {
  private JobConf() {}

  /**
   * The trimmed value of {@code key}.
   *
   * @param whenMissing the end of the message when the key is unset or empty, after the key's name
   *     (how the job should have been built)
   * @throws IllegalArgumentException when the key is unset or empty
   */
  public static String required(Configuration conf, String key, String whenMissing) {
    String v = conf.getTrimmed(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(key + whenMissing);
    }
    return v;
  }
}
