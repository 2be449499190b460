package nl.datapoints.serving.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.LocalDate;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.StoreUnavailableException;

/** Healthy when the freshest published date is at most {@code freshnessDays} old. */
public final class FreshnessHealthCheck extends HealthCheck {
  private final CellStore store;
  private final int freshnessDays;
  private final Clock clock;

  /** A check of {@code store}'s newest date against today in {@code clock}'s zone. */
  public FreshnessHealthCheck(CellStore store, int freshnessDays, Clock clock) {
    this.store = store;
    this.freshnessDays = freshnessDays;
    this.clock = clock;
  }

  @Override
  protected Result check() {
    LocalDate newest;
    try {
      newest = store.published().newest();
    } catch (StoreUnavailableException e) {
      return Result.unhealthy("cannot read published dates: " + e.getMessage());
    }
    LocalDate oldestAllowed = LocalDate.now(clock).minusDays(freshnessDays);
    if (newest == null) {
      return Result.unhealthy("no date is published");
    }
    if (newest.isBefore(oldestAllowed)) {
      return Result.unhealthy(
          "freshest published date %s is older than %d days", newest, freshnessDays);
    }
    return Result.healthy("freshest published date %s", newest);
  }
}
