package nl.datapoints.etl.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import nl.datapoints.etl.release.Bounding.Contribution;
import nl.datapoints.etl.release.ReleaseCore.Released;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;

/**
 * The differentially private release of the harness world for one release secret (test scope):
 * Bounding per user-day, ReleaseCore per date × pc4 and DeltaJoin, as the bound and release jobs
 * run them, in memory.
 *
 * <p>Lazy: a date × pc4 is released when an answer first reads it. The release of a date × pc4 is a
 * function of (secret, parameters, its bounded sums) only, so releasing some of them gives exactly
 * the values a release of the whole world would hold for them. The in-bounds background is bounded
 * once for all trials ({@link HarnessWorld#baseSums}: no bound touches it, so no secret changes
 * it); the over-bounds background and the target are bounded here, with this secret.
 */
final class DpRelease implements Answers {
  private final HarnessWorld world;
  private final byte[] secret;
  private final HarnessWorld.UserDay target;
  private final Bounding bounding;
  private final ReleaseCore core;
  private final Map<LocalDate, Map<Integer, List<Contribution>>> perTrial = new HashMap<>();
  private final Map<Long, ReleaseCore.Sums> sums = new HashMap<>();
  private final Map<Long, SortedMap<Member, Released>> released = new HashMap<>();
  private final Map<Long, List<ReleasedValue>> rows = new HashMap<>();

  /**
   * @param target the planted user-day, or null for the world without it
   */
  DpRelease(HarnessWorld world, byte[] secret, HarnessWorld.UserDay target) {
    this.world = world;
    this.secret = secret.clone();
    this.target = target;
    NoiseStream rnd = new NoiseStream(secret);
    this.bounding = new Bounding(world.params, rnd);
    this.core = new ReleaseCore(world.params, rnd, HarnessWorld.SBI_DOMAIN);
  }

  /**
   * The bounded sums of a date × pc4: the in-bounds background plus what this secret's bounding
   * keeps of the rest.
   */
  ReleaseCore.Sums sums(LocalDate date, int pc4) {
    return sums.computeIfAbsent(
        HarnessWorld.key(date, pc4),
        k -> {
          ReleaseCore.Sums s = world.baseSums(date, pc4);
          for (Contribution c : boundedPerTrial(date).getOrDefault(pc4, List.of())) {
            s.add(c.member(), c.hits(), 1);
          }
          return s;
        });
  }

  private Map<Integer, List<Contribution>> boundedPerTrial(LocalDate date) {
    return perTrial.computeIfAbsent(
        date,
        d -> {
          List<HarnessWorld.UserDay> days = new ArrayList<>();
          for (HarnessWorld.UserDay ud : world.overBounds) {
            if (ud.date().equals(d)) {
              days.add(ud);
            }
          }
          if (target != null && target.date().equals(d)) {
            days.add(target);
          }
          Map<Integer, List<Contribution>> byPc4 = new HashMap<>();
          for (HarnessWorld.UserDay ud : days) {
            for (Contribution c :
                bounding.bound(ud.user(), ud.date(), ud.events()).contributions()) {
              byPc4.computeIfAbsent(c.pc4(), p -> new ArrayList<>()).add(c);
            }
          }
          return byPc4;
        });
  }

  SortedMap<Member, Released> released(LocalDate date, int pc4) {
    return released.computeIfAbsent(
        HarnessWorld.key(date, pc4), k -> core.release(date, pc4, sums(date, pc4)));
  }

  /** The rows of a date × pc4 as the release job writes them: today's values joined with D-7's. */
  List<ReleasedValue> rows(LocalDate date, int pc4) {
    return rows.computeIfAbsent(
        HarnessWorld.key(date, pc4),
        k -> {
          LocalDate week = date.minusDays(7);
          return DeltaJoin.join(
              date,
              pc4,
              released(date, pc4),
              HarnessWorld.DATES.contains(week) ? released(week, pc4) : null);
        });
  }

  // Sums read the released values directly: DeltaJoin copies today's values into the rows
  // verbatim (a CELL kept only for its delta has hits 0), so a sum over the rows is the same
  // number, and the D-7 release is computed only when the rows themselves are read.
  @Override
  public long hits(
      Level level,
      Collection<Integer> pc4s,
      Collection<LocalDate> dates,
      Predicate<Member> filter) {
    long sum = 0;
    for (Released v : matching(level, pc4s, dates, filter)) {
      sum += v.hits();
    }
    return sum;
  }

  @Override
  public double variance(
      Level level,
      Collection<Integer> pc4s,
      Collection<LocalDate> dates,
      Predicate<Member> filter) {
    double sum = 0;
    for (Released v : matching(level, pc4s, dates, filter)) {
      sum += ReleaseBlock.variance(v.scale());
    }
    return sum;
  }

  /**
   * The released values of {@code level} over {@code pc4s} × {@code dates} that pass {@code
   * filter}.
   */
  private List<Released> matching(
      Level level,
      Collection<Integer> pc4s,
      Collection<LocalDate> dates,
      Predicate<Member> filter) {
    List<Released> out = new ArrayList<>();
    for (LocalDate d : dates) {
      for (int p : pc4s) {
        for (Map.Entry<Member, Released> e : released(d, p).entrySet()) {
          if (e.getKey().level() == level && filter.test(e.getKey())) {
            out.add(e.getValue());
          }
        }
      }
    }
    return out;
  }

  /**
   * The same sum as {@link #hits}, over the rows as the service reads them (to check the shortcut).
   */
  long hitsFromRows(Level level, int pc4, LocalDate date) {
    long sum = 0;
    for (ReleasedValue v : rows(date, pc4)) {
      if (v.getLevel() == level) {
        sum += v.getHits();
      }
    }
    return sum;
  }

  @Override
  public Answers rerun() {
    return new DpRelease(world, secret, target);
  }

  /**
   * The Avro binary encoding of every row of a date × pc4, in order (the release's Parquet
   * content).
   */
  @Override
  public byte[] bytes(LocalDate date, int pc4) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (ReleasedValue v : rows(date, pc4)) {
        ByteBuffer b = v.toByteBuffer();
        out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("encoding the release of " + date + "/" + pc4, e);
    }
    return out.toByteArray();
  }
}
