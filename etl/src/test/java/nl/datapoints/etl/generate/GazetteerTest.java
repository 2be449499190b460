package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.datapoints.schemas.reference.GreatCircle;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private final List<Postcode4> entries = Gazetteer.build().entries();

  @Test
  void holdsThreeToFourThousandUniquePostcode4s() {
    Set<Integer> seen = new HashSet<>();
    for (Postcode4 p : entries) {
      assertTrue(seen.add(p.pc4()), "duplicate " + p.pc4());
      assertTrue(p.pc4() >= 1000 && p.pc4() <= 9999, "not a pc4: " + p.pc4());
    }
    assertTrue(entries.size() >= 3000 && entries.size() <= 4000, "size " + entries.size());
  }

  @Test
  void everyCentroidLiesInTheNetherlandsBoundingBox() {
    for (Postcode4 p : entries) {
      assertTrue(p.lat() >= 50.75 && p.lat() <= 53.55, p.toString());
      assertTrue(p.lon() >= 3.35 && p.lon() <= 7.25, p.toString());
    }
  }

  @Test
  void tenKilometresAroundCentralAmsterdamHoldAboutAHundredPostcode4s() {
    Postcode4 dam = entries.stream().filter(p -> p.pc4() == 1012).findFirst().orElseThrow();
    assertEquals("Amsterdam", dam.name());
    assertTrue(
        GreatCircle.distanceKm(dam.lat(), dam.lon(), 52.3731, 4.8926) < 1.0,
        "1012 is central: " + dam);
    long near =
        entries.stream()
            .filter(p -> GreatCircle.distanceKm(dam.lat(), dam.lon(), p.lat(), p.lon()) <= 10.0)
            .count();
    assertTrue(near >= 90 && near <= 130, "within 10 km of 1012: " + near);
  }

  @Test
  void bigCitiesAreDenserThanTheCountryside() {
    Postcode4 rotterdam = entries.stream().filter(p -> p.pc4() == 3011).findFirst().orElseThrow();
    Postcode4 drenthe =
        entries.stream().filter(p -> p.name().equals("Midden-Drenthe")).findFirst().orElseThrow();
    long city =
        entries.stream()
            .filter(
                p ->
                    GreatCircle.distanceKm(rotterdam.lat(), rotterdam.lon(), p.lat(), p.lon()) <= 5)
            .count();
    long rural =
        entries.stream()
            .filter(
                p -> GreatCircle.distanceKm(drenthe.lat(), drenthe.lon(), p.lat(), p.lon()) <= 5)
            .count();
    assertTrue(city > 4 * rural, "Rotterdam " + city + " vs Drenthe " + rural);
  }

  @Test
  void isTheSameEveryTime() {
    assertEquals(entries, Gazetteer.build().entries());
  }
}
