package nl.datapoints.etl.generate;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The merchants of a sample: ids (half of them above 2^31), SBI code, the postcode4 (index into the
 * gazetteer) and PC6 letters of their address, and how busy each is.
 */
final class Merchants {

  private static final byte[] LETTERS = "ABCDEGHJKLMNPRSTVWXZ".getBytes(StandardCharsets.US_ASCII);

  final long[] ids;
  final byte[][] idText;
  final int[] sbi;
  final int[] place;
  final byte[] letter1;
  final byte[] letter2;
  final double[] busyness;

  private Merchants(int n) {
    ids = new long[n];
    idText = new byte[n][];
    sbi = new int[n];
    place = new int[n];
    letter1 = new byte[n];
    letter2 = new byte[n];
    busyness = new double[n];
  }

  int size() {
    return ids.length;
  }

  /** Places n merchants in postcode4s in proportion to their commerce weight. */
  static Merchants create(List<Postcode4> gazetteer, int n, SplittableRandom random) {
    double[] commerce = new double[gazetteer.size()];
    for (int i = 0; i < commerce.length; i++) {
      commerce[i] = gazetteer.get(i).commerce();
    }
    AliasTable where = new AliasTable(commerce);
    List<SbiCatalog.Sbi> codes = SbiCatalog.CODES;
    double[] share = new double[codes.size()];
    for (int i = 0; i < share.length; i++) {
      share[i] = codes.get(i).share();
    }
    AliasTable kind = new AliasTable(share);
    Merchants m = new Merchants(n);
    Set<Long> used = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) {
      long id;
      do {
        id =
            random.nextBoolean()
                ? 100_000L + random.nextLong(2_147_383_647L)
                : (1L << 31) + random.nextLong(Long.MAX_VALUE - (1L << 31));
      } while (!used.add(id));
      m.ids[i] = id;
      m.idText[i] = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
      m.sbi[i] = kind.sample(random);
      m.place[i] = where.sample(random);
      m.letter1[i] = LETTERS[random.nextInt(LETTERS.length)];
      m.letter2[i] = LETTERS[random.nextInt(LETTERS.length)];
      // Log-normal spread: a few merchants are much busier than the rest of their kind.
      m.busyness[i] = codes.get(m.sbi[i]).busyness() * StrictMath.exp(0.8 * gaussian(random));
    }
    return m;
  }

  static byte letter(long hash) {
    return LETTERS[(int) ((hash >>> 1) % LETTERS.length)];
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
  }
}
