// Measures and compares the two tables of the publish benchmark (scripts/bench-publish). Run with
// the etl classpath:
//   java -cp "$(dp_classpath etl)" scripts/bench/CompareTables.java sizes  --root HBASE_ROOT_DIR TABLE...
//   java -cp "$(dp_classpath etl)" scripts/bench/CompareTables.java flush  --zookeeper H:P TABLE...
//   java -cp "$(dp_classpath etl)" scripts/bench/CompareTables.java verify --zookeeper H:P TABLE_A TABLE_B
//   java -cp "$(dp_classpath etl)" scripts/bench/CompareTables.java drop   --zookeeper H:P TABLE...
// sizes:  "SIZE table=T files=N bytes=B": the store files of families d and r on disk (a standalone
//         HBase on the local file system: <root>/data/default/T/<region>/{d,r}/*, checksum files
//         excluded).
// flush:  flushes every region of each table (memstore -> HFiles) and waits; "FLUSH table=T s=S".
// verify: what readers see in each table: the pointer row's current generation per date, then
//         every data row of that date at that timestamp (time range [g, g+1)). Prints per table
//         dates, rows, cells (entries of the c blocks), hits, and a SHA-256 over every (row,
//         family, qualifier, value) in scan order, then "VERIFY EQUAL" or "VERIFY DIFFERENT: why".
//         The generation ids and publish times differ by design and are not compared; the
//         pointer's cells, hits and baseline flag are.
// drop:   disables and deletes each table that exists (a benchmark run starts from new tables).
import java.io.File;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import nl.datapoints.etl.publish.HBaseConf;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

public class CompareTables {
  /** What readers see in one table. */
  record Seen(String table, TreeMap<LocalDate, String> pointers, long rows, long cells, long hits,
      long badRows, String sha256) {
    String summary() {
      return String.format("table=%s dates=%d rows=%d cells=%d hits=%d rows_without_c_h_s=%d sha256=%s",
          table, pointers.size(), rows, cells, hits, badRows, sha256);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: CompareTables sizes --root DIR T... | flush --zookeeper H:P T... "
          + "| verify --zookeeper H:P A B | drop --zookeeper H:P T...");
    }
    String mode = args[0];
    String option = args[2];
    List<String> tables = List.of(args).subList(3, args.length);
    switch (mode) {
      case "sizes" -> {
        for (String t : tables) {
          sizes(option, t);
        }
      }
      case "flush" -> {
        try (Connection c = connect(option); Admin admin = c.getAdmin()) {
          for (String t : tables) {
            long t0 = System.nanoTime();
            admin.flush(TableName.valueOf(t));
            System.out.printf("FLUSH table=%s s=%.2f%n", t, (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      case "drop" -> {
        try (Connection c = connect(option); Admin admin = c.getAdmin()) {
          for (String t : tables) {
            TableName tn = TableName.valueOf(t);
            if (admin.tableExists(tn)) {
              if (admin.isTableEnabled(tn)) {
                admin.disableTable(tn);
              }
              admin.deleteTable(tn);
              System.out.println("DROP table=" + t);
            }
          }
        }
      }
      case "verify" -> {
        if (tables.size() != 2) {
          throw new IllegalArgumentException("verify compares exactly two tables, got " + tables);
        }
        try (Connection c = connect(option)) {
          Seen a = read(c, tables.get(0));
          Seen b = read(c, tables.get(1));
          System.out.println("SEEN " + a.summary());
          System.out.println("SEEN " + b.summary());
          List<String> why = new ArrayList<>();
          if (!a.pointers().equals(b.pointers())) {
            why.add("pointers (dates / cells / hits / baseline) differ");
          }
          if (a.rows() != b.rows()) {
            why.add("row counts differ");
          }
          if (!a.sha256().equals(b.sha256())) {
            why.add("values differ (sha256)");
          }
          if (a.rows() == 0 || a.badRows() + b.badRows() > 0) {
            why.add("a table is empty or has rows without all of c, h and s");
          }
          System.out.println(why.isEmpty() ? "VERIFY EQUAL" : "VERIFY DIFFERENT: " + String.join("; ", why));
        }
      }
      default -> throw new IllegalArgumentException("mode must be sizes, flush, verify or drop, got " + mode);
    }
  }

  static Connection connect(String zookeeper) throws Exception {
    Configuration conf = HBaseConf.create(new Configuration(), Optional.of(zookeeper));
    return ConnectionFactory.createConnection(conf);
  }

  static void sizes(String root, String table) {
    File dir = new File(new File(new File(root, "data"), "default"), table);
    File[] regions = dir.listFiles(File::isDirectory);
    if (regions == null) {
      throw new IllegalArgumentException("--root: no table directory " + dir);
    }
    long files = 0;
    long bytes = 0;
    for (File region : regions) {
      for (byte[] family : StoreLayout.FAMILIES) {
        File[] hfiles = new File(region, new String(family, java.nio.charset.StandardCharsets.US_ASCII))
            .listFiles(f -> f.isFile() && !f.getName().startsWith("."));
        for (File f : hfiles == null ? new File[0] : hfiles) {
          files++;
          bytes += f.length();
        }
      }
    }
    System.out.printf("SIZE table=%s regions=%d files=%d bytes=%d%n", table, regions.length, files, bytes);
  }

  static Seen read(Connection c, String name) throws Exception {
    TableName tn = TableName.valueOf(name);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    TreeMap<LocalDate, String> pointers = new TreeMap<>();
    long rows = 0;
    long cells = 0;
    long badRows = 0;
    long[] hits = {0};
    try (Table t = c.getTable(tn)) {
      Result p = t.get(new Get(StoreLayout.POINTER_ROW).addFamily(StoreLayout.FAMILY));
      TreeMap<LocalDate, Generation> current = new TreeMap<>();
      for (Cell cell : p.isEmpty() ? new Cell[0] : p.rawCells()) {
        LocalDate d = StoreLayout.dateOfCurrentQualifier(CellUtil.cloneQualifier(cell));
        if (d != null) {
          Generation g = Generation.parse(CellUtil.cloneValue(cell));
          current.put(d, g);
          pointers.put(d, "cells=" + g.cells() + " hits=" + g.hits() + " baselineMissing=" + g.baselineMissing());
        }
      }
      for (var e : current.entrySet()) {
        long g = e.getValue().id();
        Scan scan = new Scan().setRowPrefixFilter(RowKey.datePrefix(e.getKey())).setTimeRange(g, g + 1)
            .addFamily(StoreLayout.FAMILY).addFamily(StoreLayout.ROLLUP_FAMILY).setCaching(500).setCacheBlocks(false);
        try (ResultScanner rs = t.getScanner(scan)) {
          for (Result r : rs) {
            rows++;
            if (r.size() != 3) {
              badRows++;
            }
            for (Cell cell : r.rawCells()) {
              update(sha, CellUtil.cloneRow(cell));
              update(sha, CellUtil.cloneFamily(cell));
              update(sha, CellUtil.cloneQualifier(cell));
              update(sha, CellUtil.cloneValue(cell));
            }
            byte[] block = r.getValue(StoreLayout.FAMILY, CellBlock.CELLS);
            if (block != null) {
              long[] n = {0};
              CellBlock.forEachRaw(block, (hour, activity, sbi, h, dp1) -> {
                n[0]++;
                hits[0] += h;
              });
              cells += n[0];
            }
          }
        }
      }
    }
    return new Seen(name, pointers, rows, cells, hits[0], badRows, HexFormat.of().formatHex(sha.digest()));
  }

  static void update(MessageDigest sha, byte[] bytes) {
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }
}
