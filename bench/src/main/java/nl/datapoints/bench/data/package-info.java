/**
 * The dense data set the benchmarks use without the pipeline — a differentially private release at
 * production density — and the peers' copy of any release.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.data.DenseRelease} writes {@code
 *       <warehouse>/release/dt=D/part-r-00000.parquet} (Avro {@code ReleasedValue}) and {@code
 *       _release.json} per date, as the release stage does, from {@link
 *       nl.datapoints.bench.data.DenseReleaseModel} (pure, deterministic for a seed): every
 *       gazetteer pc4 with its TOTAL, 24 HOURs and every SBI of the public domain, a few selected
 *       CELLs, deltas from D−7, noise of the default privacy parameters' scales. Why not the
 *       pipeline: at production density (12 M events a day) enrich, aggregate and release over
 *       generated events take hours on two cores, and these benchmarks measure serving and
 *       publishing, not the ETL; {@code scripts/etl publish} loads this release unchanged and every
 *       peer loads the same values.
 *   <li>{@link nl.datapoints.bench.data.ExportRelease} writes a release as the peers' CSV tables,
 *       one per level plus the dates' baselines ({@link nl.datapoints.bench.data.ReleaseCsv}).
 * </ul>
 *
 * Failure modes: a missing or invalid reference file is exit status 2 with the reference parser's
 * message; a date whose manifest exists is kept (the set is cached), a partition is written under a
 * temporary name and its manifest last, so a partial date is rewritten on the next run.
 */
package nl.datapoints.bench.data;
