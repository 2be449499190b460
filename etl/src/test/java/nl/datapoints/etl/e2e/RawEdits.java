package nl.datapoints.etl.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.datapoints.testkit.ReferenceModel;
import nl.datapoints.testkit.ReferenceModel.CellKey;

/** Edits of a generated raw partition, for the tests of reruns on changed input. */
public final class RawEdits {
  private RawEdits() {}

  /**
   * Moves one event of a user who has exactly one event on {@code date} (per {@code model}, which
   * read this partition) to another gazetteer pc4, in place: no bound touches that user before or
   * after, so only the two pc4s change. Bytes are kept as they are (the sample's badly encoded
   * lines must stay bad). Returns {from, to}.
   */
  public static int[] moveOneEventOfAOneEventUser(
      Path partition, ReferenceModel model, LocalDate date) throws IOException {
    Map<String, Map<CellKey, Long>> users = model.userCells.get(date);
    List<Integer> pc4s = new ArrayList<>(model.pc4Domain());
    List<Path> files;
    try (Stream<Path> s = Files.list(partition)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
    }
    for (Path f : files) {
      List<String> lines;
      try (var in = new GZIPInputStream(Files.newInputStream(f))) {
        lines =
            new ArrayList<>(
                List.of(
                    new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n", -1)));
      }
      for (int i = 0; i < lines.size(); i++) {
        String[] fields = lines.get(i).split("\t", -1);
        if (fields.length != 6 || !users.containsKey(fields[1])) {
          continue;
        }
        Map<CellKey, Long> cells = users.get(fields[1]);
        if (cells.size() != 1
            || cells.values().iterator().next() != 1
            || !fields[3].matches("[1-9][0-9]{3}.*")) {
          continue;
        }
        int from = Integer.parseInt(fields[3].substring(0, 4));
        if (from != cells.keySet().iterator().next().pc4()) {
          continue;
        }
        int to = pc4s.get(0) == from ? pc4s.get(1) : pc4s.get(0);
        fields[3] = to + fields[3].substring(4);
        lines.set(i, String.join("\t", fields));
        try (var out = new GZIPOutputStream(Files.newOutputStream(f))) {
          out.write(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        }
        return new int[] {from, to};
      }
    }
    throw new AssertionError("no user with exactly one event on " + date + " in " + partition);
  }

  /** Copies a directory tree. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
