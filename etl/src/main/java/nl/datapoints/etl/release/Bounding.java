package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Level;

/**
 * Contribution bounding of one user-day (pure; runs in the reduce task of the bound job): what one
 * user may contribute to the release of a date, so that the noise of every level can be calibrated
 * to a fixed sensitivity (docs/privacy.md §3).
 *
 * <ol>
 *   <li>At most {@code maxEvents} events: the events are ordered by a keyed hash of (user, cell,
 *       occurrence) and the first ones kept, so a rerun keeps the same events and the choice does
 *       not favour any hour, place or industry.
 *   <li>Per level, at most {@code maxCells} members (pc4 × member of the level): ordered by a keyed
 *       hash of (user, level, member) and the first ones kept.
 *   <li>Per member, at most {@code maxHits} hits.
 * </ol>
 *
 * Every level sees the same kept events, so a level's contributions from one user-day sum to at
 * most min(maxEvents, maxCells × maxHits) = its sensitivity.
 */
final class Bounding {
  private final PrivacyParams params;
  private final NoiseStream rnd;

  Bounding(PrivacyParams params, NoiseStream rnd) {
    this.params = params;
    this.rnd = rnd;
  }

  /** One event of a user-day: the CELL it falls in. */
  record Event(int pc4, int hour, int activity, String sbi) {}

  /** What a user-day contributes to one member of one pc4. */
  record Contribution(int pc4, Member member, long hits) {}

  /**
   * The bounded contributions of one user-day and what the bounds removed.
   *
   * @param contributions per level and member, in level order
   * @param eventsDropped events above {@code maxEvents}
   * @param cellsDropped per level, members above {@code maxCells}
   * @param hitsClamped per level, hits above {@code maxHits} (of the members kept)
   */
  record Result(
      List<Contribution> contributions,
      long eventsDropped,
      Map<Level, Long> cellsDropped,
      Map<Level, Long> hitsClamped) {
    /** True when any bound removed anything of this user-day. */
    boolean touched() {
      return eventsDropped > 0
          || cellsDropped.values().stream().anyMatch(v -> v > 0)
          || hitsClamped.values().stream().anyMatch(v -> v > 0);
    }
  }

  private record Keyed<T>(T item, long key) {}

  /** Bounds the events of one user on one date (any order; a repeated event is one more hit). */
  Result bound(byte[] userKey, LocalDate date, List<Event> events) {
    List<Event> kept = events;
    if (events.size() > params.maxEvents()) {
      // Only a user-day above the cap needs an order: the keyed hash picks which events stay.
      Map<Event, Integer> seen = new HashMap<>();
      List<Keyed<Event>> ordered = new ArrayList<>(events.size());
      for (Event e : events) {
        int occurrence = seen.merge(e, 1, Integer::sum) - 1;
        long key =
            rnd.reset(
                    ValueId.ofUser(
                        ValueId.Purpose.EVENT_ORDER,
                        userKey,
                        Level.CELL,
                        date,
                        e.pc4(),
                        e.hour(),
                        e.activity(),
                        e.sbi(),
                        occurrence))
                .bits(62);
        ordered.add(new Keyed<>(e, key));
      }
      ordered.sort(Comparator.comparingLong(Keyed::key));
      kept = new ArrayList<>(params.maxEvents());
      for (int i = 0; i < params.maxEvents(); i++) {
        kept.add(ordered.get(i).item());
      }
    }

    List<Contribution> out = new ArrayList<>();
    Map<Level, Long> cellsDropped = new EnumMap<>(Level.class);
    Map<Level, Long> hitsClamped = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      Map<Contribution, Long> counts = new LinkedHashMap<>();
      for (Event e : kept) {
        counts.merge(
            new Contribution(e.pc4(), Member.of(level, e.hour(), e.activity(), e.sbi()), 0),
            1L,
            Long::sum);
      }
      int maxCells = params.maxCells().get(level);
      List<Contribution> members = new ArrayList<>(counts.keySet());
      if (members.size() > maxCells) {
        // Only a user-day over the level's cap needs an order: the keyed hash picks the members.
        List<Keyed<Contribution>> keyed = new ArrayList<>(members.size());
        for (Contribution c : members) {
          Member m = c.member();
          long key =
              rnd.reset(
                      ValueId.ofUser(
                          ValueId.Purpose.CELL_ORDER,
                          userKey,
                          level,
                          date,
                          c.pc4(),
                          m.hour(),
                          m.activity(),
                          m.sbi(),
                          0))
                  .bits(62);
          keyed.add(new Keyed<>(c, key));
        }
        keyed.sort(Comparator.comparingLong(Keyed::key));
        members.clear();
        for (Keyed<Contribution> k : keyed) {
          members.add(k.item());
        }
      }
      int maxHits = params.maxHits().get(level);
      long clamped = 0;
      List<Contribution> levelOut = new ArrayList<>();
      for (int i = 0; i < Math.min(maxCells, members.size()); i++) {
        Contribution c = members.get(i);
        long hits = counts.get(c);
        clamped += Math.max(0, hits - maxHits);
        levelOut.add(new Contribution(c.pc4(), c.member(), Math.min(hits, maxHits)));
      }
      levelOut.sort(Comparator.comparingInt(Contribution::pc4).thenComparing(Contribution::member));
      out.addAll(levelOut);
      cellsDropped.put(level, (long) Math.max(0, members.size() - maxCells));
      hitsClamped.put(level, clamped);
    }
    return new Result(out, events.size() - kept.size(), cellsDropped, hitsClamped);
  }
}
