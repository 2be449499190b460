package nl.datapoints.etl.generate;

import java.io.BufferedInputStream;
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

  private RawLines() {
  }

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
    try (InputStream in = new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      int b;
      boolean pending = false;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          consumer.accept(line.toByteArray());
          line.reset();
          pending = false;
        } else {
          line.write(b);
          pending = true;
        }
      }
      if (pending) {
        throw new AssertionError(file + " does not end with a newline");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
