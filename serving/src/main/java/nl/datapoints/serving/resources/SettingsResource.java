package nl.datapoints.serving.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.datapoints.serving.api.DashboardSettings;

/** {@code GET /api/settings}: the dashboard's settings from the configuration. */
@Path("/settings")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource {
  private final DashboardSettings settings;

  /** A resource serving {@code settings}. */
  public SettingsResource(DashboardSettings settings) {
    this.settings = settings;
  }

  /** The settings. */
  @GET
  public DashboardSettings settings() {
    return settings;
  }
}
