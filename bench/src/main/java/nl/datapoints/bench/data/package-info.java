/**
 * Data sets the benchmarks make without the pipeline, and the peer's copy of published cells.
 *
 * <ul>
 *   <li>{@link nl.datapoints.bench.data.DenseCells} writes published-cell Parquet at production
 *       density ({@code <warehouse>/aggregates/dt=D/part-r-00000.parquet}, Avro {@code Cell}) for
 *       the query, publish and scaling benchmarks, from the cells of {@link
 *       nl.datapoints.bench.data.DenseModel} (pure, deterministic for a seed). Why: at the density
 *       production has (~150 cells per postcode4-day) the real enrich + aggregate over generated
 *       events takes hours on two cores, and those benchmarks measure serving and publishing, not
 *       the ETL; both peers load exactly these cells.
 *   <li>{@link nl.datapoints.bench.data.ExportCells} writes the published cells of a warehouse as
 *       CSV for PostgreSQL's {@code COPY} ({@code date,hour,pc4,activity,sbi,hits,delta}, an empty
 *       delta is NULL).
 * </ul>
 *
 * Failure modes: a missing or invalid reference file is exit status 2 with the reference parser's
 * message; an existing {@code part-r-00000.parquet} is kept (the set is cached), a partial one is
 * never left behind (written under a temporary name, then renamed).
 */
package nl.datapoints.bench.data;
