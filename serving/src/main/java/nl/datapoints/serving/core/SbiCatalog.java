package nl.datapoints.serving.core;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** SBI industry codes and their labels, sorted by code. */
public final class SbiCatalog {
  private final Map<String, String> labels;

  /** Wraps a code → label map. */
  public SbiCatalog(Map<String, String> labels) {
    this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** The label of {@code sbi}, or null when the catalog does not know it. */
  public String label(String sbi) {
    return labels.get(sbi);
  }

  /** Every code and label, sorted by code. */
  public Map<String, String> all() {
    return labels;
  }
}
