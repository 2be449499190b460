package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserSetTest {
  @Test
  void countsDistinctKeysOnly() {
    UserSet s = new UserSet(5);
    s.add(1, 1);
    s.add(1, 1);
    s.add(1, 2); // same high half, other low half: a different user
    assertEquals(2, s.distinctCapped());
    assertFalse(s.saturated());
  }

  @Test
  void saturatesAtCapAndForgetsKeys() {
    UserSet s = new UserSet(3);
    s.add(1, 0);
    s.add(2, 0);
    assertFalse(s.saturated());
    s.add(3, 0);
    assertTrue(s.saturated());
    assertEquals(0, s.size());
    assertEquals(3, s.distinctCapped());
  }

  @Test
  void mergesOverlappingSetsAsUnion() {
    UserSet a = new UserSet(4);
    a.add(1, 0);
    a.add(2, 0);
    UserSet b = new UserSet(4);
    b.add(2, 0);
    b.add(3, 0);
    a.addAll(b);
    assertEquals(3, a.distinctCapped());
    b.add(4, 0);
    a.addAll(b);
    assertTrue(a.saturated());
  }

  @Test
  void mergingASaturatedSetSaturates() {
    UserSet a = new UserSet(2);
    UserSet b = new UserSet(2);
    b.saturate();
    a.addAll(b);
    assertTrue(a.saturated());
  }

  @Test
  void growsBeyondInitialCapacityForLargeK() {
    UserSet s = new UserSet(100);
    for (int i = 0; i < 99; i++) {
      s.add(i, -i);
    }
    assertEquals(99, s.distinctCapped());
    s.add(7, -7);
    assertFalse(s.saturated());
    s.add(1000, 0);
    assertTrue(s.saturated());
  }
}
