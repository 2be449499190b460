/**
 * The sample-data generator behind {@code scripts/etl generate}: plain Java I/O in the client JVM
 * (no MapReduce), deterministic for a seed (same seed and options, same bytes).
 *
 * <p><b>Input:</b> a {@link nl.datapoints.etl.generate.GenerateConfig} (out, from, days, events per
 * day, seed, bad fraction). Nothing is read.
 *
 * <p><b>Output</b> (docs/formats.md §2):
 *
 * <ul>
 *   <li>{@code DIR/ref/postcodes.csv} ({@code pc4,lat,lon,name}): a synthetic gazetteer of about
 *       3,450 postcode4 centroids built from the real PC4 ranges of Dutch towns and regions, dense
 *       in towns (about 115 postcode4s within 10 km of 1012, central Amsterdam), all inside lat
 *       50.75–53.55, lon 3.35–7.25; the same for every seed;
 *   <li>{@code DIR/ref/sbi.csv} ({@code sbi,label}): 46 real SBI 2008 codes (2, 4 and 5 digits)
 *       with English labels;
 *   <li>{@code DIR/ref/merchants.csv} ({@code merchant_id,sbi}): merchants with positive 64-bit
 *       ids, half of them above 2^31, clustered in town centres;
 *   <li>{@code DIR/raw/dt=YYYY-MM-DD/part-NNNNN.tsv.gz}: up to 8 gzip files per date (one per
 *       50,000 lines), no header, six tab-separated fields. Every good line's Europe/Amsterdam date
 *       is the partition date. Volume follows the day of the week (Saturday busiest, Sunday
 *       quietest) and the hour (night trough, lunch and late-afternoon peaks, later weekend
 *       mornings); business kinds keep their opening hours. A returning user population (half the
 *       events per day) with skewed activity shops mostly near home, at four favourite merchants.
 *       Times are written in UTC ({@code Z}) or with the local offset ({@code +01:00}/{@code
 *       +02:00}); ips are IPv4, IPv6 or {@code -}; postcodes as {@code 1234AB}, {@code 1234ab},
 *       {@code 1234 AB}, {@code 1234 ab} or {@code 1234}. A date is written under {@code
 *       raw/_tmp.dt=…} and renamed into place when complete, replacing an existing partition.
 * </ul>
 *
 * <p><b>Defects:</b> {@code badFraction} of each day's lines carry exactly one {@link
 * nl.datapoints.etl.generate.Defect} each (named after the reason code of docs/formats.md §3.1;
 * every code present once there are at least 11 bad lines; one LINE_TOO_LONG per day), plus empty
 * lines (a quarter as many). {@code badFraction = 0} writes neither. {@link
 * nl.datapoints.etl.generate.GenerateSummary} reports per date the lines, events, empty lines and
 * defects written: the ground truth for the pipeline's run report.
 *
 * <p><b>Privacy threshold:</b> with the defaults (1,000,000 lines a day) about 84% of the hits lie
 * in cells (date, hour, pc4, activity, sbi) with at least 5 distinct users, so most survive {@code
 * --min-users 5}; at 200,000 a day it is about 73%.
 *
 * <p><b>Failure modes:</b> option mistakes are {@code IllegalArgumentException}s naming the option,
 * the allowed range and the value; I/O failures are {@code UncheckedIOException}s naming the path.
 * There are no counters (not a MapReduce job).
 */
package nl.datapoints.etl.generate;
