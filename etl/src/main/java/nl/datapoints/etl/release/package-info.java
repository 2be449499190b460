/**
 * Release: the differentially private release of every date × pc4 (docs/privacy.md), in two jobs
 * per batch, the only step after enrich that sees {@code user_key}.
 *
 * <p><b>Input</b>: {@code <warehouse>/events/dt=D} (Avro {@code AnonymizedEvent}) of every batch
 * date; the reference data ({@code postcodes.csv}: the pc4 domain; {@code sbi.csv} and {@code
 * merchants.csv}: the SBI domain); {@code release/dt=D-7} of every batch date whose D-7 is outside
 * the batch but was released; the release secret ({@link nl.datapoints.etl.release.ReleaseKey}, in
 * the jobs' credentials, never in {@code job.xml}) and the {@link
 * nl.datapoints.etl.release.PrivacyParams} (in the job configuration: they are not secret).
 *
 * <p><b>Bound job</b> ({@link nl.datapoints.etl.release.BoundJob}): keyed by user-day ({@code
 * UserDay}); the reducer applies {@link nl.datapoints.etl.release.Bounding} (≤ max events, then per
 * level ≤ max cells members of ≤ max hits, chosen by keyed hash) and writes the contributions keyed
 * by date + pc4 WITHOUT the user key to {@code staging/contributions} (SequenceFile), and per-date
 * figures (users, users touched, events kept and dropped, cells dropped and hits clamped per level)
 * to {@code stats/}.
 *
 * <p><b>Release job</b> ({@link nl.datapoints.etl.release.ReleaseJob}): keyed by date + pc4 ({@code
 * DatePc4}); inputs are the contributions (also re-keyed to D+7 when that is in the batch, to
 * recompute the baseline), the pc4 domain file the driver writes (so a pc4 nobody visited is
 * released) and the stored D-7 releases. A combiner sums per member; the reducer runs {@link
 * nl.datapoints.etl.release.ReleaseCore} (every public member, zeros included; CELLs by partition
 * selection; exact discrete Laplace noise from a keyed PRF of the value's identity and exact value)
 * and {@link nl.datapoints.etl.release.DeltaJoin} (delta = D-7's released value), writing {@code
 * release/dt=D/part-r-N.parquet} (Avro {@code ReleasedValue}) and per-date figures (values, cells
 * selected, released total hits, a digest of the date's own values).
 *
 * <p><b>Output</b> (by the driver's {@code ReleaseStage}): each date's staged release with its
 * {@link nl.datapoints.etl.release.ReleaseManifest} swapped into {@code release/dt=D}; both jobs'
 * staging removed. The same secret, parameters and input give the same release, value for value.
 *
 * <p><b>Counters</b> ({@link nl.datapoints.etl.release.ReleaseCounters}): events read and outside
 * the batch, user-days and those touched, events dropped, cells dropped, hits clamped, values
 * released, cells selected, contributions outside the pc4 domain.
 *
 * <p><b>Failure modes</b>: a missing events partition or stored baseline is refused while the job
 * is built; a failing task fails its job, and the run then leaves every {@code release/dt=D} as it
 * was (nothing is swapped before both jobs succeeded). Tasks without the secret in their
 * credentials, or with parameters that do not validate, fail in {@code setup()}. A test hook
 * ({@code FaultInjection}, stages {@code bound} and {@code release}) fails the first attempt of map
 * task 0 after its output is written.
 */
package nl.datapoints.etl.release;
