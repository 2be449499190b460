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
 * @param cells published values of the generation
 * @param hits released hits of the generation's totals
 * @param epsilon ε of the date's guarantee per user-day, or null for a release without one
 * @param delta δ of the date's guarantee per user-day, or null with epsilon
 * @param kept ids of the kept generations (rollback targets), newest first
 */
@JsonPropertyOrder({
  "date",
  "generation",
  "published_at",
  "baseline_missing",
  "cells",
  "hits",
  "epsilon",
  "delta",
  "kept"
})
public record PublishedDate(
    @JsonProperty("date") String date,
    @JsonProperty("generation") long generation,
    @JsonProperty("published_at") String publishedAt,
    @JsonProperty("baseline_missing") boolean baselineMissing,
    @JsonProperty("cells") long cells,
    @JsonProperty("hits") long hits,
    @JsonProperty("epsilon") Double epsilon,
    @JsonProperty("delta") Double delta,
    @JsonProperty("kept") List<Long> kept) {}
