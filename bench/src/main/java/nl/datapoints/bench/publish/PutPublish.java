package nl.datapoints.bench.publish;

import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.bench.common.ReleaseParts;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.publish.HBaseConf;
import nl.datapoints.etl.publish.PointerTable;
import nl.datapoints.etl.publish.Publisher;
import nl.datapoints.etl.publish.RowBlocks;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;

/**
 * The publish benchmark's Put-based publisher: writes the SAME rows as {@code scripts/etl publish}
 * (HFile job + bulk load), but through a {@code BufferedMutator}, as a publisher without bulk load
 * would:
 *
 * <pre>
 *   PutPublish --warehouse W --from D1 --to DN --zookeeper HOST:PORT --table T [--threads 2] [--write-buffer-mb 4]
 * </pre>
 *
 * Each worker thread takes whole dates (read → group → pack → mutate); all share one thread-safe
 * mutator, which sends batches while they go on. After every row is acknowledged, each date's
 * pointer is flipped to a generation of format 2 carrying the ε and δ of the date's {@code
 * _release.json}, as the publish stage writes it. Prints one line {@code PUTS key=value ...}.
 */
public final class PutPublish {
  /**
   * What one date contributed: rows, released values (the generation's {@code cells}), TOTAL hits,
   * values with a null delta, payload bytes.
   */
  record DateSums(long rows, long cells, long hits, long nullDeltas, long payloadBytes) {}

  private PutPublish() {}

  public static void main(String[] args) throws Exception {
    Cli.main("put-publish", args, PutPublish::run);
  }

  static int run(List<String> args) throws Exception {
    Options o =
        Options.parse(
            args,
            Set.of("warehouse", "from", "to", "zookeeper", "table", "threads", "write-buffer-mb"),
            Set.of());
    String warehouse = o.string("warehouse");
    LocalDate from = o.date("from");
    LocalDate to = o.date("to");
    String zookeeper = o.string("zookeeper");
    TableName table = TableName.valueOf(o.string("table"));
    int threads = o.integer("threads", 2, 1, 64);
    long bufferBytes = (long) o.integer("write-buffer-mb", 4, 1, 1024) << 20;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to must not be before --from, got " + from + ".." + to);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      dates.add(d);
    }

    // Every date's manifest before anything is written: a date that cannot be flipped fails the
    // run before its rows are.
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Map<LocalDate, ReleaseManifest> manifests = new TreeMap<>();
    for (LocalDate d : dates) {
      manifests.put(d, manifest(fs, warehouse, d));
    }

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
        Publisher.createTable(admin, table, dates);
      }
      tSetup = System.nanoTime();

      BufferedMutatorParams params = new BufferedMutatorParams(table).writeBufferSize(bufferBytes);
      ConcurrentLinkedQueue<LocalDate> todo = new ConcurrentLinkedQueue<>(dates);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (BufferedMutator mutator = connection.getBufferedMutator(params)) {
        List<Future<Map<LocalDate, DateSums>>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          workers.add(
              pool.submit(
                  () -> {
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
        PointerTable pointers = new PointerTable(t);
        for (LocalDate d : dates) {
          DateSums s = sums.get(d);
          boolean baselineMissing =
              baselineMissing(s, releaseDir(warehouse, d.minusDays(7)).isDirectory());
          ReleaseManifest m = manifests.get(d);
          pointers.publish(
              d,
              new Generation(
                  generation,
                  System.currentTimeMillis(),
                  baselineMissing,
                  s.cells(),
                  s.hits(),
                  m.epsilon(),
                  m.delta()),
              StoreLayout.MIN_KEPT_GENERATIONS);
        }
      }
      tFlip = System.nanoTime();
    }
    long rows = sums.values().stream().mapToLong(DateSums::rows).sum();
    long cells = sums.values().stream().mapToLong(DateSums::cells).sum();
    long payload = sums.values().stream().mapToLong(DateSums::payloadBytes).sum();
    double total = (tFlip - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "PUTS table=%s generation=%d dates=%d rows=%d values=%d payload_bytes=%d threads=%d "
            + "write_buffer_mb=%d setup_s=%.2f write_s=%.2f close_s=%.2f flip_s=%.2f total_s=%.2f values_per_s=%.0f%n",
        table,
        generation,
        dates.size(),
        rows,
        cells,
        payload,
        threads,
        bufferBytes >> 20,
        (tSetup - t0) / 1e9,
        (tWrite - tSetup) / 1e9,
        (tClose - tWrite) / 1e9,
        (tFlip - tClose) / 1e9,
        total,
        cells / total);
    return 0;
  }

  /**
   * The publish stage's baseline rule ({@code Generations.baselineMissing}, package-private in
   * etl): no baseline when a value has a null delta, or the date is empty and D-7 was never
   * released. {@code CompareTables verify} compares the flag with the bulk side's, so a drift
   * shows.
   */
  static boolean baselineMissing(DateSums s, boolean previousWeekExists) {
    return s.nullDeltas() > 0 || (s.cells() == 0 && !previousWeekExists);
  }

  private static File releaseDir(String warehouse, LocalDate date) {
    return new File(new File(warehouse, "release"), Layout.partition(date));
  }

  /**
   * The date's manifest, whose ε and δ the generation records (format 2), as the publish stage
   * does; a release without one is refused, as the publish refuses it.
   */
  static ReleaseManifest manifest(FileSystem fs, String warehouse, LocalDate date) {
    File dir = releaseDir(warehouse, date);
    return ReleaseManifest.read(fs, new Path(dir.toURI()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--from/--to: the release of "
                        + date
                        + " has no "
                        + ReleaseManifest.FILE
                        + " in "
                        + dir));
  }

  /** Reads, groups, packs and mutates every row of one date's release. */
  static DateSums writeDate(
      String warehouse, LocalDate date, long generation, BufferedMutator mutator)
      throws IOException {
    File dir = releaseDir(warehouse, date);
    if (!dir.isDirectory()) {
      throw new IllegalArgumentException(
          "--from/--to: no release for " + date + ", " + dir + " is not a directory");
    }
    Map<Integer, List<ReleasedValue>> byPc4 = new TreeMap<>();
    ReleaseParts.forEach(
        dir,
        date,
        v -> {
          RowKey.of(date, v.getPc4()); // rejects a pc4 the publish would count as BAD_CELL
          byPc4.computeIfAbsent(v.getPc4(), k -> new ArrayList<>()).add(v);
        });
    long rows = 0;
    long cells = 0;
    long hits = 0;
    long nullDeltas = 0;
    long payload = 0;
    for (Map.Entry<Integer, List<ReleasedValue>> e : byPc4.entrySet()) {
      RowBlocks b = RowBlocks.of(e.getValue());
      if (b.duplicates() > 0) {
        throw new IllegalStateException(
            "duplicate values in "
                + date
                + " pc4 "
                + e.getKey()
                + ": the publish refuses this release too");
      }
      byte[] row = RowKey.of(date, e.getKey()).toBytes();
      Put put =
          new Put(row, generation)
              .addColumn(StoreLayout.familyOf(ReleaseBlock.AREA), ReleaseBlock.AREA, b.area());
      if (b.cells() != null) {
        put.addColumn(StoreLayout.familyOf(ReleaseBlock.CELLS), ReleaseBlock.CELLS, b.cells());
      }
      mutator.mutate(put);
      rows++;
      cells += b.values();
      hits += b.totalHits();
      nullDeltas += b.nullDeltas();
      payload += row.length + b.area().length + (b.cells() == null ? 0 : b.cells().length);
    }
    return new DateSums(rows, cells, hits, nullDeltas, payload);
  }
}
