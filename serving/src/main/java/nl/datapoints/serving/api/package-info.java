/**
 * JSON bodies of the HTTP API (docs/api.md §2.2). Records with explicit property names and order,
 * so the wire format is the contract and the fixture tests in {@code src/test/resources/fixtures}
 * fail on any change. No logic lives here.
 */
package nl.datapoints.serving.api;
