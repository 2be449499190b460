package nl.datapoints.schemas.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreatCircleTest {
  @Test
  void distanceMatchesAKnownPair() {
    // Amsterdam Dam square to Utrecht Dom tower: about 35.0 km great-circle.
    assertEquals(35.0, GreatCircle.distanceKm(52.3731, 4.8926, 52.0907, 5.1214), 0.5);
  }

  @Test
  void distanceIsSymmetricAndZeroAtThePoint() {
    assertEquals(0.0, GreatCircle.distanceKm(52.1, 5.1, 52.1, 5.1), 0.0);
    assertEquals(
        GreatCircle.distanceKm(52.0, 4.0, 53.0, 6.0),
        GreatCircle.distanceKm(53.0, 6.0, 52.0, 4.0),
        1e-12);
  }

  @Test
  void aQuarterMeridianIsAQuarterOfTheCircumference() {
    assertEquals(
        Math.PI * GreatCircle.EARTH_RADIUS_KM / 2, GreatCircle.distanceKm(0, 0, 90, 0), 1e-6);
  }
}
