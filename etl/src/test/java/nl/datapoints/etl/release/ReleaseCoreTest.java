package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import nl.datapoints.etl.release.ReleaseCore.Released;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import org.junit.jupiter.api.Test;

class ReleaseCoreTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);
  private static final TreeSet<String> SBI = new TreeSet<>(List.of("4711", "56", "93112"));

  private static ReleaseCore core(byte[] key) {
    return new ReleaseCore(PrivacyParams.DEFAULT, new NoiseStream(key), SBI);
  }

  private static ReleaseCore.Sums sums() {
    return new ReleaseCore.Sums()
        .add(Member.TOTAL, 120, 40)
        .add(Member.hour(9), 70, 25)
        .add(Member.hour(17), 50, 20)
        .add(Member.sbi("4711"), 120, 40)
        .add(Member.cell(9, 1, "4711"), 70, 25)
        .add(Member.cell(17, 2, "4711"), 50, 1000);
  }

  @Test
  void everyPublicMemberGetsAValueZerosIncluded() {
    SortedMap<Member, Released> r =
        core(NoiseStreamTest.KEY).release(D, 1012, new ReleaseCore.Sums());
    assertEquals(1 + 24 + SBI.size(), r.size());
    assertTrue(
        r.containsKey(Member.TOTAL)
            && r.containsKey(Member.hour(0))
            && r.containsKey(Member.hour(23)));
    assertTrue(r.containsKey(Member.sbi("93112")));
    assertTrue(
        r.keySet().stream().noneMatch(m -> m.level() == Level.CELL), "no cell without users");
    assertEquals(200.0 / 7, r.get(Member.TOTAL).scale(), 1e-12);
    assertTrue(r.values().stream().anyMatch(v -> v.hits() != 0), "zeros get noise too");
  }

  @Test
  void isDeterministicForAFixedSecret() {
    assertEquals(
        core(NoiseStreamTest.KEY).release(D, 1012, sums()),
        core(NoiseStreamTest.KEY).release(D, 1012, sums()));
  }

  @Test
  void aChangedSumDrawsFreshNoiseForThatValueOnly() {
    SortedMap<Member, Released> a = core(NoiseStreamTest.KEY).release(D, 1012, sums());
    SortedMap<Member, Released> b =
        core(NoiseStreamTest.KEY).release(D, 1012, sums().add(Member.hour(9), 1, 0));
    assertNotEquals(
        a.get(Member.hour(9)).hits() + 1,
        b.get(Member.hour(9)).hits(),
        "not the same noise plus one");
    for (Member m : a.keySet()) {
      if (!m.equals(Member.hour(9))) {
        assertEquals(a.get(m), b.get(m), m.toString());
      }
    }
  }

  @Test
  void anotherSecretDrawsOtherNoise() {
    byte[] other = NoiseStreamTest.KEY.clone();
    other[0] ^= 1;
    assertNotEquals(
        core(NoiseStreamTest.KEY).release(D, 1012, sums()), core(other).release(D, 1012, sums()));
  }

  @Test
  void cellsAreSelectedByTheirUsers() {
    SortedMap<Member, Released> r = core(NoiseStreamTest.KEY).release(D, 1012, sums());
    assertTrue(r.containsKey(Member.cell(17, 2, "4711")), "1,000 users: always kept");
    assertFalse(
        r.containsKey(Member.cell(9, 1, "4711")), "25 users: far below the selection threshold");
  }

  @Test
  void deltaIsTheReleasedValueOfTheWeekBefore() {
    ReleaseCore core = core(NoiseStreamTest.KEY);
    SortedMap<Member, Released> today = core.release(D, 1012, sums());
    SortedMap<Member, Released> week =
        core.release(
            D.minusDays(7), 1012, new ReleaseCore.Sums().add(Member.cell(3, 1, "56"), 900, 2000));
    List<ReleasedValue> joined = DeltaJoin.join(D, 1012, today, week);
    ReleasedValue total =
        joined.stream().filter(v -> v.getLevel() == Level.TOTAL).findFirst().orElseThrow();
    assertEquals(today.get(Member.TOTAL).hits(), total.getHits());
    assertEquals(week.get(Member.TOTAL).hits(), total.getDelta());
    ReleasedValue gone =
        joined.stream()
            .filter(v -> v.getLevel() == Level.CELL && v.getHour() == 3)
            .findFirst()
            .orElseThrow();
    assertFalse(gone.getReleased());
    assertEquals(0, gone.getHits());
    assertEquals(week.get(Member.cell(3, 1, "56")).hits(), gone.getDelta());
    ReleasedValue fresh =
        joined.stream()
            .filter(v -> v.getLevel() == Level.CELL && v.getHour() == 17)
            .findFirst()
            .orElseThrow();
    assertEquals(0L, fresh.getDelta(), "not released on D-7: delta 0 exactly");
    assertEquals(0.0, fresh.getDeltaScale());
    assertTrue(DeltaJoin.join(D, 1012, today, null).stream().allMatch(v -> v.getDelta() == null));
  }
}
