package nl.datapoints.etl.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * Writes the raw partition of one date: a few {@code part-NNNNN.tsv.gz} files, lines dealt
 * round-robin (as from several log servers), each file in time order, with the configured share of
 * defective and empty lines at random positions.
 */
final class DayGenerator {

  /** Lines per file before another file is started (up to MAX_FILES). */
  private static final long LINES_PER_FILE = 50_000;

  private static final int MAX_FILES = 8;

  /** Empty lines are this fraction of the defective ones. */
  private static final double EMPTY_PER_BAD = 0.25;

  private static final byte GOOD = 0;
  private static final byte EMPTY = (byte) (Defect.values().length + 1);

  private final SampleWorld world;
  private final GenerateConfig config;

  DayGenerator(SampleWorld world, GenerateConfig config) {
    this.world = world;
    this.config = config;
  }

  DaySummary write(DayClock clock, Path dir) throws IOException {
    SplittableRandom random =
        new SplittableRandom(
            AliasTable.mix(config.seed() * 0x9E3779B97F4A7C15L + clock.date.toEpochDay()));
    long lines = clock.lines(config.eventsPerDay());
    long bad = Math.round(lines * config.badFraction());
    long empty = Math.min(lines - bad, Math.round(bad * EMPTY_PER_BAD));
    EnumMap<Defect, Long> defects = allocate(bad, random);
    byte[] kinds = place(lines, defects, empty, random);

    int files =
        (int) Math.max(1, Math.min(MAX_FILES, (lines + LINES_PER_FILE - 1) / LINES_PER_FILE));
    GzipLineSink[] sinks = new GzipLineSink[files];
    EventWriter writer = new EventWriter(world, clock, config.seed(), random);
    Defect[] all = Defect.values();
    long written = 0;
    try {
      for (int f = 0; f < files; f++) {
        sinks[f] =
            new GzipLineSink(
                dir.resolve(String.format("part-%05d.tsv.gz", f)), Deflater.BEST_SPEED);
      }
      long[] perHour = clock.split(lines);
      int line = 0;
      for (int h = 0; h < perHour.length; h++) {
        int[] seconds = new int[(int) perHour[h]];
        for (int i = 0; i < seconds.length; i++) {
          seconds[i] = random.nextInt(3600);
        }
        Arrays.sort(seconds);
        for (int second : seconds) {
          GzipLineSink out = sinks[line % files];
          byte kind = kinds[line];
          if (kind == EMPTY) {
            out.endLine();
          } else {
            writer.write(out, h, second, kind == GOOD ? null : all[kind - 1]);
          }
          line++;
        }
      }
      written = line;
    } finally {
      for (GzipLineSink sink : sinks) {
        if (sink != null) {
          sink.close();
        }
      }
    }
    long bytes = 0;
    long rawBytes = 0;
    for (GzipLineSink sink : sinks) {
      bytes += sink.compressedBytes();
      rawBytes += sink.rawBytes();
    }
    return new DaySummary(
        clock.date, written, written - bad - empty, empty, defects, files, bytes, rawBytes);
  }

  /**
   * Spreads `bad` over the defects: one LINE_TOO_LONG when there is room for every kind, at least
   * one of each other kind when possible, the rest by weight.
   */
  static EnumMap<Defect, Long> allocate(long bad, SplittableRandom random) {
    EnumMap<Defect, Long> counts = new EnumMap<>(Defect.class);
    Defect[] all = Defect.values();
    for (Defect d : all) {
      counts.put(d, 0L);
    }
    long left = bad;
    if (left >= all.length) {
      counts.put(Defect.LINE_TOO_LONG, 1L);
      left--;
      for (Defect d : all) {
        if (d.weight > 0) {
          counts.put(d, 1L);
          left--;
        }
      }
    }
    double[] weights = new double[all.length];
    for (Defect d : all) {
      weights[d.ordinal()] = d.weight;
    }
    AliasTable table = new AliasTable(weights);
    for (; left > 0; left--) {
      Defect d = all[table.sample(random)];
      if (d.weight == 0) {
        left++; // never drawn in exact arithmetic; guards against rounding in the table
        continue;
      }
      counts.merge(d, 1L, Long::sum);
    }
    return counts;
  }

  /**
   * Line kinds: GOOD, 1 + defect ordinal, or EMPTY; defective and empty lines at random positions.
   */
  private static byte[] place(
      long lines, Map<Defect, Long> defects, long empty, SplittableRandom random) {
    if (lines > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "--events-per-day too large for one day: " + lines + " lines");
    }
    byte[] kinds = new byte[(int) lines];
    for (Map.Entry<Defect, Long> e : defects.entrySet()) {
      mark(kinds, e.getValue(), (byte) (e.getKey().ordinal() + 1), random);
    }
    mark(kinds, empty, EMPTY, random);
    return kinds;
  }

  private static void mark(byte[] kinds, long count, byte kind, SplittableRandom random) {
    for (long k = 0; k < count; k++) {
      int at;
      do {
        at = random.nextInt(kinds.length);
      } while (kinds[at] != GOOD);
      kinds[at] = kind;
    }
  }
}
