// The Put-based publisher of the publish benchmark (scripts/bench-publish, docs/benchmarks-publish.md):
// writes the SAME rows as `scripts/etl publish` (the HFile job + bulk load), but through a
// BufferedMutator, as a publisher without bulk load would. Run with the etl classpath:
//
//   java -cp "$(dp_classpath etl)" scripts/bench/PutPublish.java --warehouse W --from D1 --to DN \
//       --zookeeper localhost:PORT --table bench_puts [--threads 2] [--write-buffer-mb 4]
//
// What it does, and why it matches the bulk side:
// - table: created by the publish stage's own TableSetup.ensureTable with the batch's dates and
//   PublishConfig.DEFAULT_SPLITS_PER_DATE, so family, GZ compression, versions, ROW bloom and
//   pre-split points are those of the bulk table;
// - input: every aggregates/dt=D/*.parquet of the range, read as Avro Cell with the generated
//   class's model (as the HFile job's CellDataSupplier does);
// - rows: cells grouped by (date, pc4); each row's c/h/s values packed by the publish stage's own
//   RowBlocks.of (CellBlock encode + rollups), written as ONE Put per row with timestamp = the
//   generation (epoch millis of this run), default durability (SYNC_WAL: the WAL is on);
// - pointer: after every row is acknowledged, per date one Put of the pointer row (current +
//   kept, schemas Generation) guarded by check-and-mutate, as Publisher does; so the table is
//   readable by the service and the comparison reads both tables the same way;
// - a cell that cannot be packed or a duplicate cell fails the run, as it fails a publish.
// RowBlocks and TableSetup are package-private in the etl jar; a single-file program is loaded by
// its own class loader and so cannot share their package: they are called reflectively rather
// than widening the production API for a benchmark.
// Threads: each worker takes whole dates (read -> group -> pack -> mutate); all share one
// BufferedMutator (thread-safe), which sends batches asynchronously while the workers go on.
// Prints one line "PUTS key=value ..." with the phases' wall seconds and what was written.
import java.io.File;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.datapoints.etl.publish.HBaseConf;
import nl.datapoints.etl.publish.PublishConfig;
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PackedCell;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.avro.specific.SpecificData;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

public class PutPublish {
  /** What one date contributed: rows, cells, hits, cells with a null delta, payload bytes. */
  record DateSums(long rows, long cells, long hits, long nullDeltas, long payloadBytes) {}

  static Method rowBlocksOf;
  static Method cellsOf;
  static Method byHourOf;
  static Method bySbiOf;
  static Method cellCountOf;
  static Method hitsOf;
  static Method nullDeltasOf;
  static Method duplicatesOf;

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    String warehouse = need(a, "warehouse");
    LocalDate from = LocalDate.parse(need(a, "from"));
    LocalDate to = LocalDate.parse(need(a, "to"));
    String zookeeper = need(a, "zookeeper");
    TableName table = TableName.valueOf(need(a, "table"));
    int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
    long bufferBytes = Long.parseLong(a.getOrDefault("write-buffer-mb", "4")) << 20;
    if (to.isBefore(from) || threads < 1 || threads > 64 || bufferBytes < 1) {
      throw new IllegalArgumentException("--to must not be before --from, --threads 1..64, "
          + "--write-buffer-mb >= 1; got " + from + ".." + to + ", " + threads + ", " + bufferBytes);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      dates.add(d);
    }
    bindPublishCode();

    long t0 = System.nanoTime();
    Configuration conf = HBaseConf.create(new Configuration(), Optional.of(zookeeper));
    long generation = System.currentTimeMillis();
    Map<LocalDate, DateSums> sums = new TreeMap<>();
    long tSetup;
    long tWrite;
    long tClose;
    long tFlip;
    try (Connection connection = ConnectionFactory.createConnection(conf)) {
      try (Admin admin = connection.getAdmin()) {
        Class<?> setup = Class.forName("nl.datapoints.etl.publish.TableSetup");
        Method ensure = setup.getDeclaredMethod("ensureTable", Admin.class, TableName.class, List.class, int.class);
        ensure.setAccessible(true);
        ensure.invoke(null, admin, table, dates, PublishConfig.DEFAULT_SPLITS_PER_DATE);
      }
      tSetup = System.nanoTime();

      BufferedMutatorParams params = new BufferedMutatorParams(table).writeBufferSize(bufferBytes);
      ConcurrentLinkedQueue<LocalDate> todo = new ConcurrentLinkedQueue<>(dates);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (BufferedMutator mutator = connection.getBufferedMutator(params)) {
        List<Future<Map<LocalDate, DateSums>>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          workers.add(pool.submit(() -> {
            Map<LocalDate, DateSums> mine = new HashMap<>();
            for (LocalDate d; (d = todo.poll()) != null; ) {
              mine.put(d, writeDate(warehouse, d, generation, mutator));
            }
            return mine;
          }));
        }
        for (Future<Map<LocalDate, DateSums>> w : workers) {
          sums.putAll(w.get());
        }
        tWrite = System.nanoTime();
      } finally {
        pool.shutdown();
      }
      // close() flushed the last buffer and waited for every outstanding batch.
      tClose = System.nanoTime();

      try (Table t = connection.getTable(table)) {
        for (LocalDate d : dates) {
          DateSums s = sums.get(d);
          boolean baselineMissing = s.nullDeltas() > 0 || (s.cells() == 0
              && !new File(new File(warehouse, "aggregates"), "dt=" + d.minusDays(7)).isDirectory());
          flip(t, d, new Generation(generation, System.currentTimeMillis(), baselineMissing, s.cells(), s.hits()));
        }
      }
      tFlip = System.nanoTime();
    }
    long rows = sums.values().stream().mapToLong(DateSums::rows).sum();
    long cells = sums.values().stream().mapToLong(DateSums::cells).sum();
    long payload = sums.values().stream().mapToLong(DateSums::payloadBytes).sum();
    double total = (tFlip - t0) / 1e9;
    System.out.printf("PUTS table=%s generation=%d dates=%d rows=%d cells=%d payload_bytes=%d threads=%d "
            + "write_buffer_mb=%d setup_s=%.2f write_s=%.2f close_s=%.2f flip_s=%.2f total_s=%.2f cells_per_s=%.0f%n",
        table, generation, dates.size(), rows, cells, payload, threads, bufferBytes >> 20,
        (tSetup - t0) / 1e9, (tWrite - tSetup) / 1e9, (tClose - tWrite) / 1e9, (tFlip - tClose) / 1e9,
        total, cells / total);
  }

  /** Reads, groups, packs and mutates every row of one date. */
  static DateSums writeDate(String warehouse, LocalDate date, long generation, BufferedMutator mutator)
      throws Exception {
    File dir = new File(new File(warehouse, "aggregates"), "dt=" + date);
    File[] parts = dir.listFiles(f -> f.getName().endsWith(".parquet"));
    if (parts == null) {
      throw new IllegalArgumentException("--from/--to: no aggregates for " + date + ", " + dir + " is not a directory");
    }
    Arrays.sort(parts);
    Map<Integer, List<PackedCell>> byPc4 = new TreeMap<>();
    Configuration conf = new Configuration();
    AvroReadSupport.setAvroReadSchema(conf, Cell.getClassSchema());
    for (File part : parts) {
      try (ParquetReader<Cell> r = AvroParquetReader.<Cell>builder(
              HadoopInputFile.fromPath(new Path(part.toURI()), conf))
          .withDataModel(SpecificData.getForClass(Cell.class)).build()) {
        for (Cell c; (c = r.read()) != null; ) {
          if (!c.getDate().equals(date)) {
            throw new IllegalStateException(part + " holds a cell of " + c.getDate() + ", not " + date);
          }
          RowKey.of(date, c.getPc4()); // rejects a pc4 the publish would count as BAD_CELL
          byPc4.computeIfAbsent(c.getPc4(), k -> new ArrayList<>()).add(new PackedCell(
              c.getHour(), c.getActivity(), c.getSbi().toString(), c.getHits(), c.getDelta()));
        }
      }
    }
    long rows = 0;
    long cells = 0;
    long hits = 0;
    long nullDeltas = 0;
    long payload = 0;
    for (Map.Entry<Integer, List<PackedCell>> e : byPc4.entrySet()) {
      Object b = rowBlocksOf.invoke(null, e.getValue());
      if ((long) duplicatesOf.invoke(b) > 0) {
        throw new IllegalStateException("duplicate cells in " + date + " pc4 " + e.getKey()
            + ": the publish refuses these aggregates too");
      }
      byte[] row = RowKey.of(date, e.getKey()).toBytes();
      byte[] c = (byte[]) cellsOf.invoke(b);
      byte[] h = (byte[]) byHourOf.invoke(b);
      byte[] s = (byte[]) bySbiOf.invoke(b);
      mutator.mutate(new Put(row, generation)
          .addColumn(StoreLayout.FAMILY, CellBlock.CELLS, c)
          .addColumn(StoreLayout.ROLLUP_FAMILY, CellBlock.BY_HOUR, h)
          .addColumn(StoreLayout.ROLLUP_FAMILY, CellBlock.BY_SBI, s));
      rows++;
      cells += (long) cellCountOf.invoke(b);
      hits += (long) hitsOf.invoke(b);
      nullDeltas += (long) nullDeltasOf.invoke(b);
      payload += row.length + c.length + h.length + s.length;
    }
    return new DateSums(rows, cells, hits, nullDeltas, payload);
  }

  /** The pointer flip of Publisher/PointerRow: current + kept in one check-and-mutate Put. */
  static void flip(Table t, LocalDate date, Generation fresh) throws Exception {
    byte[] q = StoreLayout.currentQualifier(date);
    byte[] kq = StoreLayout.keptQualifier(date);
    Result r = t.get(new Get(StoreLayout.POINTER_ROW).addColumn(StoreLayout.FAMILY, q).addColumn(StoreLayout.FAMILY, kq));
    byte[] current = r.getValue(StoreLayout.FAMILY, q);
    List<Generation> kept = new ArrayList<>(List.of(fresh));
    byte[] oldKept = r.getValue(StoreLayout.FAMILY, kq);
    if (oldKept != null) {
      for (Generation g : Generation.parseList(oldKept)) {
        if (kept.size() < StoreLayout.MIN_KEPT_GENERATIONS && g.id() != fresh.id()) {
          kept.add(g);
        }
      }
    }
    Put put = new Put(StoreLayout.POINTER_ROW)
        .addColumn(StoreLayout.FAMILY, q, fresh.toBytes())
        .addColumn(StoreLayout.FAMILY, kq, Generation.listToBytes(kept));
    CheckAndMutate.Builder check = CheckAndMutate.newBuilder(StoreLayout.POINTER_ROW);
    CheckAndMutate cam = current != null
        ? check.ifEquals(StoreLayout.FAMILY, q, current).build(put)
        : check.ifNotExists(StoreLayout.FAMILY, q).build(put);
    if (!t.checkAndMutate(cam).isSuccess()) {
      throw new IllegalStateException("pointer of " + date + " changed while flipping; run again");
    }
  }

  static void bindPublishCode() throws Exception {
    Class<?> rb = Class.forName("nl.datapoints.etl.publish.RowBlocks");
    rowBlocksOf = rb.getDeclaredMethod("of", List.class);
    cellsOf = rb.getDeclaredMethod("cells");
    byHourOf = rb.getDeclaredMethod("byHour");
    bySbiOf = rb.getDeclaredMethod("bySbi");
    cellCountOf = rb.getDeclaredMethod("cellCount");
    hitsOf = rb.getDeclaredMethod("hits");
    nullDeltasOf = rb.getDeclaredMethod("nullDeltas");
    duplicatesOf = rb.getDeclaredMethod("duplicates");
    for (Method m : List.of(rowBlocksOf, cellsOf, byHourOf, bySbiOf, cellCountOf, hitsOf, nullDeltasOf, duplicatesOf)) {
      m.setAccessible(true);
    }
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value pairs, got '" + args[i] + "'");
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  static String need(Map<String, String> a, String name) {
    String v = a.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }
}
