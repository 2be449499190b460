/**
 * The enrich stage: raw gzip/plain TSV logs → anonymized {@code AnonymizedEvent} Parquet,
 * quarantine and per-date stats, as one map-only MapReduce job for a whole batch of dates.
 *
 * <p><b>Wiring.</b> {@link nl.datapoints.etl.enrich.EnrichJob#create} (driver) builds the job
 * without running it from an {@link nl.datapoints.etl.enrich.EnrichConfig} (one codec under {@code
 * datapoints.enrich.}) and an {@link nl.datapoints.etl.enrich.HmacKey}, which travels in the job's
 * credentials, never in the configuration.
 *
 * <p><b>Input.</b> {@code <raw>/dt=YYYY-MM-DD/*.tsv.gz} and {@code *.tsv} for every date; {@link
 * nl.datapoints.etl.enrich.RawLineInputFormat} makes one split per file and {@link
 * nl.datapoints.etl.enrich.RawLineRecordReader} yields key = 1-based line number, value = {@link
 * nl.datapoints.etl.enrich.RawLine} (raw bytes, too-long flag, source path). Lines end at {@code
 * \n}; a trailing {@code \r} is ignored; a UTF-8 byte order mark at the start of a file is dropped.
 * The partition date of a line is its file's parent directory.
 *
 * <p><b>Core.</b> {@link nl.datapoints.etl.enrich.Enricher} (no Hadoop types) checks a line in this
 * order and quarantines it with the first failing {@link nl.datapoints.etl.enrich.Reason}:
 * LINE_TOO_LONG, (empty → counted as empty), ENCODING, FIELD_COUNT, BAD_TIMESTAMP, EMPTY_USER (also
 * a user id over 128 code points: it is not a usable id), BAD_POSTCODE, BAD_MERCHANT, BAD_ACTIVITY,
 * OUT_OF_PARTITION, UNKNOWN_POSTCODE, UNKNOWN_MERCHANT. Date and hour are Europe/Amsterdam
 * wall-clock ({@link nl.datapoints.etl.enrich.AmsterdamTime}); the user key is the first 16 bytes
 * of HMAC-SHA256 ({@link nl.datapoints.etl.enrich.Pseudonymizer}); the IP is never read; the
 * postcode is reduced to postcode4.
 *
 * <p><b>Output</b> (under the job output dir, via {@code MultipleOutputs}; the default output stays
 * empty through {@code LazyOutputFormat}):
 *
 * <ul>
 *   <li>{@code events/dt=YYYY-MM-DD/part-m-NNNNN.parquet} — Avro {@code AnonymizedEvent},
 *       snappy-compressed Parquet;
 *   <li>{@code quarantine/dt=YYYY-MM-DD/part-m-NNNNN} — {@code
 *       reason\tsource_file\tline_number\toriginal line}, where {@code source_file} is the full
 *       path of the raw file and the original line is the raw bytes without newline or trailing
 *       {@code \r} (for LINE_TOO_LONG: its first maxLineBytes + 2 bytes at most);
 *   <li>{@code stats/part-m-NNNNN} — {@code YYYY-MM-DD\tmetric\tvalue} written in {@code
 *       cleanup()}: {@code lines_read}, {@code events}, {@code empty_lines} (always, also 0),
 *       {@code quarantined:<REASON>} (non-zero only), {@code corrupt_file} (value = path). Dates
 *       are partition dates; per date {@code lines_read = events + sum(quarantined:*) +
 *       empty_lines}.
 * </ul>
 *
 * <p><b>Counters.</b> {@link nl.datapoints.etl.enrich.EnrichCounters}: LINES_READ, EVENTS,
 * EMPTY_LINES, QUARANTINED_&lt;REASON&gt;, CORRUPT_FILES.
 *
 * <p><b>Failure modes.</b> Bad lines never fail the job. A corrupt or truncated compressed file
 * fails the task with a message naming the file; with {@code skipCorruptFiles} the reader stops at
 * the damage, the lines already read stay counted, and the stats list the file as {@code
 * corrupt_file} (in that mode any read error of a compressed file counts as corruption). A missing
 * partition directory is an {@code IllegalArgumentException} in the driver; a task without the HMAC
 * key in its credentials, or a file outside a {@code dt=} directory, fails. A test hook, {@link
 * nl.datapoints.etl.common.FaultInjection}, fails the first attempt of map task 0 at the end of
 * {@code cleanup()} (all output written) when {@code datapoints.fault.fail-first-attempt} lists
 * {@code enrich} (unset in production).
 */
package nl.datapoints.etl.enrich;
