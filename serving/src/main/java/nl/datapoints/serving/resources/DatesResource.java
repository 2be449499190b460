package nl.datapoints.serving.resources;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.api.PublishedDate;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.QueryService;

/**
 * {@code GET /api/dates}: published dates with their generation, publish time and privacy
 * guarantee.
 */
@Path("/dates")
@Produces(MediaType.APPLICATION_JSON)
public final class DatesResource {
  private final QueryService queries;

  /** A resource answering from {@code queries}. */
  public DatesResource(QueryService queries) {
    this.queries = queries;
  }

  /** Every published date, ascending. */
  @GET
  @Timed(name = "dates")
  public List<PublishedDate> dates() {
    PublishedDates published = queries.published();
    List<PublishedDate> out = new ArrayList<>();
    for (Map.Entry<LocalDate, Generation> e : published.all().entrySet()) {
      Generation g = e.getValue();
      List<Long> kept = published.kept(e.getKey()).stream().map(Generation::id).toList();
      out.add(
          new PublishedDate(
              e.getKey().toString(),
              g.id(),
              Instant.ofEpochMilli(g.publishedAt()).toString(),
              g.baselineMissing(),
              g.cells(),
              g.hits(),
              g.isPrivate() ? g.privacyEpsilon() : null,
              g.isPrivate() ? g.privacyDelta() : null,
              kept));
    }
    return out;
  }
}
