package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code GET /api/sbi}.
 *
 * @param sbi the SBI code
 * @param label its label
 */
@JsonPropertyOrder({"sbi", "label"})
public record SbiCode(@JsonProperty("sbi") String sbi, @JsonProperty("label") String label) {}
