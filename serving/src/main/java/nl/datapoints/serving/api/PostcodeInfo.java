package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to {@code GET /api/postcodes/{postcode}}.
 *
 * @param postcode the postcode4
 * @param lat centroid latitude
 * @param lon centroid longitude
 * @param name place name
 */
@JsonPropertyOrder({"postcode", "lat", "lon", "name"})
public record PostcodeInfo(
    @JsonProperty("postcode") String postcode,
    @JsonProperty("lat") double lat,
    @JsonProperty("lon") double lon,
    @JsonProperty("name") String name) {}
