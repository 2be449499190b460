package nl.datapoints.serving.resources;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.datapoints.serving.api.SbiCode;
import nl.datapoints.serving.core.SbiCatalog;

/** {@code GET /api/sbi}: SBI codes and labels. */
@Path("/sbi")
@Produces(MediaType.APPLICATION_JSON)
public final class SbiResource {
  private final List<SbiCode> codes;

  /** A resource listing {@code catalog}. */
  public SbiResource(SbiCatalog catalog) {
    this.codes =
        catalog.all().entrySet().stream().map(e -> new SbiCode(e.getKey(), e.getValue())).toList();
  }

  /** Every code, sorted. */
  @GET
  @Timed(name = "sbi")
  public List<SbiCode> codes() {
    return codes;
  }
}
