package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One entry of {@code GET /api/dates}.
 *
 * @param date the published date
 * @param generation its current generation id
 * @param publishedAt when that generation was first made current (ISO instant)
 * @param baselineMissing true when D-7 was never published, so deltas of the date are null
 * @param cells published cells of the generation
 * @param hits published hits of the generation
 * @param kept ids of the kept generations (rollback targets), newest first
 */
@JsonPropertyOrder({
  "date",
  "generation",
  "published_at",
  "baseline_missing",
  "cells",
  "hits",
  "kept"
})
public record PublishedDate(
    @JsonProperty("date") String date,
    @JsonProperty("generation") long generation,
    @JsonProperty("published_at") String publishedAt,
    @JsonProperty("baseline_missing") boolean baselineMissing,
    @JsonProperty("cells") long cells,
    @JsonProperty("hits") long hits,
    @JsonProperty("kept") List<Long> kept) {}
