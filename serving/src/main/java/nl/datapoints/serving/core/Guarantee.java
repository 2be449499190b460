package nl.datapoints.serving.core;

import java.math.BigDecimal;
import java.util.List;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.api.AreaAnswer.Privacy;

/**
 * The privacy statement of an answer from the generations of the dates it read (pure). Each date's
 * release is ε-δ differentially private per user-day; an answer over several dates combines several
 * releases, so one user present on all of them is protected at Σ ε (basic composition), while ε and
 * δ state the per-day guarantee (the largest over the dates).
 */
public final class Guarantee {
  /** The privacy unit of the release. */
  public static final String UNIT = "user-day";

  private Guarantee() {}

  /**
   * The statement for an answer that read {@code read}; ε, δ and Σ ε are null when nothing was read
   * or a read date has no recorded guarantee (a release from before layout 3): no number can then
   * be promised.
   */
  public static Privacy of(List<Generation> read) {
    if (read.isEmpty() || read.stream().anyMatch(g -> !g.isPrivate())) {
      return new Privacy(UNIT, null, null, null);
    }
    double epsilon = 0;
    double delta = 0;
    // Summed in decimal, so 7 dates at ε = 0.1 say 0.7, not 0.7000000000000001.
    BigDecimal sum = BigDecimal.ZERO;
    for (Generation g : read) {
      epsilon = Math.max(epsilon, g.privacyEpsilon());
      delta = Math.max(delta, g.privacyDelta());
      sum = sum.add(BigDecimal.valueOf(g.privacyEpsilon()));
    }
    return new Privacy(UNIT, epsilon, delta, sum.doubleValue());
  }
}
