package nl.datapoints.etl.aggregate;

/**
 * Merges the shuffled values of one cell into one tally per tag. Reused across keys; used by the
 * combiner and the reducer in their tasks.
 */
final class CellMerge {
  private final CellTally current;
  private final CellTally baselineEvents;
  private boolean hasCurrent;
  private boolean hasBaselineEvents;
  private long publishedHits = -1;

  CellMerge(int minUsers) {
    current = new CellTally(minUsers);
    baselineEvents = new CellTally(minUsers);
  }

  void reset() {
    current.clear();
    baselineEvents.clear();
    hasCurrent = false;
    hasBaselineEvents = false;
    publishedHits = -1;
  }

  void add(CellValue v) {
    switch (v.tag()) {
      case CURRENT -> {
        v.addTo(current);
        hasCurrent = true;
      }
      case BASELINE_EVENTS -> {
        v.addTo(baselineEvents);
        hasBaselineEvents = true;
      }
      // A published cell is unique per key; max() keeps a duplicate input file harmless.
      case BASELINE_PUBLISHED -> publishedHits = Math.max(publishedHits, v.hits());
      default -> throw new IllegalStateException("unknown tag " + v.tag());
    }
  }

  boolean hasCurrent() {
    return hasCurrent;
  }

  boolean hasBaselineEvents() {
    return hasBaselineEvents;
  }

  boolean hasPublished() {
    return publishedHits >= 0;
  }

  CellTally current() {
    return current;
  }

  CellTally baselineEvents() {
    return baselineEvents;
  }

  long publishedHits() {
    return publishedHits;
  }

  /** The cell's baseline, given whether its date has a baseline at all. */
  Baseline baseline(boolean baselineMissing) {
    if (baselineMissing) {
      return Baseline.missing();
    }
    if (hasPublished()) {
      return Baseline.published(publishedHits);
    }
    if (hasBaselineEvents) {
      return Baseline.fromEvents(baselineEvents.hits, baselineEvents.enoughUsers());
    }
    return Baseline.none();
  }
}
