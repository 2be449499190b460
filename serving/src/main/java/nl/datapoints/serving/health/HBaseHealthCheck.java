package nl.datapoints.serving.health;

import com.codahale.metrics.health.HealthCheck;
import nl.datapoints.schemas.StoreLayout;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.StoreUnavailableException;
import nl.datapoints.serving.db.HBaseCellStore;

/**
 * Healthy when the pointer row can be read from HBase now (within the store's deadline) and the
 * table is in the store layout this service reads ({@link StoreLayout#VERSION}).
 */
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
      int layout = store.layoutVersion();
      if (layout != StoreLayout.VERSION) {
        return Result.unhealthy(
            "table is in store layout %d, this service reads layout %d;"
                + " republish it (scripts/etl drop-table, then backfill)",
            layout, StoreLayout.VERSION);
      }
      return Result.healthy(
          "pointer row read; %d dates published; store layout %d", p.all().size(), layout);
    } catch (StoreUnavailableException e) {
      return Result.unhealthy(e.getMessage());
    }
  }
}
