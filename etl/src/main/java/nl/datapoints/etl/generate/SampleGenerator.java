package nl.datapoints.etl.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nl.datapoints.etl.common.Layout;

/**
 * Writes a realistic sample with plain Java I/O on the local file system (runs in the client JVM,
 * no MapReduce): {@code DIR/ref/*.csv} and {@code DIR/raw/dt=YYYY-MM-DD/part-NNNNN.tsv.gz}.
 */
public final class SampleGenerator {

  private SampleGenerator() {}

  /**
   * Generates the sample; existing partitions of the same dates are replaced (each date is written
   * under a hidden temporary name and renamed into place when complete).
   *
   * @throws UncheckedIOException naming the path when writing fails
   */
  public static GenerateSummary generate(GenerateConfig config, GenerateProgress progress) {
    long started = System.nanoTime();
    long cpuStarted = cpuTime();
    SampleWorld world = SampleWorld.create(config);
    try {
      ReferenceWriter.write(world, config.refDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reference data under " + config.refDir(), e);
    }
    DayGenerator days = new DayGenerator(world, config);
    List<DaySummary> summaries = new ArrayList<>();
    for (int i = 0; i < config.days(); i++) {
      LocalDate date = config.from().plusDays(i);
      Path target = config.rawDir().resolve(Layout.partition(date));
      Path temp = config.rawDir().resolve("_tmp." + Layout.partition(date));
      try {
        deleteTree(temp);
        Files.createDirectories(temp);
        DaySummary day = days.write(new DayClock(date), temp);
        deleteTree(target);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        summaries.add(day);
        progress.dayWritten(i + 1, config.days(), day);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write raw partition " + target, e);
      }
    }
    return new GenerateSummary(
        summaries,
        world.postcodes.size(),
        SbiCatalog.CODES.size(),
        world.merchants.size(),
        world.users,
        System.nanoTime() - started,
        cpuStarted < 0 ? -1 : cpuTime() - cpuStarted);
  }

  private static long cpuTime() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
