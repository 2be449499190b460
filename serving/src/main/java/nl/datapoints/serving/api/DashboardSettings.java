package nl.datapoints.serving.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to {@code GET /api/settings}: what the dashboard page needs from the configuration.
 *
 * @param maxMarginShare a figure whose 95% margin exceeds this share of its value is shown as "too
 *     few to show reliably" instead of as a number
 */
@JsonPropertyOrder({"max_margin_share"})
public record DashboardSettings(@JsonProperty("max_margin_share") double maxMarginShare) {}
