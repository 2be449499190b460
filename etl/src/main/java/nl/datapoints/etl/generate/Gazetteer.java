package nl.datapoints.etl.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthesizes a plausible postcode4 gazetteer of the Netherlands: real PC4 ranges per city or
 * region, centroids scattered around the real town centres, low numbers in the centre (as in Dutch
 * postcodes), towns dense and countryside sparse. It is the same for every seed, so samples
 * generated with different seeds share one gazetteer. StrictMath keeps the numbers identical on
 * every JVM and CPU.
 */
final class Gazetteer {

  /** Bounding box every centroid lies in. */
  static final double MIN_LAT = 50.75;

  static final double MAX_LAT = 53.55;
  static final double MIN_LON = 3.35;
  static final double MAX_LON = 7.25;

  /** Residents (thousands) of a countryside postcode4. */
  private static final double RURAL_RESIDENTS_K = 3.0;

  /**
   * Countryside regions hold this many times the count listed for them (scaled to reach ~3,500).
   */
  private static final double RURAL_COUNT_FACTOR = 1.7;

  private static final long FIXED_SEED = 0x5EED_0F_4EDL;

  /** A town (residentsK > 0) or a countryside region (residentsK = 0) with its PC4 range. */
  private record Place(
      String name,
      double lat,
      double lon,
      int first,
      int last,
      int count,
      double radiusKm,
      double residentsK) {}

  private static Place town(
      String name,
      double lat,
      double lon,
      int first,
      int last,
      int count,
      double radiusKm,
      double residentsK) {
    return new Place(name, lat, lon, first, last, count, radiusKm, residentsK);
  }

  private static Place rural(
      String name, double lat, double lon, int first, int last, int count, double radiusKm) {
    int capacity = (last - first + 1) - ((last / 10) - ((first - 1) / 10));
    int scaled = Math.min(capacity, (int) Math.round(count * RURAL_COUNT_FACTOR));
    return new Place(name, lat, lon, first, last, scaled, radiusKm, 0);
  }

  // Coordinates are the real town centres (rounded); ranges are the real PC4 blocks.
  private static final List<Place> PLACES =
      List.of(
          town("Amsterdam", 52.3731, 4.8926, 1011, 1109, 84, 7.5, 870),
          town("Diemen", 52.3390, 4.9600, 1111, 1115, 5, 1.5, 32),
          town("Landsmeer", 52.4310, 4.9150, 1121, 1122, 2, 1.5, 11),
          town("Edam-Volendam", 52.5100, 5.0600, 1131, 1135, 5, 2.5, 36),
          rural("Waterland", 52.4600, 5.0000, 1141, 1161, 8, 5),
          town("Badhoevedorp", 52.3380, 4.7800, 1171, 1175, 4, 2.0, 20),
          town("Amstelveen", 52.3030, 4.8620, 1181, 1189, 9, 3.0, 92),
          town("Ouderkerk aan de Amstel", 52.2950, 4.9150, 1191, 1199, 3, 2.0, 9),
          town("Hilversum", 52.2250, 5.1750, 1211, 1223, 12, 3.0, 90),
          town("Bussum", 52.2750, 5.1600, 1231, 1277, 22, 6.0, 130),
          town("Almere", 52.3700, 5.2150, 1311, 1365, 40, 7.0, 215),
          town("Weesp", 52.3080, 5.0420, 1381, 1399, 6, 2.5, 22),
          rural("Uithoorn", 52.2400, 4.8100, 1401, 1435, 14, 7),
          town("Purmerend", 52.5050, 4.9600, 1441, 1448, 8, 2.5, 82),
          rural("Zaanstreek", 52.5000, 4.8400, 1451, 1489, 12, 6),
          town("Zaandam", 52.4390, 4.8260, 1501, 1509, 9, 3.0, 78),
          town("Wormerveer", 52.4900, 4.7900, 1521, 1567, 16, 5.0, 80),
          town("Enkhuizen", 52.7030, 5.2900, 1601, 1602, 2, 1.5, 18),
          rural("West-Friesland", 52.7000, 5.0000, 1603, 1619, 8, 12),
          town("Hoorn", 52.6420, 5.0600, 1621, 1628, 8, 2.5, 73),
          rural("West-Friesland", 52.7200, 4.9500, 1629, 1699, 28, 14),
          rural("Schagen", 52.8000, 4.8000, 1701, 1779, 30, 12),
          town("Den Helder", 52.9550, 4.7600, 1781, 1789, 9, 3.0, 56),
          rural("Texel", 53.0600, 4.8000, 1791, 1797, 5, 7),
          town("Alkmaar", 52.6320, 4.7480, 1811, 1825, 14, 3.0, 110),
          rural("Heiloo", 52.6000, 4.6900, 1826, 1906, 24, 8),
          town("Beverwijk", 52.4850, 4.6500, 1941, 1991, 20, 5.0, 130),
          town("Haarlem", 52.3810, 4.6370, 2011, 2037, 24, 3.5, 162),
          town("Heemstede", 52.3500, 4.6000, 2041, 2121, 16, 5.0, 70),
          town("Hoofddorp", 52.3030, 4.6900, 2131, 2159, 16, 6.0, 155),
          rural("Bollenstreek", 52.2500, 4.5000, 2160, 2239, 26, 9),
          town("Wassenaar", 52.1430, 4.4000, 2241, 2245, 5, 2.5, 26),
          town("Leidschendam-Voorburg-Rijswijk", 52.0650, 4.3700, 2251, 2289, 18, 3.5, 130),
          town("Leiden", 52.1600, 4.4970, 2311, 2334, 22, 3.0, 125),
          town("Leiderdorp", 52.1600, 4.4600, 2335, 2371, 12, 4.5, 80),
          rural("Alphen aan den Rijn", 52.1300, 4.6600, 2372, 2479, 30, 10),
          town("Den Haag", 52.0780, 4.2880, 2491, 2597, 64, 6.0, 550),
          town("Delft", 52.0110, 4.3570, 2611, 2629, 14, 2.5, 105),
          town("Pijnacker-Nootdorp", 52.0200, 4.4300, 2631, 2665, 10, 4.0, 55),
          rural("Westland", 52.0000, 4.2200, 2671, 2699, 15, 7),
          town("Zoetermeer", 52.0570, 4.4930, 2711, 2729, 16, 3.0, 125),
          rural("Zuidplas", 52.0200, 4.6000, 2731, 2799, 16, 8),
          town("Gouda", 52.0170, 4.7080, 2801, 2809, 9, 2.5, 73),
          rural("Krimpenerwaard", 51.9900, 4.8000, 2811, 2899, 22, 9),
          town("Capelle aan den IJssel", 51.9400, 4.5800, 2901, 2926, 15, 3.0, 110),
          rural("Ridderkerk", 51.8600, 4.6000, 2927, 2999, 22, 6),
          town("Rotterdam", 51.9220, 4.4790, 3011, 3089, 70, 7.0, 650),
          town("Schiedam-Vlaardingen", 51.9150, 4.3600, 3111, 3147, 20, 5.0, 170),
          town("Spijkenisse", 51.8450, 4.3300, 3151, 3209, 16, 6.0, 90),
          rural("Voorne-Putten", 51.8500, 4.1700, 3211, 3259, 18, 9),
          rural("Hoeksche Waard", 51.7800, 4.4500, 3261, 3299, 16, 9),
          town("Dordrecht", 51.8130, 4.6900, 3311, 3329, 16, 3.0, 120),
          rural("Alblasserwaard", 51.8400, 4.8500, 3331, 3399, 22, 8),
          town("Nieuwegein", 52.0300, 5.0900, 3401, 3439, 16, 4.0, 100),
          rural("Woerden", 52.0850, 4.8800, 3440, 3499, 18, 9),
          town("Utrecht", 52.0910, 5.1220, 3511, 3585, 56, 5.0, 360),
          town("Maarssen", 52.1350, 5.0400, 3601, 3648, 14, 5.0, 70),
          rural("Vechtstreek", 52.2000, 5.0300, 3649, 3699, 14, 8),
          town("Zeist", 52.0900, 5.2300, 3701, 3739, 14, 4.0, 70),
          town("Soest", 52.1750, 5.2900, 3740, 3769, 10, 4.0, 60),
          rural("Eemland", 52.2000, 5.4500, 3770, 3799, 12, 10),
          town("Amersfoort", 52.1560, 5.3880, 3811, 3829, 16, 3.5, 160),
          rural("Gelderse Vallei", 52.2000, 5.5500, 3830, 3899, 26, 12),
          town("Veenendaal", 52.0280, 5.5580, 3901, 3909, 8, 2.5, 67),
          rural("Utrechtse Heuvelrug", 52.0000, 5.4000, 3910, 3999, 18, 10),
          rural("Betuwe", 51.8900, 5.4000, 4001, 4099, 22, 12),
          rural("Culemborg", 51.9000, 5.1500, 4101, 4199, 18, 10),
          town("Gorinchem", 51.8350, 4.9750, 4201, 4209, 6, 2.0, 37),
          rural("Vijfheerenlanden", 51.8500, 5.1000, 4210, 4299, 18, 10),
          rural("Schouwen-Duiveland", 51.6600, 3.9000, 4301, 4329, 10, 9),
          town("Middelburg-Vlissingen", 51.4800, 3.6000, 4330, 4389, 20, 6.0, 100),
          town("Goes", 51.5040, 3.8900, 4401, 4499, 20, 10.0, 70),
          rural("Zeeuws-Vlaanderen", 51.3100, 3.8000, 4501, 4599, 22, 13),
          town("Bergen op Zoom", 51.4950, 4.2900, 4601, 4625, 10, 2.5, 67),
          rural("West-Brabant", 51.5500, 4.3500, 4626, 4699, 14, 9),
          town("Roosendaal", 51.5300, 4.4650, 4701, 4709, 8, 2.5, 77),
          rural("West-Brabant", 51.5900, 4.5500, 4710, 4799, 16, 10),
          town("Breda", 51.5890, 4.7760, 4811, 4839, 22, 3.5, 185),
          rural("Baronie", 51.5300, 4.8500, 4840, 4899, 14, 8),
          town("Oosterhout", 51.6450, 4.8600, 4901, 4909, 7, 2.5, 56),
          rural("Dongen", 51.6600, 4.9500, 4910, 4999, 16, 10),
          town("Tilburg", 51.5600, 5.0910, 5011, 5049, 28, 4.0, 225),
          rural("Hart van Brabant", 51.5800, 5.1800, 5050, 5099, 12, 8),
          rural("Langstraat", 51.6900, 5.0700, 5101, 5199, 16, 10),
          town("'s-Hertogenbosch", 51.6900, 5.3040, 5211, 5237, 18, 3.5, 160),
          rural("Meierij", 51.6500, 5.3500, 5238, 5299, 14, 8),
          rural("Bommelerwaard", 51.7900, 5.3000, 5301, 5339, 10, 9),
          town("Oss", 51.7650, 5.5200, 5341, 5351, 10, 3.0, 92),
          rural("Maasland", 51.7700, 5.6500, 5352, 5399, 12, 9),
          town("Uden", 51.6600, 5.6200, 5401, 5409, 7, 2.5, 42),
          rural("Veghel", 51.6100, 5.5000, 5410, 5499, 20, 11),
          rural("Kempen", 51.3900, 5.3300, 5501, 5599, 24, 11),
          town("Eindhoven", 51.4410, 5.4780, 5611, 5658, 32, 4.5, 240),
          rural("Best-Son", 51.5100, 5.4500, 5659, 5699, 10, 6),
          town("Helmond", 51.4800, 5.6600, 5701, 5709, 9, 2.5, 92),
          rural("De Peel", 51.4300, 5.7800, 5710, 5799, 20, 11),
          rural("Land van Cuijk", 51.6300, 5.9300, 5801, 5899, 22, 13),
          town("Venlo", 51.3700, 6.1720, 5911, 5928, 12, 3.0, 102),
          rural("Noord-Limburg", 51.3500, 6.0300, 5929, 5999, 14, 9),
          town("Weert", 51.2520, 5.7060, 6001, 6006, 6, 2.0, 50),
          rural("Midden-Limburg", 51.2000, 5.8200, 6007, 6039, 10, 9),
          town("Roermond", 51.1940, 5.9870, 6041, 6046, 6, 2.0, 58),
          rural("Roerstreek", 51.1200, 5.9500, 6047, 6099, 12, 8),
          town("Sittard-Geleen", 50.9950, 5.8450, 6101, 6199, 20, 6.0, 92),
          town("Maastricht", 50.8510, 5.6910, 6211, 6229, 16, 3.0, 120),
          rural("Heuvelland", 50.8300, 5.8200, 6230, 6299, 14, 6),
          rural("Valkenburg", 50.8900, 5.8500, 6301, 6399, 16, 7),
          town("Heerlen", 50.8880, 5.9800, 6411, 6422, 10, 3.0, 87),
          town("Parkstad", 50.8900, 6.0500, 6423, 6499, 14, 5.0, 110),
          town("Nijmegen", 51.8420, 5.8530, 6511, 6546, 26, 4.0, 180),
          rural("Rijk van Nijmegen", 51.7700, 5.9000, 6547, 6599, 12, 8),
          rural("Maas en Waal", 51.8500, 5.6500, 6601, 6699, 16, 10),
          town("Wageningen", 51.9700, 5.6650, 6701, 6709, 7, 2.0, 39),
          town("Ede", 52.0400, 5.6600, 6711, 6719, 8, 3.0, 75),
          rural("Veluwe-zuid", 52.0500, 5.8000, 6720, 6799, 14, 10),
          town("Arnhem", 51.9850, 5.8990, 6811, 6846, 26, 4.0, 165),
          rural("Liemers", 51.9700, 6.0500, 6850, 6999, 28, 12),
          town("Doetinchem", 51.9650, 6.2900, 7001, 7009, 7, 2.5, 58),
          rural("Achterhoek", 51.9500, 6.4200, 7010, 7099, 18, 13),
          rural("Achterhoek-oost", 51.9600, 6.6500, 7101, 7199, 16, 12),
          rural("Zutphen-Lochem", 52.1400, 6.2500, 7201, 7299, 16, 11),
          town("Apeldoorn", 52.2110, 5.9690, 7311, 7339, 20, 4.0, 165),
          rural("Veluwe", 52.2500, 5.8000, 7340, 7399, 12, 12),
          town("Deventer", 52.2550, 6.1630, 7411, 7429, 12, 3.0, 100),
          rural("Salland", 52.3200, 6.3500, 7430, 7499, 14, 11),
          town("Enschede", 52.2210, 6.8940, 7511, 7548, 22, 4.0, 160),
          town("Hengelo", 52.2650, 6.7930, 7550, 7559, 9, 2.5, 81),
          rural("Noordoost-Twente", 52.3300, 6.9200, 7560, 7599, 12, 9),
          town("Almelo", 52.3570, 6.6620, 7601, 7609, 9, 2.5, 73),
          rural("Twente-west", 52.3800, 6.4800, 7610, 7699, 16, 11),
          rural("Vechtdal", 52.5600, 6.5000, 7701, 7799, 18, 14),
          town("Emmen", 52.7850, 6.8970, 7811, 7826, 12, 4.0, 108),
          rural("Zuidoost-Drenthe", 52.7300, 6.9500, 7827, 7899, 16, 12),
          rural("Hoogeveen-Meppel", 52.7200, 6.3500, 7901, 7999, 20, 14),
          town("Zwolle", 52.5160, 6.0830, 8011, 8047, 22, 4.0, 130),
          rural("IJsseldelta", 52.5200, 6.0000, 8048, 8199, 28, 15),
          town("Lelystad", 52.5180, 5.4710, 8211, 8245, 14, 4.0, 78),
          rural("Dronten", 52.5500, 5.7000, 8246, 8299, 8, 10),
          rural("Noordoostpolder", 52.7500, 5.8000, 8301, 8399, 18, 13),
          rural("Zuidoost-Friesland", 52.9800, 6.0500, 8400, 8439, 9, 11),
          town("Heerenveen", 52.9600, 5.9200, 8441, 8448, 6, 2.0, 50),
          rural("Zuidoost-Friesland", 52.9500, 6.1000, 8449, 8499, 9, 11),
          rural("Zuidwest-Friesland", 53.0000, 5.6000, 8501, 8599, 14, 13),
          town("Sneek", 53.0330, 5.6600, 8601, 8608, 6, 2.0, 34),
          rural("Zuidwest-Friesland", 53.0500, 5.5500, 8609, 8699, 10, 11),
          rural("Noordwest-Friesland", 53.1400, 5.5200, 8701, 8899, 20, 12),
          town("Leeuwarden", 53.2010, 5.7990, 8911, 8939, 18, 3.5, 125),
          rural("Leeuwarderadeel", 53.1700, 5.9000, 8940, 9099, 16, 11),
          rural("Noordoost-Friesland", 53.2800, 6.0000, 9101, 9199, 14, 12),
          town("Drachten", 53.1050, 6.0990, 9201, 9209, 7, 2.5, 45),
          rural("Smallingerland", 53.1300, 6.2000, 9210, 9299, 12, 11),
          rural("Noord-Drenthe", 53.1200, 6.4500, 9300, 9399, 14, 11),
          town("Assen", 52.9930, 6.5620, 9401, 9409, 9, 2.5, 68),
          rural("Midden-Drenthe", 52.9300, 6.6500, 9410, 9499, 14, 12),
          rural("Veenkoloniën", 53.0500, 6.9000, 9500, 9599, 14, 13),
          town("Hoogezand-Veendam", 53.1500, 6.8000, 9600, 9699, 14, 9.0, 90),
          town("Groningen", 53.2190, 6.5670, 9711, 9747, 26, 4.0, 235),
          rural("Westerkwartier", 53.2500, 6.3500, 9748, 9799, 12, 11),
          rural("Noord-Groningen", 53.3600, 6.6000, 9800, 9899, 16, 12),
          town("Delfzijl-Appingedam", 53.3200, 6.8600, 9900, 9999, 18, 9.0, 60));

  private final List<Postcode4> entries;

  private Gazetteer(List<Postcode4> entries) {
    this.entries = entries;
  }

  /** The gazetteer: about 3,500 postcode4s, sorted by pc4. */
  static Gazetteer build() {
    SplittableRandom random = new SplittableRandom(FIXED_SEED);
    List<Postcode4> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Place place : PLACES) {
      List<Integer> codes = pick(place);
      double residentsK =
          place.residentsK() > 0 ? place.residentsK() / codes.size() : RURAL_RESIDENTS_K;
      for (int i = 0; i < codes.size(); i++) {
        int pc4 = codes.get(i);
        if (!seen.add(pc4)) {
          throw new IllegalStateException("postcode4 " + pc4 + " appears twice, again in " + place);
        }
        double[] point = scatter(place, i, codes.size(), random);
        double commerce = commerce(place, i, codes.size(), residentsK);
        out.add(
            new Postcode4(
                pc4, round(point[0]), round(point[1]), place.name(), residentsK, commerce));
      }
    }
    out.sort((a, b) -> Integer.compare(a.pc4(), b.pc4()));
    return new Gazetteer(Collections.unmodifiableList(out));
  }

  List<Postcode4> entries() {
    return entries;
  }

  /** Evenly spaced codes from the range, preferring numbers not ending in 0 (as real PC4s do). */
  private static List<Integer> pick(Place place) {
    List<Integer> candidates = new ArrayList<>();
    for (int pc4 = place.first(); pc4 <= place.last(); pc4++) {
      if (pc4 % 10 != 0) {
        candidates.add(pc4);
      }
    }
    if (candidates.size() < place.count()) {
      throw new IllegalStateException("range too small for " + place);
    }
    List<Integer> codes = new ArrayList<>(place.count());
    for (int j = 0; j < place.count(); j++) {
      codes.add(candidates.get((int) ((long) j * candidates.size() / place.count())));
    }
    return codes;
  }

  /**
   * The i-th of n codes lies at a radius growing with i, so low numbers are central and the density
   * falls off outwards; points outside the bounding box are drawn again.
   */
  private static double[] scatter(Place place, int i, int n, SplittableRandom random) {
    double fraction =
        place.residentsK() > 0
            ? StrictMath.pow((i + 0.5) / n, 0.6)
            : Math.sqrt(random.nextDouble());
    for (int attempt = 0; ; attempt++) {
      double r = place.radiusKm() * fraction * (0.85 + 0.3 * random.nextDouble());
      if (i == 0 && place.residentsK() > 0) {
        r = 0.25 * random.nextDouble();
      }
      double angle = random.nextDouble() * 2 * Math.PI;
      double lat = place.lat() + r * StrictMath.sin(angle) / 111.2;
      double lon =
          place.lon()
              + r * StrictMath.cos(angle) / (111.2 * StrictMath.cos(Math.toRadians(place.lat())));
      if (lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON) {
        return new double[] {lat, lon};
      }
      if (attempt > 100) {
        throw new IllegalStateException("cannot place postcode4 of " + place + " inside the bbox");
      }
    }
  }

  /** Shops cluster in town centres: the first codes of a town carry most of its commerce. */
  private static double commerce(Place place, int i, int n, double residentsK) {
    if (place.residentsK() <= 0) {
      return i % 6 == 0 ? residentsK * 0.15 : 0; // village centres; the rest is homes and farms
    }
    double centre = Math.max(1, n / 14.0);
    double size = Math.min(5.0, StrictMath.pow(place.residentsK() / 100.0, 0.75));
    return i < centre ? residentsK * 20 * size : residentsK * 0.3;
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }
}
