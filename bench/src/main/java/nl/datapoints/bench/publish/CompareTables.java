package nl.datapoints.bench.publish;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.etl.publish.HBaseConf;
import nl.datapoints.etl.publish.PointerTable;
import nl.datapoints.etl.publish.Publisher;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.PointerRow.DatePointer;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * Measures and compares the two tables of the publish benchmark:
 *
 * <pre>
 *   sizes  --root HBASE_ROOT_DIR TABLE...   "SIZE table=T regions=N files=N bytes=B": the store files
 *                                           of every family on disk (standalone HBase on the local
 *                                           file system; checksum files excluded)
 *   flush  --zookeeper H:P TABLE...         flushes every region (memstore → HFiles); "FLUSH table=T s=S"
 *   verify --zookeeper H:P TABLE_A TABLE_B  {@link TableView} of each ("SEEN ..."), then
 *                                           "VERIFY EQUAL" or "VERIFY DIFFERENT: why" (exit 1)
 *   drop   --zookeeper H:P TABLE...         drops each table that exists (Publisher.dropTable)
 * </pre>
 */
public final class CompareTables {
  private static final List<String> COMMANDS = List.of("sizes", "flush", "verify", "drop");

  private CompareTables() {}

  public static void main(String[] args) throws Exception {
    Cli.main("compare-tables", args, CompareTables::run);
  }

  static int run(List<String> args) throws Exception {
    String command = Cli.command(args, COMMANDS);
    Options o =
        Options.parseWithOperands(
            args.subList(1, args.size()), Set.of("root", "zookeeper"), Set.of());
    List<String> tables = o.operands();
    if (tables.isEmpty()) {
      throw new IllegalArgumentException(command + " needs at least one table name");
    }
    switch (command) {
      case "sizes" -> {
        for (String t : tables) {
          System.out.println(sizes(o.string("root"), t));
        }
      }
      case "flush" -> {
        try (Connection c = connect(o.string("zookeeper"));
            Admin admin = c.getAdmin()) {
          for (String t : tables) {
            long t0 = System.nanoTime();
            admin.flush(TableName.valueOf(t));
            System.out.printf(
                Locale.ROOT, "FLUSH table=%s s=%.2f%n", t, (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      case "drop" -> {
        for (String t : tables) {
          try (Publisher p =
              Publisher.connect(new Configuration(), t, Optional.of(o.string("zookeeper")))) {
            if (p.dropTable()) {
              System.out.println("DROP table=" + t);
            }
          }
        }
      }
      default -> {
        if (tables.size() != 2) {
          throw new IllegalArgumentException("verify compares exactly two tables, got " + tables);
        }
        try (Connection c = connect(o.string("zookeeper"))) {
          TableView a = read(c, tables.get(0));
          TableView b = read(c, tables.get(1));
          System.out.println("SEEN " + a.summary());
          System.out.println("SEEN " + b.summary());
          List<String> why = TableView.differences(a, b);
          System.out.println(
              why.isEmpty() ? "VERIFY EQUAL" : "VERIFY DIFFERENT: " + String.join("; ", why));
          return why.isEmpty() ? 0 : 1;
        }
      }
    }
    return 0;
  }

  private static Connection connect(String zookeeper) throws IOException {
    return ConnectionFactory.createConnection(
        HBaseConf.create(new Configuration(), Optional.of(zookeeper)));
  }

  static String sizes(String root, String table) {
    File dir = new File(new File(new File(root, "data"), "default"), table);
    File[] regions = dir.listFiles(File::isDirectory);
    if (regions == null) {
      throw new IllegalArgumentException("--root: no table directory " + dir);
    }
    long files = 0;
    long bytes = 0;
    for (File region : regions) {
      for (byte[] family : StoreLayout.FAMILIES) {
        File[] hfiles =
            new File(region, new String(family, StandardCharsets.US_ASCII))
                .listFiles(f -> f.isFile() && !f.getName().startsWith("."));
        for (File f : hfiles == null ? new File[0] : hfiles) {
          files++;
          bytes += f.length();
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "SIZE table=%s regions=%d files=%d bytes=%d",
        table,
        regions.length,
        files,
        bytes);
  }

  /** Reads the current generation of every date, as the service does: time range [g, g + 1). */
  static TableView read(Connection c, String name) throws IOException {
    TableView.Digest digest = new TableView.Digest();
    Counts counts = new Counts();
    Map<LocalDate, Generation> current = new TreeMap<>();
    try (Table t = c.getTable(TableName.valueOf(name))) {
      for (DatePointer p : new PointerTable(t).readAll()) {
        current.put(p.date(), p.current());
      }
      for (Map.Entry<LocalDate, Generation> e : current.entrySet()) {
        long g = e.getValue().id();
        Scan scan =
            new Scan()
                .setRowPrefixFilter(RowKey.datePrefix(e.getKey()))
                .setTimeRange(g, g + 1)
                .addFamily(StoreLayout.FAMILY)
                .addFamily(StoreLayout.ROLLUP_FAMILY)
                .setCaching(500)
                .setCacheBlocks(false);
        try (ResultScanner rs = t.getScanner(scan)) {
          for (Result r : rs) {
            for (Cell cell : r.rawCells()) {
              digest
                  .add(CellUtil.cloneRow(cell))
                  .add(CellUtil.cloneFamily(cell))
                  .add(CellUtil.cloneQualifier(cell))
                  .add(CellUtil.cloneValue(cell));
            }
            counts.row(
                r.getValue(StoreLayout.ROLLUP_FAMILY, ReleaseBlock.AREA),
                r.getValue(StoreLayout.FAMILY, ReleaseBlock.CELLS),
                r.size());
          }
        }
      }
    }
    return new TableView(
        name,
        TableView.pointers(current),
        counts.rows,
        counts.values,
        counts.hits,
        counts.badRows,
        digest.hex());
  }

  /** What the rows of a table hold (pure): rows, released values, TOTAL hits, malformed rows. */
  static final class Counts {
    long rows;
    long values;
    long hits;
    long badRows;

    /**
     * One data row of layout 3: its {@code r:a} block (required), its {@code d:c} block (optional)
     * and how many HBase cells it has in all (1 or 2, nothing else).
     */
    void row(byte[] area, byte[] cells, int hbaseCells) {
      rows++;
      if (area == null || hbaseCells != (cells == null ? 1 : 2)) {
        badRows++;
      }
      for (byte[] block : new byte[][] {area, cells}) {
        if (block == null) {
          continue;
        }
        ReleaseBlock.forEach(
            block,
            new ReleaseBlock.Visitor() {
              private boolean total;

              @Override
              public void section(Level level, double hitsScale, double deltaScale, int n) {
                total = level == Level.TOTAL;
              }

              @Override
              public void entry(
                  int hour,
                  int activity,
                  int sbiKey,
                  boolean released,
                  long h,
                  boolean deltaReleased,
                  long delta) {
                values++;
                if (total) {
                  hits += h;
                }
              }
            });
      }
    }
  }
}
