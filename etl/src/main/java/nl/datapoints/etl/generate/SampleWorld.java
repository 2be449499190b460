package nl.datapoints.etl.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everything that stays the same across the days of one sample: the gazetteer, the merchants, for
 * each home postcode4 where its residents shop (nearby commerce, decaying with distance), and the
 * size of the returning-user population.
 */
final class SampleWorld {

  /** Merchants per average event per day; more events, more merchants (bounded). */
  private static final double MERCHANTS_PER_EVENT = 0.08;

  /** Users per average event per day: each user shows up on about one day in two. */
  private static final double USERS_PER_EVENT = 0.5;

  /** Residents shop within this distance of home (km). */
  private static final double NEAR_KM = 20.0;

  /** Half the pull of commerce is lost every DECAY_KM * ln 2 km. */
  private static final double DECAY_KM = 6.0;

  final List<Postcode4> postcodes;
  final byte[][] pc4Text;
  final Merchants merchants;

  /** Merchants of each postcode4 by busyness; null where there are none. */
  final AliasTable[] merchantsAt;

  /** For merchants in postcode4 i: their merchant indexes in the order of merchantsAt[i]. */
  final int[][] merchantIndex;

  /** For each home postcode4: where its residents shop (indexes into neighbourIndex[home]). */
  final AliasTable[] shopping;

  final int[][] shoppingIndex;

  /** Trips anywhere in the country, in proportion to commerce (day trips, commuters). */
  final AliasTable anywhere;

  final int[] anywhereIndex;

  /** Where users live. */
  final AliasTable homes;

  final int users;

  /** Postcode4 numbers 1000–9999 that are not in the gazetteer (for UNKNOWN_POSTCODE). */
  final int[] unknownPc4;

  /** Positive ids that are not merchants (for UNKNOWN_MERCHANT). */
  final long[] unknownMerchants;

  private SampleWorld(List<Postcode4> postcodes, Merchants merchants, int users) {
    this.postcodes = postcodes;
    this.merchants = merchants;
    this.users = users;
    int n = postcodes.size();
    pc4Text = new byte[n][];
    double[] residents = new double[n];
    for (int i = 0; i < n; i++) {
      pc4Text[i] = Integer.toString(postcodes.get(i).pc4()).getBytes(StandardCharsets.US_ASCII);
      residents[i] = postcodes.get(i).residents();
    }
    homes = new AliasTable(residents);

    List<List<Integer>> byPlace = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byPlace.add(new ArrayList<>());
    }
    for (int m = 0; m < merchants.size(); m++) {
      byPlace.get(merchants.place[m]).add(m);
    }
    merchantsAt = new AliasTable[n];
    merchantIndex = new int[n][];
    double[] pull = new double[n];
    for (int i = 0; i < n; i++) {
      List<Integer> here = byPlace.get(i);
      if (here.isEmpty()) {
        continue;
      }
      double[] w = new double[here.size()];
      merchantIndex[i] = new int[here.size()];
      for (int k = 0; k < w.length; k++) {
        merchantIndex[i][k] = here.get(k);
        w[k] = merchants.busyness[here.get(k)];
        pull[i] += w[k];
      }
      merchantsAt[i] = new AliasTable(w);
    }
    int[] withShops = java.util.stream.IntStream.range(0, n).filter(i -> pull[i] > 0).toArray();
    double[] anywhereWeights = new double[withShops.length];
    for (int k = 0; k < withShops.length; k++) {
      anywhereWeights[k] = pull[withShops[k]];
    }
    anywhere = new AliasTable(anywhereWeights);
    anywhereIndex = withShops;

    shopping = new AliasTable[n];
    shoppingIndex = new int[n][];
    double[] weights = new double[withShops.length];
    int[] index = new int[withShops.length];
    for (int home = 0; home < n; home++) {
      Postcode4 h = postcodes.get(home);
      double cosLat = StrictMath.cos(Math.toRadians(h.lat()));
      int count = 0;
      for (int t : withShops) {
        Postcode4 p = postcodes.get(t);
        double dy = (p.lat() - h.lat()) * 111.2;
        double dx = (p.lon() - h.lon()) * 111.2 * cosLat;
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d <= NEAR_KM) {
          weights[count] = pull[t] * StrictMath.exp(-d / DECAY_KM);
          index[count++] = t;
        }
      }
      if (count == 0) {
        shopping[home] = anywhere;
        shoppingIndex[home] = anywhereIndex;
      } else {
        shopping[home] = new AliasTable(java.util.Arrays.copyOf(weights, count));
        shoppingIndex[home] = java.util.Arrays.copyOf(index, count);
      }
    }

    Set<Integer> known = new HashSet<>();
    for (Postcode4 p : postcodes) {
      known.add(p.pc4());
    }
    unknownPc4 =
        java.util.stream.IntStream.rangeClosed(1000, 9999)
            .filter(pc -> !known.contains(pc))
            .toArray();
    Set<Long> ids = new HashSet<>();
    for (long id : merchants.ids) {
      ids.add(id);
    }
    SplittableRandom random = new SplittableRandom(merchants.size() * 31L + 7);
    unknownMerchants = new long[64];
    for (int k = 0; k < unknownMerchants.length; k++) {
      long id;
      do {
        id = 1 + random.nextLong(k % 2 == 0 ? 99_999_999L : Long.MAX_VALUE - 1);
      } while (ids.contains(id));
      unknownMerchants[k] = id;
    }
  }

  /** The world of a sample; same config (seed, events per day), same world. */
  static SampleWorld create(GenerateConfig config) {
    Gazetteer gazetteer = Gazetteer.build();
    SplittableRandom random = new SplittableRandom(AliasTable.mix(config.seed() ^ 0x3E7C_4A17L));
    int merchantCount =
        (int)
            Math.max(
                1_000, Math.min(500_000, Math.round(config.eventsPerDay() * MERCHANTS_PER_EVENT)));
    Merchants merchants = Merchants.create(gazetteer.entries(), merchantCount, random);
    int users =
        (int)
            Math.max(
                200, Math.min(200_000_000L, Math.round(config.eventsPerDay() * USERS_PER_EVENT)));
    return new SampleWorld(gazetteer.entries(), merchants, users);
  }
}
