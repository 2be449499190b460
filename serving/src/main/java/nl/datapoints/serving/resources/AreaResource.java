package nl.datapoints.serving.resources;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.Map;
import nl.datapoints.serving.api.AreaAnswer;
import nl.datapoints.serving.core.QueryService;

/** {@code GET /api/{postcode}/{dates}[/{radius}]}: the dashboard's area query. */
@Path("/{postcode}/{dates}")
@Produces(MediaType.APPLICATION_JSON)
public final class AreaResource {
  private final QueryService queries;

  /** A resource answering from {@code queries}. */
  public AreaResource(QueryService queries) {
    this.queries = queries;
  }

  /** The area around the postcode within the default radius. */
  @GET
  @Timed(name = "area")
  public AreaAnswer area(
      @PathParam("postcode") String postcode,
      @PathParam("dates") PathSegment dates,
      @QueryParam("sbi") List<String> sbi,
      @QueryParam("activity") List<String> activity) {
    return queries.area(postcode, joinDates(dates), null, sbi, activity);
  }

  /** The area around the postcode within {@code radius} km. */
  @GET
  @Path("/{radius}")
  @Timed(name = "area-radius")
  public AreaAnswer areaWithRadius(
      @PathParam("postcode") String postcode,
      @PathParam("dates") PathSegment dates,
      @PathParam("radius") String radius,
      @QueryParam("sbi") List<String> sbi,
      @QueryParam("activity") List<String> activity) {
    return queries.area(postcode, joinDates(dates), radius, sbi, activity);
  }

  /**
   * A raw {@code ;} in a path segment starts matrix parameters, so {@code 2013-01-08;2013-01-09}
   * arrives as path {@code 2013-01-08} plus a parameter named {@code 2013-01-09}; put it back. An
   * encoded {@code %3B} arrives inside the path and needs nothing.
   */
  static String joinDates(PathSegment segment) {
    StringBuilder out = new StringBuilder(segment.getPath());
    for (Map.Entry<String, List<String>> e : segment.getMatrixParameters().entrySet()) {
      for (String v : e.getValue()) {
        out.append(';').append(e.getKey());
        if (v != null && !v.isEmpty()) {
          out.append('=').append(v);
        }
      }
    }
    return out.toString();
  }
}
