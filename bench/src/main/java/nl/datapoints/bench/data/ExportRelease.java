package nl.datapoints.bench.data;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.bench.common.ReleaseParts;
import nl.datapoints.etl.common.Layout;

/**
 * Exports the release of {@code <warehouse>/release/dt=*} as the peers' CSV tables ({@link
 * ReleaseCsv}), for PostgreSQL's {@code COPY} and DuckDB's {@code read_csv}:
 *
 * <pre>
 *   ExportRelease --warehouse DIR --out DIR [--from DATE --to DATE]
 * </pre>
 *
 * Every date of the warehouse, or only {@code --from..--to}. Writes {@code total.csv}, {@code
 * hour.csv}, {@code sbi.csv}, {@code cell.csv} and {@code dates.csv} into {@code --out} (created),
 * each under a temporary name first, so a failed export leaves no partial table behind.
 */
public final class ExportRelease {
  private ExportRelease() {}

  public static void main(String[] args) throws Exception {
    Cli.main("export-release", args, ExportRelease::run);
  }

  static int run(List<String> args) throws Exception {
    Options o = Options.parse(args, Set.of("warehouse", "out", "from", "to"), Set.of());
    File release = new File(o.string("warehouse"), "release");
    Optional<LocalDate> from = o.has("from") ? Optional.of(o.date("from")) : Optional.empty();
    Optional<LocalDate> to = o.has("to") ? Optional.of(o.date("to")) : Optional.empty();
    if (from.isPresent() != to.isPresent()) {
      throw new IllegalArgumentException("--from and --to go together, got only one of them");
    }
    File[] days =
        release.listFiles(f -> f.isDirectory() && Layout.parsePartition(f.getName()).isPresent());
    List<File> chosen = new ArrayList<>();
    for (File day : days == null ? new File[0] : days) {
      LocalDate d = Layout.parsePartition(day.getName()).orElseThrow();
      if (from.isEmpty() || (!d.isBefore(from.get()) && !d.isAfter(to.get()))) {
        chosen.add(day);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "--warehouse: no release partitions dt=*"
              + from.map(f -> " in " + f + ".." + to.get()).orElse("")
              + " under "
              + release);
    }
    chosen.sort(null);
    Path out = Files.createDirectories(Path.of(o.string("out")));
    long[] n = new long[ReleaseCsv.FILES.size()];
    List<BufferedWriter> w = new ArrayList<>();
    try {
      for (int i = 0; i < ReleaseCsv.FILES.size(); i++) {
        w.add(open(out, ReleaseCsv.FILES.get(i), ReleaseCsv.HEADERS.get(i)));
      }
      try (BufferedWriter dates = open(out, ReleaseCsv.DATES, ReleaseCsv.DATES_HEADER)) {
        StringBuilder line = new StringBuilder(96);
        for (File day : chosen) {
          LocalDate date = Layout.parsePartition(day.getName()).orElseThrow();
          boolean[] baseline = {true};
          long[] values = {0};
          ReleaseParts.forEach(
              day,
              date,
              v -> {
                baseline[0] &= v.getDelta() != null;
                int f = ReleaseCsv.fileOf(v);
                line.setLength(0);
                w.get(f).append(ReleaseCsv.line(line, v)).append('\n');
                n[f]++;
                values[0]++;
              });
          dates
              .append(date.toString())
              .append(',')
              .append(Boolean.toString(baseline[0] && values[0] > 0));
          dates.newLine();
        }
      }
    } finally {
      for (BufferedWriter x : w) {
        x.close();
      }
    }
    for (String f : ReleaseCsv.FILES) {
      rename(out, f);
    }
    rename(out, ReleaseCsv.DATES);
    System.err.printf(
        "exported %d dates: %d total, %d hour, %d sbi, %d cell values%n",
        chosen.size(), n[0], n[1], n[2], n[3]);
    return 0;
  }

  private static BufferedWriter open(Path out, String file, String header) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(out.resolve(file + ".tmp"), StandardCharsets.UTF_8);
    w.write(header);
    w.newLine();
    return w;
  }

  private static void rename(Path out, String file) throws IOException {
    Files.move(
        out.resolve(file + ".tmp"),
        out.resolve(file),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
