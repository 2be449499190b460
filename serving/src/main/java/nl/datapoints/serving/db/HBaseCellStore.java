package nl.datapoints.serving.db;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.datapoints.endpoint.AreaSums;
import nl.datapoints.endpoint.SumsRequest;
import nl.datapoints.endpoint.shadedhbase.AreaSumsProtocol;
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
import org.apache.hadoop.hbase.client.AsyncConnection;
import org.apache.hadoop.hbase.client.AsyncTable;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.filter.Filter;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.filter.TimestampsFilter;
import org.apache.hadoop.hbase.shaded.com.google.protobuf.Message;
import org.apache.hadoop.hbase.shaded.com.google.protobuf.RpcChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HBase-backed {@link CellStore}: one shared {@link Connection} (and an asynchronous one for
 * region sums); per query the sums are made next to the data by the regions' {@code
 * datapoints.AreaSums} endpoint ({@link #sum}, {@code hbase.regionSums}), or, where the region
 * servers do not have it, one scan over the area's key ranges on every requested date (or a few in
 * parallel, {@code hbase.scansPerQuery}); the pointer row cached and refreshed in the background.
 * Every HBase call is bounded by the deadline ({@link DeadlineCalls} for the blocking calls, the
 * wait for the asynchronous client's region sums); a closed or aborted connection is re-created on
 * the next call, so the service recovers by itself when HBase is back.
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
  private final int scansPerQuery;
  private final int[] knownPc4s;
  private final boolean regionSums;
  private final Timer sumTimer;

  private volatile Connection connection;

  /** The connection region sums are asked on, once asked for ({@link #asyncTable}). */
  private CompletableFuture<AsyncConnection> asyncConnection;

  /**
   * Until when (nanoTime) the endpoint counts as missing and queries scan instead; 0 while the
   * endpoint answers.
   */
  private volatile long endpointMissingUntil;

  private volatile PublishedDates snapshot;

  HBaseCellStore(
      Configuration conf,
      String table,
      long deadlineMillis,
      long refreshMillis,
      int scansPerQuery,
      int[] knownPc4s,
      boolean regionSums,
      MetricRegistry metrics) {
    this.conf = conf;
    this.regionSums = regionSums;
    this.knownPc4s = knownPc4s.clone();
    Arrays.sort(this.knownPc4s);
    this.table = TableName.valueOf(table);
    this.refreshMillis = refreshMillis;
    this.scansPerQuery = scansPerQuery;
    this.calls = new DeadlineCalls(deadlineMillis, 64, "hbase-call-");
    // The scans of one query (scansPerQuery > 1) run in parallel here; when all threads are busy
    // (many
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
    this.sumTimer = metrics.timer(MetricRegistry.name(HBaseCellStore.class, "sum"));
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
    CompletableFuture<AsyncConnection> a;
    synchronized (this) {
      a = asyncConnection;
      asyncConnection = null;
    }
    if (a != null) {
      a.thenAccept(HBaseCellStore::closeQuietly);
    }
  }

  private static void closeQuietly(AsyncConnection c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.warn("closing the asynchronous HBase connection failed: {}", e.getMessage());
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
   * The whole query in as few scans as {@link #scansPerQuery} allows: the dates are split into that
   * many contiguous groups (one, by default), each read by ONE scan over the area's key ranges on
   * every date of its group ({@link AreaScan#ranges}, a {@link MultiRowRangeFilter}), at exactly
   * each date's generation ({@link AreaScan.Generations}); with more than one group the scans run
   * in parallel.
   */
  @Override
  public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink) {
    List<List<DatedGeneration>> groups = AreaScan.groups(dates, scansPerQuery);
    List<Callable<List<Result>>> scans = new ArrayList<>(groups.size());
    for (List<DatedGeneration> group : groups) {
      Scan scan = scan(group, pc4s, knownPc4s, blocks);
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
    List<List<Result>> perGroup =
        calls.call(
            "scanning " + dates.size() + " dates of table " + table, () -> all(scans, readTimer));
    AreaScan.Generations gens = new AreaScan.Generations(dates);
    for (List<Result> results : perGroup) {
      for (Result r : results) {
        Cell[] cells = r.rawCells();
        if (cells == null || cells.length == 0) {
          continue;
        }
        RowKey key =
            RowKey.parse(cells[0].getRowArray(), cells[0].getRowOffset(), cells[0].getRowLength());
        int d = gens.indexOf(key.date());
        // The key ranges may span postcode4s the gazetteer does not know (no rows there, as a
        // rule); a row outside the area is skipped here.
        int idx = Arrays.binarySearch(pc4s, key.pc4());
        if (d >= 0 && idx >= 0) {
          deliver(cells, d, gens.generation(d), idx, sink);
        }
      }
    }
  }

  /** How long the endpoint counts as missing after a region said it has none. */
  static final long ENDPOINT_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(60);

  /**
   * The sums next to the data: ONE endpoint call per region that holds rows of the query (the
   * asynchronous client's {@code coprocessorService}, the regions in parallel), each answering the
   * sums of its own rows, added here once every region has answered; with {@code
   * hbase.scansPerQuery} above one, the dates are asked for in that many contiguous groups at once,
   * so one query's regions sum on every core. The calling thread waits for the answers itself, at
   * most the deadline (no thread hop: the client's event loop hands the parts over). When the
   * region servers have no {@code datapoints.AreaSums} endpoint this says so once in the log,
   * returns false (the query scans) and asks again a minute later; any other failure is the store's
   * failure, as for a scan.
   */
  @Override
  public boolean sum(List<DatedGeneration> dates, int[] pc4s, AreaSums sums) {
    long missingUntil = endpointMissingUntil;
    if (!regionSums || (missingUntil != 0 && System.nanoTime() - missingUntil < 0)) {
      return false;
    }
    List<AreaScan.Run> runs = AreaScan.runs(pc4s, knownPc4s);
    if (runs.isEmpty()) {
      return false;
    }
    int[] first = new int[runs.size()];
    int[] last = new int[runs.size()];
    for (int i = 0; i < first.length; i++) {
      first[i] = runs.get(i).first();
      last[i] = runs.get(i).last();
    }
    List<List<DatedGeneration>> groups = AreaScan.groups(dates, scansPerQuery);
    String what = "summing " + dates.size() + " dates of table " + table + " in its regions";
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(calls.deadlineMillis());
    List<List<ByteBuffer>> perGroup = new ArrayList<>(groups.size());
    try (Timer.Context t = sumTimer.time()) {
      AsyncTable<?> tb = asyncTable(what, deadline);
      List<CompletableFuture<List<ByteBuffer>>> asks = new ArrayList<>(groups.size());
      for (List<DatedGeneration> group : groups) {
        asks.add(
            ask(tb, new SumsRequest(sums.spec(), days(group), gens(group), pc4s, first, last)));
      }
      for (CompletableFuture<List<ByteBuffer>> ask : asks) {
        perGroup.add(await(ask, what, deadline));
      }
    } catch (StoreUnavailableException e) {
      if (!noEndpoint(e)) {
        throw e;
      }
      if (missingUntil == 0) {
        LOG.warn(
            "the region servers of table {} have no {} endpoint: queries scan rows instead,"
                + " checked again every {} s ({})",
            table,
            AreaSumsProtocol.SERVICE_NAME,
            TimeUnit.NANOSECONDS.toSeconds(ENDPOINT_RECHECK_NANOS),
            String.valueOf(e.getCause()));
      }
      // Never 0, so it always reads as missing until then.
      endpointMissingUntil = (System.nanoTime() + ENDPOINT_RECHECK_NANOS) | 1;
      return false;
    }
    if (missingUntil != 0) {
      LOG.info("the {} endpoint answers again: queries sum in the regions", table);
      endpointMissingUntil = 0;
    }
    int offset = 0;
    for (int g = 0; g < groups.size(); g++) {
      for (ByteBuffer part : perGroup.get(g)) {
        sums.add(part, offset);
      }
      offset += groups.get(g).size();
    }
    return true;
  }

  /**
   * One endpoint call over the regions that hold the rows of {@code request}'s dates: the regions'
   * parts (read-only views of the responses, no copy), or the first region's failure.
   */
  private static CompletableFuture<List<ByteBuffer>> ask(AsyncTable<?> tb, SumsRequest request) {
    Message message = AreaSumsProtocol.request(request.toBytes());
    CompletableFuture<List<ByteBuffer>> out = new CompletableFuture<>();
    List<ByteBuffer> parts = new ArrayList<>();
    tb.<RpcChannel, Message>coprocessorService(
            channel -> channel,
            (channel, controller, done) ->
                channel.callMethod(
                    AreaSumsProtocol.SUM,
                    controller,
                    message,
                    AreaSumsProtocol.responsePrototype(),
                    done),
            new AsyncTable.CoprocessorCallback<>() {
              private Throwable failure;

              @Override
              public synchronized void onRegionComplete(RegionInfo region, Message response) {
                parts.add(AreaSumsProtocol.payloadBuffer(response));
              }

              @Override
              public synchronized void onRegionError(RegionInfo region, Throwable error) {
                if (failure == null) {
                  failure = error;
                }
              }

              @Override
              public synchronized void onComplete() {
                if (failure != null) {
                  out.completeExceptionally(failure);
                } else {
                  out.complete(parts);
                }
              }

              @Override
              public void onError(Throwable error) {
                out.completeExceptionally(error);
              }
            })
        .fromRow(request.firstKey(0), true)
        .toRow(request.lastKey(request.dates().length - 1), true)
        .execute();
    return out;
  }

  /** The answer of {@code f} by {@code deadline} (nanoTime), or the store's failure. */
  private <T> T await(CompletableFuture<T> f, String what, long deadline) {
    try {
      return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new StoreUnavailableException(
          "HBase did not answer within " + calls.deadlineMillis() + " ms while " + what, e);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException("HBase failed while " + what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(false);
      throw new StoreUnavailableException("interrupted while " + what, e);
    }
  }

  /**
   * The table on the shared asynchronous connection, which is made on first use (and again after it
   * was closed): a connection still being made when the deadline passes is kept for the next call.
   */
  private AsyncTable<?> asyncTable(String what, long deadline) {
    CompletableFuture<AsyncConnection> f;
    synchronized (this) {
      f = asyncConnection;
      AsyncConnection c = f == null ? null : f.getNow(null);
      if (f == null || f.isCompletedExceptionally() || (c != null && c.isClosed())) {
        f = ConnectionFactory.createAsyncConnection(conf);
        asyncConnection = f;
      }
    }
    return await(f, "connecting to HBase for " + what, deadline).getTable(table);
  }

  private static LocalDate[] days(List<DatedGeneration> dates) {
    return dates.stream().map(DatedGeneration::date).toArray(LocalDate[]::new);
  }

  private static long[] gens(List<DatedGeneration> dates) {
    return dates.stream().mapToLong(DatedGeneration::generation).toArray();
  }

  /** Whether a failure says a region has no such endpoint (UnknownProtocolException). */
  static boolean noEndpoint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t.getClass().getSimpleName().equals("UnknownProtocolException")
          || m.contains("No registered coprocessor service found")
          || m.contains("UnknownProtocolException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the calls of one query, timed as one: a single call in this thread, several at once on the
   * scan pool (whose caller-runs policy keeps its thread count bounded); their results in order.
   */
  private <T> List<T> all(List<Callable<T>> calls, Timer timer) throws Exception {
    try (Timer.Context t = timer.time()) {
      if (calls.size() == 1) {
        return List.of(calls.get(0).call());
      }
      List<Future<T>> fs = new ArrayList<>(calls.size());
      for (Callable<T> c : calls) {
        fs.add(scanPool.submit(c));
      }
      List<T> out = new ArrayList<>(fs.size());
      for (Future<T> f : fs) {
        out.add(f.get());
      }
      return out;
    }
  }

  private static Scan scan(List<DatedGeneration> dates, int[] pc4s, int[] known, Blocks blocks) {
    List<AreaScan.Range> keyRanges = AreaScan.ranges(dates, pc4s, known);
    List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>(keyRanges.size());
    for (AreaScan.Range range : keyRanges) {
      ranges.add(new MultiRowRangeFilter.RowRange(range.first(), true, range.last(), true));
    }
    // The ranges are in key order: the scan spans from the first one's start to the last one's end.
    byte[] start = keyRanges.get(0).first();
    byte[] stop = keyRanges.get(keyRanges.size() - 1).last();
    long[] distinct = AreaScan.distinctGenerations(dates);
    Filter rows = new MultiRowRangeFilter(ranges);
    Scan scan =
        new Scan()
            .withStartRow(start, true)
            .withStopRow(stop, true)
            .setCaching(Math.min(dates.size() * pc4s.length, 2000))
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
      // The time range lets HBase skip store files outside the generations read; with several
      // generations (dates published apart) only those exact versions come back, and deliver()
      // keeps per row the one of its own date.
      scan.setTimeRange(distinct[0], distinct[distinct.length - 1] + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "generations must be valid timestamps, got " + Arrays.toString(distinct), e);
    }
    if (distinct.length == 1) {
      scan.setFilter(rows);
    } else {
      List<Long> ts = new ArrayList<>(distinct.length);
      for (long g : distinct) {
        ts.add(g);
      }
      scan.setFilter(
          new FilterList(FilterList.Operator.MUST_PASS_ALL, rows, new TimestampsFilter(ts)));
      scan.readVersions(distinct.length);
    }
    return scan;
  }

  /**
   * Hands each block of the row's own generation to the sink where the client holds it (no copy).
   */
  private static void deliver(
      Cell[] cells, int dateIndex, long generation, int pc4Index, RowSink sink) {
    for (Cell cell : cells) {
      if (cell.getTimestamp() != generation) {
        continue;
      }
      RowSink.Block block;
      if (CellUtil.matchingColumn(cell, AREA_FAMILY, ReleaseBlock.AREA)) {
        block = RowSink.Block.AREA;
      } else if (CellUtil.matchingColumn(cell, CELLS_FAMILY, ReleaseBlock.CELLS)) {
        block = RowSink.Block.CELLS;
      } else {
        continue;
      }
      sink.block(
          dateIndex,
          pc4Index,
          block,
          cell.getValueArray(),
          cell.getValueOffset(),
          cell.getValueLength());
    }
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
