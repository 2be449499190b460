package nl.datapoints.etl.publish;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.PointerRow.DatePointer;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes releases to the HBase serving store, rolls dates back and reports status (driver).
 *
 * <p>Publish = HFile job for the whole batch → bulk load under the generation's timestamp → one
 * pointer flip per date. Until a date's flip, readers keep seeing its previous generation.
 */
public final class Publisher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private final Configuration conf;
  private final TableName table;
  private final Connection connection;
  private final Clock clock;
  private Runnable beforeFlip = () -> {};

  private Publisher(Configuration conf, TableName table, Connection connection, Clock clock) {
    this.conf = conf;
    this.table = table;
    this.connection = connection;
    this.clock = clock;
  }

  /**
   * Connects to HBase: {@code hbase-site.xml} from the classpath / {@code HBASE_CONF_DIR},
   * overridden by {@code zookeeper} ({@code host:port}) when given.
   */
  public static Publisher connect(Configuration conf, String table, Optional<String> zookeeper)
      throws IOException {
    Configuration hbase = HBaseConf.create(conf, zookeeper);
    TableName name = TableName.valueOf(table);
    return new Publisher(hbase, name, ConnectionFactory.createConnection(hbase), Clock.systemUTC());
  }

  /**
   * Creates {@code table} as the first publish of {@code dates} creates it (layout version,
   * families, split points), or checks the layout of an existing one. Public for the publish
   * benchmark's Put-based writer ({@code nl.datapoints.bench.publish.PutPublish}), whose table must
   * be set up exactly like the bulk-loaded one.
   */
  public static void createTable(Admin admin, TableName table, List<LocalDate> dates)
      throws IOException {
    TableSetup.ensureTable(admin, table, dates, PublishConfig.DEFAULT_SPLITS_PER_DATE);
  }

  /** Test hook: runs after the bulk load and before the first pointer flip. */
  void beforeFlip(Runnable hook) {
    this.beforeFlip = hook;
  }

  /** Publishes every date of {@code config} as generation {@code config.generation()}. */
  public PublishResult publish(PublishConfig config) throws IOException {
    if (!TableName.valueOf(config.table()).equals(table)) {
      throw new IllegalArgumentException(
          "--table of the publish must be the connected table "
              + table
              + ", got "
              + config.table());
    }
    Path work = workDir(config);
    FileSystem fs = work.getFileSystem(conf);
    // Every date's manifest before anything is touched: one missing must not stop the batch
    // half-way, with the dates before it flipped and those after it not.
    Map<LocalDate, ReleaseManifest> manifests = new TreeMap<>();
    for (LocalDate date : config.dates()) {
      Path dir = Layout.releaseOf(new Path(config.warehouseDir()), date);
      if (!fs.isDirectory(dir)) {
        continue; // the HFile job names the missing release
      }
      manifests.put(
          date,
          ReleaseManifest.read(fs, dir)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--date "
                              + date
                              + ": "
                              + fs.makeQualified(dir)
                              + " has no "
                              + ReleaseManifest.FILE
                              + ", so it was not written by the release stage (run the release for the date again)")));
    }
    try (Admin admin = connection.getAdmin()) {
      TableSetup.ensureTable(admin, table, config.dates(), config.splitsPerDate());
    }
    fs.delete(work, true);
    Path hfiles = new Path(work, "hfiles");

    long t0 = clock.millis();
    Job job = HFileJob.create(conf, config, hfiles);
    runJob(job, config);
    StageStats totals = readTotals(fs, new Path(hfiles, PublishReducer.STATS_DIR));
    long t1 = clock.millis();
    boolean anyFamily = false;
    for (byte[] f : StoreLayout.FAMILIES) {
      anyFamily |= fs.exists(new Path(hfiles, Bytes.toString(f)));
    }
    if (anyFamily) {
      BulkLoadHFiles.create(conf).bulkLoad(table, hfiles);
    }
    long t2 = clock.millis();
    LOG.info(
        "generation {}: HFile job {} ms, bulk load {} ms", config.generation(), t1 - t0, t2 - t1);

    beforeFlip.run();
    List<DateStatus> flipped = new ArrayList<>();
    try (Table t = connection.getTable(table)) {
      PointerTable pointers = new PointerTable(t);
      for (LocalDate date : config.dates()) {
        DateTotals dt = DateTotals.of(totals, date);
        boolean baselineMissing =
            Generations.baselineMissing(
                dt,
                fs.exists(
                    Layout.releaseOf(
                        new Path(config.warehouseDir()), Generations.baselineDate(date))));
        ReleaseManifest manifest = manifests.get(date);
        Generation fresh =
            new Generation(
                config.generation(),
                clock.millis(),
                baselineMissing,
                dt.cells(),
                dt.hits(),
                manifest.epsilon(),
                manifest.delta());
        List<Generation> kept = pointers.publish(date, fresh, config.keepGenerations());
        flipped.add(new DateStatus(date.toString(), fresh, kept));
        LOG.info(
            "published {} generation {}: {} cells, {} hits{}",
            date,
            fresh.id(),
            fresh.cells(),
            fresh.hits(),
            baselineMissing ? ", baseline missing" : "");
      }
    }
    fs.delete(work, true);
    return new PublishResult(config.generation(), flipped, t1 - t0, t2 - t1);
  }

  private static Path workDir(PublishConfig config) {
    return new Path(
        new Path(config.warehouseDir(), "_publish"), Long.toString(config.generation()));
  }

  private static void runJob(Job job, PublishConfig config) throws IOException {
    try {
      if (!job.waitForCompletion(true)) {
        throw new IOException(job.getJobName() + " failed: " + job.getStatus().getFailureInfo());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + job.getJobName(), e);
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot run " + job.getJobName(), e);
    }
    Counters counters = job.getCounters();
    long bad = counters.findCounter(PublishCounters.BAD_CELL).getValue();
    long dup = counters.findCounter(PublishCounters.DUPLICATE_CELL).getValue();
    if (bad > 0 || dup > 0) {
      throw new IOException(
          "not publishing generation "
              + config.generation()
              + " of "
              + config.dates()
              + ": the release holds "
              + bad
              + " values that cannot be packed and "
              + dup
              + " duplicate values (see counters "
              + PublishCounters.class.getSimpleName()
              + ")");
    }
  }

  private static StageStats readTotals(FileSystem fs, Path dir) throws IOException {
    StageStats totals = StageStats.readDir(fs, dir);
    // Bulk load treats every directory under the output as a column family.
    fs.delete(dir, true);
    return totals;
  }

  /**
   * Points {@code date} back to the kept generation before the current one, or to {@code
   * generation} (which must be kept). The kept list is unchanged.
   */
  public DateStatus rollback(LocalDate date, Optional<Long> generation) throws IOException {
    if (status(Optional.of(date)).dates().isEmpty()) {
      throw new IllegalArgumentException(
          "--date " + date + " was never published in table " + table);
    }
    try (Table t = connection.getTable(table)) {
      PointerTable pointers = new PointerTable(t);
      DatePointer now =
          pointers
              .read(date)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--date " + date + " was never published in table " + table));
      Generation target = PointerRow.rollbackTarget(now, generation);
      pointers.flip(date, Optional.of(now), target, now.kept());
      LOG.info("rolled {} back from generation {} to {}", date, now.current().id(), target.id());
      return new DateStatus(date.toString(), target, now.kept());
    }
  }

  /** Every published date, or only {@code date} (empty list when it was never published). */
  public PublishStatus status(Optional<LocalDate> date) throws IOException {
    int layout;
    try (Admin admin = connection.getAdmin()) {
      if (!admin.tableExists(table)) {
        return new PublishStatus(table.getNameAsString(), 0, List.of());
      }
      layout = TableSetup.layoutVersion(admin.getDescriptor(table));
    }
    try (Table t = connection.getTable(table)) {
      PointerTable pointers = new PointerTable(t);
      List<DatePointer> read =
          date.isPresent()
              ? pointers.read(date.get()).map(List::of).orElse(List.of())
              : pointers.readAll();
      List<DateStatus> dates = read.stream().map(DateStatus::of).toList();
      return new PublishStatus(table.getNameAsString(), layout, dates);
    }
  }

  /**
   * Disables and deletes the table, if it exists: for a table in an older store layout, which a
   * publish refuses to add to and the service cannot read.
   *
   * @return true when a table was dropped, false when there was none
   */
  public boolean dropTable() throws IOException {
    try (Admin admin = connection.getAdmin()) {
      if (!admin.tableExists(table)) {
        return false;
      }
      if (admin.isTableEnabled(table)) {
        admin.disableTable(table);
      }
      admin.deleteTable(table);
      LOG.info("dropped table {}", table);
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
