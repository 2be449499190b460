/**
 * HBase access for the service. Input: the table of {@code nl.datapoints.schemas.StoreLayout}
 * (store layout 3: data rows keyed date + pc4 with the release blocks {@code r:a} — TOTAL, HOUR,
 * SBI — and {@code d:c} — the selected CELLs; the pointer row {@code ~generations}). A query reads
 * only the blocks its filter's {@code ReadPlan} needs. Each date is read only at its current
 * generation (time range {@code [g, g + 1)}, a {@code TimestampsFilter} when the dates' generations
 * differ); an area query is one scan over the area's runs of consecutive postcode4s on every date
 * ({@code AreaScan}), or {@code hbase.scansPerQuery} groups of dates in parallel. With the regions'
 * {@code datapoints.AreaSums} endpoint a query is summed in the regions instead, asked on the
 * asynchronous client and awaited by the request's thread. Every call is bounded by the deadline:
 * {@code DeadlineCalls} for the blocking calls, the wait itself for region sums.
 *
 * <p>Failure modes: HBase unreachable or slow → {@code StoreUnavailableException} after at most the
 * configured deadline; a malformed pointer entry is logged and skipped. Metrics: timers {@code
 * HBaseCellStore.read} and {@code HBaseCellStore.pointer}.
 */
package nl.datapoints.serving.db;
