package nl.datapoints.serving.db;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.RowSink;
import nl.datapoints.serving.core.StoreUnavailableException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HBase-backed {@link CellStore}: one shared {@link Connection}, per query one scan per date
 * over the area's key ranges (in parallel), the pointer row cached and refreshed in the background.
 * Every HBase call is bounded by {@link DeadlineCalls}; a closed or aborted connection is
 * re-created on the next call, so the service recovers by itself when HBase is back.
 */
public final class HBaseCellStore implements CellStore, Managed {
  private static final Logger LOG = LoggerFactory.getLogger(HBaseCellStore.class);
  private static final byte[] AREA_FAMILY = StoreLayout.familyOf(ReleaseBlock.AREA);
  private static final byte[] CELLS_FAMILY = StoreLayout.familyOf(ReleaseBlock.CELLS);

  private final Configuration conf;
  private final TableName table;
  private final long refreshMillis;
  private final DeadlineCalls calls;
  private final ExecutorService scanPool;
  private final ScheduledExecutorService refresher;
  private final Timer readTimer;
  private final Timer pointerTimer;

  private volatile Connection connection;
  private volatile PublishedDates snapshot;

  HBaseCellStore(
      Configuration conf,
      String table,
      long deadlineMillis,
      long refreshMillis,
      MetricRegistry metrics) {
    this.conf = conf;
    this.table = TableName.valueOf(table);
    this.refreshMillis = refreshMillis;
    this.calls = new DeadlineCalls(deadlineMillis, 64, "hbase-call-");
    // The per-date scans of one query run in parallel here; when all threads are busy (many
    // concurrent multi-date queries) the calling thread, itself one of the bounded calls, runs
    // its scan: slower, never refused, and the thread count stays bounded.
    this.scanPool =
        new ThreadPoolExecutor(
            0,
            128,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            DeadlineCalls.daemonThreads("hbase-scan-"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(DeadlineCalls.daemonThreads("hbase-pointer-"));
    this.readTimer = metrics.timer(MetricRegistry.name(HBaseCellStore.class, "read"));
    this.pointerTimer = metrics.timer(MetricRegistry.name(HBaseCellStore.class, "pointer"));
  }

  @Override
  public void start() {
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws IOException {
    refresher.shutdownNow();
    calls.shutdown();
    scanPool.shutdownNow();
    Connection c = connection;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public PublishedDates published() {
    PublishedDates s = snapshot;
    return s != null ? s : refresh();
  }

  /** Reads the pointer row now; used by the health check and when no snapshot exists yet. */
  public PublishedDates refresh() {
    PublishedDates s =
        calls.call(
            "reading the pointer row of table " + table,
            () -> {
              try (Timer.Context t = pointerTimer.time();
                  Table tb = connection().getTable(table)) {
                Result r = tb.get(new Get(StoreLayout.POINTER_ROW).addFamily(StoreLayout.FAMILY));
                // One bad pointer entry must not hide every other date.
                return PublishedDates.of(
                    PointerRow.decode(
                        cells(r),
                        (q, why) ->
                            LOG.error("ignoring malformed pointer-row cell {}: {}", q, why)));
              }
            });
    snapshot = s;
    return s;
  }

  /** The store layout version the table records ({@link StoreLayout#VERSION_KEY}). */
  public int layoutVersion() {
    return calls.call(
        "reading the descriptor of table " + table,
        () -> {
          try (Admin admin = connection().getAdmin()) {
            TableDescriptor d = admin.getDescriptor(table);
            return StoreLayout.versionOf(
                d.getValue(StoreLayout.VERSION_KEY),
                d.getColumnFamily(StoreLayout.ROLLUP_FAMILY) != null);
          }
        });
  }

  /**
   * Looks up where every region of the table is, which the shared connection then caches: the
   * start-up warm-up calls it so the first queries need no meta lookups (bounded by the deadline).
   *
   * @return the number of regions
   */
  public int locateRegions() {
    return calls.call(
        "locating the regions of table " + table,
        () -> {
          try (RegionLocator rl = connection().getRegionLocator(table)) {
            return rl.getAllRegionLocations().size();
          }
        });
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (StoreUnavailableException e) {
      LOG.warn("pointer row refresh failed: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
    } catch (RuntimeException e) {
      LOG.error("pointer row refresh failed", e);
    }
  }

  /**
   * Per date one scan over the area's key ranges ({@link AreaScan#runs}) with a {@link
   * MultiRowRangeFilter}, at exactly the date's generation; all dates' scans in parallel.
   */
  @Override
  public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink) {
    List<Callable<List<Result>>> scans = new ArrayList<>(dates.size());
    for (DatedGeneration d : dates) {
      Scan scan = scan(d, pc4s, blocks);
      scans.add(
          () -> {
            List<Result> out = new ArrayList<>();
            try (Table tb = connection().getTable(table);
                ResultScanner rs = tb.getScanner(scan)) {
              for (Result r : rs) {
                out.add(r);
              }
            }
            return out;
          });
    }
    List<List<Result>> perDate =
        calls.call(
            "scanning " + dates.size() + " dates of table " + table,
            () -> {
              try (Timer.Context t = readTimer.time()) {
                List<Future<List<Result>>> fs = new ArrayList<>();
                for (Callable<List<Result>> c : scans) {
                  fs.add(scanPool.submit(c));
                }
                List<List<Result>> out = new ArrayList<>();
                for (Future<List<Result>> f : fs) {
                  out.add(f.get());
                }
                return out;
              }
            });
    for (int d = 0; d < perDate.size(); d++) {
      for (Result r : perDate.get(d)) {
        int idx = Arrays.binarySearch(pc4s, RowKey.parse(r.getRow()).pc4());
        if (idx >= 0) {
          deliver(r, d, idx, sink);
        }
      }
    }
  }

  private static Scan scan(DatedGeneration d, int[] pc4s, Blocks blocks) {
    List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
    for (AreaScan.Run run : AreaScan.runs(pc4s)) {
      ranges.add(
          new MultiRowRangeFilter.RowRange(
              RowKey.of(d.date(), run.first()).toBytes(),
              true,
              RowKey.of(d.date(), run.last()).toBytes(),
              true));
    }
    Scan scan =
        new Scan()
            .withStartRow(RowKey.of(d.date(), pc4s[0]).toBytes(), true)
            .withStopRow(RowKey.of(d.date(), pc4s[pc4s.length - 1]).toBytes(), true)
            .setFilter(new MultiRowRangeFilter(ranges))
            .setCaching(Math.min(pc4s.length, 1000))
            .setReadType(Scan.ReadType.PREAD);
    // Each block is read from its own family, so an unfiltered read touches only family r and
    // never opens the store files of the cells blocks, and an activity filter only family d.
    if (blocks.area()) {
      scan.addColumn(AREA_FAMILY, ReleaseBlock.AREA);
    }
    if (blocks.cells()) {
      scan.addColumn(CELLS_FAMILY, ReleaseBlock.CELLS);
    }
    try {
      scan.setTimeRange(d.generation(), d.generation() + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "generation must be a valid timestamp, got " + d.generation(), e);
    }
    return scan;
  }

  private static void deliver(Result r, int dateIndex, int pc4Index, RowSink sink) {
    if (r == null || r.isEmpty()) {
      return;
    }
    byte[] area = null;
    byte[] cells = null;
    for (Cell cell : r.rawCells()) {
      if (CellUtil.matchingColumn(cell, AREA_FAMILY, ReleaseBlock.AREA)) {
        area = CellUtil.cloneValue(cell);
      } else if (CellUtil.matchingColumn(cell, CELLS_FAMILY, ReleaseBlock.CELLS)) {
        cells = CellUtil.cloneValue(cell);
      }
    }
    sink.row(dateIndex, pc4Index, area, cells);
  }

  /** The cells of a pointer-row read as qualifier → value, for {@link PointerRow#decode}. */
  static List<Map.Entry<byte[], byte[]>> cells(Result r) {
    return r.isEmpty()
        ? List.of()
        : Arrays.stream(r.rawCells())
            .map(c -> Map.entry(CellUtil.cloneQualifier(c), CellUtil.cloneValue(c)))
            .toList();
  }

  private synchronized Connection connection() throws IOException {
    Connection c = connection;
    if (c == null || c.isClosed() || c.isAborted()) {
      c = ConnectionFactory.createConnection(conf);
      connection = c;
    }
    return c;
  }

  @Override
  public String toString() {
    return "HBaseCellStore" + Arrays.asList(table.getNameAsString(), calls.deadlineMillis() + "ms");
  }
}
