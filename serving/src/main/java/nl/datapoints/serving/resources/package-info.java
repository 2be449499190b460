/**
 * The HTTP API of docs/api.md §2-§4 under {@code /api}: area queries, published dates, SBI codes
 * and postcodes, the API-key filter and the exception mappers. Errors are always {@code {"code",
 * "message"}}: 400 malformed parameter, 401 missing/wrong key, 404 unknown postcode or path,
 * 405/406/415 from Jersey, 503 store unavailable, 500 anything else (logged with an id). Metrics: a
 * timer per endpoint ({@code @Timed}).
 */
package nl.datapoints.serving.resources;
