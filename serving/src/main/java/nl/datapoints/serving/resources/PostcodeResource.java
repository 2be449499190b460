package nl.datapoints.serving.resources;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.datapoints.serving.api.PostcodeInfo;
import nl.datapoints.serving.core.Place;
import nl.datapoints.serving.core.QueryService;

/** {@code GET /api/postcodes/{postcode}}: centroid and name of a PC4 or PC6. */
@Path("/postcodes/{postcode}")
@Produces(MediaType.APPLICATION_JSON)
public final class PostcodeResource {
  private final QueryService queries;

  /** A resource answering from {@code queries}. */
  public PostcodeResource(QueryService queries) {
    this.queries = queries;
  }

  /** The postcode4's centroid and name; 400 when malformed, 404 when unknown. */
  @GET
  @Timed(name = "postcode")
  public PostcodeInfo postcode(@PathParam("postcode") String postcode) {
    Place p = queries.postcode(postcode);
    return new PostcodeInfo(p.postcode(), p.lat(), p.lon(), p.name());
  }
}
