package nl.datapoints.serving.health;

import com.codahale.metrics.health.HealthCheck;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.StoreUnavailableException;
import nl.datapoints.serving.db.HBaseCellStore;

/** Healthy when the pointer row can be read from HBase now (within the store's deadline). */
public final class HBaseHealthCheck extends HealthCheck {
  private final HBaseCellStore store;

  /** A check against {@code store}. */
  public HBaseHealthCheck(HBaseCellStore store) {
    this.store = store;
  }

  @Override
  protected Result check() {
    try {
      PublishedDates p = store.refresh();
      return Result.healthy("pointer row read; %d dates published", p.all().size());
    } catch (StoreUnavailableException e) {
      return Result.unhealthy(e.getMessage());
    }
  }
}
