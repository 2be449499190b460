/**
 * The datapoints HTTP service (Dropwizard): {@code DatapointsApplication} wires the gazetteer, the
 * HBase store, the answer cache, the resources under {@code /api} and the dashboard assets at
 * {@code /}; {@code DatapointsConfiguration} is the validated YAML.
 */
package nl.datapoints.serving;
