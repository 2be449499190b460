package nl.datapoints.serving.db;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.StoreUnavailableException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.client.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HBase-backed {@link CellStore}: one shared {@link Connection}, one multi-get per query,
 * the pointer row cached and refreshed in the background.
 *
 * <p>Every HBase call runs on a bounded pool and the caller waits at most the configured
 * deadline, so an outage answers {@link StoreUnavailableException} (503) in time even when the
 * client itself would block (ZooKeeper down, connection set-up). A closed or aborted connection
 * is re-created on the next call, so the service recovers by itself when HBase is back.
 */
public final class HBaseCellStore implements CellStore, Managed {
  private static final Logger LOG = LoggerFactory.getLogger(HBaseCellStore.class);
  private static final List<byte[]> ROLLUP_QUALIFIERS = List.of(CellBlock.BY_HOUR, CellBlock.BY_SBI);
  private static final List<byte[]> CELL_QUALIFIERS = List.of(CellBlock.CELLS);

  private final Configuration conf;
  private final TableName table;
  private final long deadlineMillis;
  private final long refreshMillis;
  private final ExecutorService calls;
  private final ScheduledExecutorService refresher;
  private final Timer getTimer;
  private final Timer pointerTimer;

  private final ReadMode readMode;
  private final ExecutorService scanPool;

  private volatile Connection connection;
  private volatile PublishedDates snapshot;

  /** How area rows are read. */
  public enum ReadMode {
    /** One multi-get of every date × pc4 row. */
    GET,
    /** One scan per date over the area's key ranges, in parallel. */
    SCAN
  }

  HBaseCellStore(Configuration conf, String table, long deadlineMillis, long refreshMillis, ReadMode readMode,
      MetricRegistry metrics) {
    this.conf = conf;
    this.readMode = readMode;
    // The per-date scans of one query run in parallel here; when all threads are busy (many
    // concurrent multi-date queries) the calling thread, itself one of the bounded `calls`,
    // runs its scan: slower, never refused, and the thread count stays bounded.
    this.scanPool = new ThreadPoolExecutor(0, 128, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemonThreads("hbase-scan-"), new ThreadPoolExecutor.CallerRunsPolicy());
    this.table = TableName.valueOf(table);
    this.deadlineMillis = deadlineMillis;
    this.refreshMillis = refreshMillis;
    this.calls = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemonThreads("hbase-call-"));
    this.refresher = Executors.newSingleThreadScheduledExecutor(daemonThreads("hbase-pointer-"));
    this.getTimer = metrics.timer(MetricRegistry.name(HBaseCellStore.class, "multiget"));
    this.pointerTimer = metrics.timer(MetricRegistry.name(HBaseCellStore.class, "pointer"));
  }

  @Override
  public void start() {
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws IOException {
    refresher.shutdownNow();
    calls.shutdownNow();
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
    PublishedDates s = call("reading the pointer row of table " + table, () -> {
      try (Timer.Context t = pointerTimer.time(); Table tb = connection().getTable(table)) {
        return parsePointer(tb.get(new Get(StoreLayout.POINTER_ROW).addFamily(StoreLayout.FAMILY)));
      }
    });
    snapshot = s;
    return s;
  }

  /**
   * Looks up where every region of the table is, which the shared connection then caches: the
   * start-up warm-up calls it so the first queries need no meta lookups (bounded by the deadline).
   *
   * @return the number of regions
   */
  public int locateRegions() {
    return call("locating the regions of table " + table, () -> {
      try (org.apache.hadoop.hbase.client.RegionLocator rl = connection().getRegionLocator(table)) {
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

  @Override
  public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, nl.datapoints.serving.core.RowSink sink) {
    if (readMode == ReadMode.SCAN) {
      scan(dates, pc4s, blocks, sink);
      return;
    }
    List<Get> gets = new ArrayList<>(dates.size() * pc4s.length);
    for (DatedGeneration d : dates) {
      for (int pc4 : pc4s) {
        Get get = new Get(RowKey.of(d.date(), pc4).toBytes());
        for (byte[] q : qualifiers(blocks)) {
          get.addColumn(StoreLayout.familyOf(q), q);
        }
        try {
          get.setTimeRange(d.generation(), d.generation() + 1);
        } catch (IOException e) {
          throw new IllegalArgumentException("generation must be a valid timestamp, got " + d.generation(), e);
        }
        gets.add(get);
      }
    }
    Result[] results = call("reading " + gets.size() + " rows from table " + table, () -> {
      try (Timer.Context t = getTimer.time(); Table tb = connection().getTable(table)) {
        return tb.get(gets);
      }
    });
    for (int i = 0; i < results.length; i++) {
      deliver(results[i], i / pc4s.length, i % pc4s.length, sink);
    }
  }

  /**
   * The alternative read path: per date one scan over the area's key ranges (runs of
   * consecutive pc4s) with a {@link MultiRowRangeFilter}, so the region server seeks within one
   * scanner instead of opening one per row. All dates' scans run in parallel.
   */
  private void scan(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, nl.datapoints.serving.core.RowSink sink) {
    List<Callable<List<Result>>> scans = new ArrayList<>(dates.size());
    for (DatedGeneration d : dates) {
      List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
      for (int i = 0; i < pc4s.length; ) {
        int j = i;
        while (j + 1 < pc4s.length && pc4s[j + 1] == pc4s[j] + 1) {
          j++;
        }
        ranges.add(new MultiRowRangeFilter.RowRange(RowKey.of(d.date(), pc4s[i]).toBytes(), true,
            RowKey.of(d.date(), pc4s[j]).toBytes(), true));
        i = j + 1;
      }
      Scan scan = new Scan()
          .withStartRow(RowKey.of(d.date(), pc4s[0]).toBytes(), true)
          .withStopRow(RowKey.of(d.date(), pc4s[pc4s.length - 1]).toBytes(), true)
          .setFilter(new MultiRowRangeFilter(ranges))
          .setCaching(Math.min(pc4s.length, 1000))
          .setReadType(Scan.ReadType.PREAD);
      for (byte[] q : qualifiers(blocks)) {
        scan.addColumn(StoreLayout.familyOf(q), q);
      }
      try {
        scan.setTimeRange(d.generation(), d.generation() + 1);
      } catch (IOException e) {
        throw new IllegalArgumentException("generation must be a valid timestamp, got " + d.generation(), e);
      }
      scans.add(() -> {
        List<Result> out = new ArrayList<>();
        try (Table tb = connection().getTable(table); ResultScanner rs = tb.getScanner(scan)) {
          for (Result r : rs) {
            out.add(r);
          }
        }
        return out;
      });
    }
    List<List<Result>> perDate = call("scanning " + dates.size() + " dates of table " + table, () -> {
      try (Timer.Context t = getTimer.time()) {
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
        int idx = java.util.Arrays.binarySearch(pc4s, RowKey.parse(r.getRow()).pc4());
        if (idx >= 0) {
          deliver(r, d, idx, sink);
        }
      }
    }
  }

  /**
   * The blocks a read asks for; each is read from its family ({@link StoreLayout#familyOf}), so
   * a rollup read touches only family r and never opens the store files of the cells blocks.
   */
  private static List<byte[]> qualifiers(Blocks blocks) {
    return blocks == Blocks.ROLLUPS ? ROLLUP_QUALIFIERS : CELL_QUALIFIERS;
  }

  private static void deliver(Result r, int dateIndex, int pc4Index, nl.datapoints.serving.core.RowSink sink) {
    if (r == null || r.isEmpty()) {
      return;
    }
    byte[] h = null;
    byte[] s = null;
    byte[] c = null;
    for (Cell cell : r.rawCells()) {
      byte q = cell.getQualifierLength() == 1 ? cell.getQualifierArray()[cell.getQualifierOffset()] : 0;
      if (q == CellBlock.BY_HOUR[0]) {
        h = CellUtil.cloneValue(cell);
      } else if (q == CellBlock.BY_SBI[0]) {
        s = CellUtil.cloneValue(cell);
      } else if (q == CellBlock.CELLS[0]) {
        c = CellUtil.cloneValue(cell);
      }
    }
    sink.row(dateIndex, pc4Index, h, s, c);
  }

  static PublishedDates parsePointer(Result r) {
    Map<LocalDate, Generation> current = new HashMap<>();
    Map<LocalDate, List<Generation>> kept = new HashMap<>();
    if (r == null || r.isEmpty()) {
      return PublishedDates.EMPTY;
    }
    for (Cell cell : r.rawCells()) {
      byte[] q = CellUtil.cloneQualifier(cell);
      String name = new String(q, java.nio.charset.StandardCharsets.US_ASCII);
      try {
        if (q.length == 10) {
          current.put(LocalDate.parse(name), Generation.parse(CellUtil.cloneValue(cell)));
        } else if (name.length() == 15 && name.endsWith("/kept")) {
          kept.put(LocalDate.parse(name.substring(0, 10)), Generation.parseList(CellUtil.cloneValue(cell)));
        }
      } catch (RuntimeException e) {
        // One bad pointer entry must not hide every other date.
        LOG.error("ignoring malformed pointer-row cell {}: {}", name, e.getMessage());
      }
    }
    return new PublishedDates(current, kept);
  }

  private synchronized Connection connection() throws IOException {
    Connection c = connection;
    if (c == null || c.isClosed() || c.isAborted()) {
      c = ConnectionFactory.createConnection(conf);
      connection = c;
    }
    return c;
  }

  private <T> T call(String what, Callable<T> task) {
    Future<T> f;
    try {
      f = calls.submit(task);
    } catch (RejectedExecutionException e) {
      throw new StoreUnavailableException("HBase call pool exhausted while " + what, e);
    }
    try {
      return f.get(deadlineMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // No interrupt: an interrupted HBase client thread can leave the shared connection in a
      // bad state; the client's own (short) timeouts end the abandoned call soon after.
      f.cancel(false);
      throw new StoreUnavailableException("HBase did not answer within " + deadlineMillis + " ms while " + what, e);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException("HBase failed while " + what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(false);
      throw new StoreUnavailableException("interrupted while " + what, e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "HBaseCellStore" + Arrays.asList(table.getNameAsString(), deadlineMillis + "ms");
  }
}
