package nl.datapoints.etl.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Test helper: the raw lines (bytes, without the newline) of every file of a partition. */
final class RawLines {

  private RawLines() {}

  static List<Path> files(Path partition) {
    try (Stream<Path> s = Files.list(partition)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tsv.gz")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void forEach(Path partition, Consumer<byte[]> consumer) {
    for (Path file : files(partition)) {
      forEachInFile(file, consumer);
    }
  }

  static void forEachInFile(Path file, Consumer<byte[]> consumer) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      byte[] chunk = new byte[1 << 16];
      int n;
      while ((n = in.read(chunk)) >= 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            line.write(chunk, start, i - start);
            consumer.accept(line.toByteArray());
            line.reset();
            start = i + 1;
          }
        }
        line.write(chunk, start, n - start);
      }
      if (line.size() > 0) {
        throw new AssertionError(file + " does not end with a newline");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
