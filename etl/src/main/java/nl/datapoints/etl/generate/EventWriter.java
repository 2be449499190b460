package nl.datapoints.etl.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Writes one raw log line (docs/formats.md §2.1) for one day: picks a returning user, a merchant
 * near the user's home that is open at that hour, an activity, and spells time, ip and postcode the
 * many ways real log sources do. With a {@link Defect} it spoils exactly one aspect of the line.
 */
final class EventWriter {

  /** Share of events at one of the user's four favourite merchants. */
  private static final double FAVOURITE = 0.6;

  /** Share of events away from home: anywhere in the country, weighted by commerce. */
  private static final double ANYWHERE = 0.06;

  private static final int OPEN_TRIES = 12;
  private static final double UTC_SHARE = 0.35;

  /** Activity ids: 1 payment, 2 refund, 3 cash withdrawal, 7 check-in, 12 visit. */
  private static final int[] ACTIVITIES = {1, 2, 3, 7, 12};

  private static final byte[][] ACTIVITY_TEXT = texts(ACTIVITIES);

  /** Per kind of business: mostly payments; check-ins in transport, visits in leisure. */
  private static final AliasTable AT_SHOP = new AliasTable(new double[] {97, 2, 1, 0, 0});

  private static final AliasTable AT_TRANSPORT = new AliasTable(new double[] {8, 0, 0, 92, 0});
  private static final AliasTable AT_LEISURE = new AliasTable(new double[] {30, 0, 0, 0, 70});
  private static final AliasTable AT_BANK = new AliasTable(new double[] {20, 0, 80, 0, 0});
  private static final byte[][] MM_SS = minuteSeconds();
  private static final byte[] LONG_IP = longIp();
  private static final long USER_SALT = 0x51_7A_C0_FFEEL;

  private final SampleWorld world;
  private final DayClock clock;
  private final SplittableRandom random;
  private final long userSeed;
  private final long daySalt;

  /** open[hourIndex][sbi]. */
  private final boolean[][] open;

  private final DefectText defects;

  /** Activity distribution per SBI index. */
  private final AliasTable[] activities;

  EventWriter(SampleWorld world, DayClock clock, long seed, SplittableRandom random) {
    this.world = world;
    this.clock = clock;
    this.random = random;
    this.userSeed = AliasTable.mix(seed ^ USER_SALT);
    this.daySalt = AliasTable.mix(seed + clock.date.toEpochDay());
    int sbis = SbiCatalog.CODES.size();
    open = new boolean[clock.hours.size()][sbis];
    for (int h = 0; h < open.length; h++) {
      for (int s = 0; s < sbis; s++) {
        open[h][s] =
            SbiCatalog.CODES.get(s).opening().open(clock.dayOfWeek, clock.hours.get(h).localHour());
      }
    }
    this.defects = new DefectText(clock, random);
    activities = new AliasTable[sbis];
    for (int s = 0; s < sbis; s++) {
      activities[s] =
          switch (SbiCatalog.CODES.get(s).opening()) {
            case TRANSPORT -> AT_TRANSPORT;
            case LEISURE -> AT_LEISURE;
            case OFFICE -> SbiCatalog.CODES.get(s).code().equals("6419") ? AT_BANK : AT_SHOP;
            default -> AT_SHOP;
          };
    }
  }

  /** Writes one line at second `second` of elapsed hour `hourIndex`; defect null = a good event. */
  void write(GzipLineSink out, int hourIndex, int second, Defect defect) throws IOException {
    long userKey = userSeed + pickUser();
    long userHash = AliasTable.mix(userKey);
    int home = world.homes.sample(AliasTable.mix(userHash ^ 0x40E5L));
    int merchant = pickMerchant(userHash, home, hourIndex);
    DayClock.Hour hour = clock.hours.get(hourIndex);

    if (defect == Defect.OUT_OF_PARTITION) {
      defects.outOfPartitionTime(out);
    } else if (defect == Defect.BAD_TIMESTAMP) {
      defects.badTime(out, hour, second);
    } else {
      time(out, hour, second);
    }
    out.put('\t');
    if (defect != Defect.EMPTY_USER) {
      user(out, userHash);
      if (defect == Defect.ENCODING) {
        defects.invalidUtf8(out);
      }
    }
    out.put('\t');
    if (defect == Defect.LINE_TOO_LONG) {
      out.put(LONG_IP);
    } else {
      ip(out, userHash);
    }
    out.put('\t');
    int sbi = world.merchants.sbi[merchant];
    int at = sbi == SbiCatalog.ONLINE ? home : world.merchants.place[merchant];
    byte l1 =
        sbi == SbiCatalog.ONLINE ? Merchants.letter(userHash) : world.merchants.letter1[merchant];
    byte l2 =
        sbi == SbiCatalog.ONLINE
            ? Merchants.letter(userHash >>> 7)
            : world.merchants.letter2[merchant];
    if (defect == Defect.BAD_POSTCODE) {
      defects.badPostcode(out, world.pc4Text[at], l1, l2);
    } else if (defect == Defect.UNKNOWN_POSTCODE) {
      out.putDecimal(world.unknownPc4[random.nextInt(world.unknownPc4.length)]).put(l1).put(l2);
    } else {
      postcode(out, world.pc4Text[at], l1, l2);
    }
    out.put('\t');
    if (defect == Defect.BAD_MERCHANT) {
      defects.badMerchant(out, world.merchants.idText[merchant]);
    } else if (defect == Defect.UNKNOWN_MERCHANT) {
      out.putDecimal(world.unknownMerchants[random.nextInt(world.unknownMerchants.length)]);
    } else {
      out.put(world.merchants.idText[merchant]);
    }
    if (defect == Defect.FIELD_COUNT && random.nextBoolean()) {
      out.endLine(); // five fields: the activity is missing
      return;
    }
    out.put('\t');
    if (defect == Defect.BAD_ACTIVITY) {
      defects.badActivity(out);
    } else {
      out.put(ACTIVITY_TEXT[activities[sbi].sample(random)]);
    }
    if (defect == Defect.FIELD_COUNT) {
      out.put('\t').put("extra"); // seven fields
    }
    out.endLine();
  }

  /** Skewed: low indexes are heavy users; P(index < f * users) = f^(2/3). */
  private long pickUser() {
    double x = random.nextDouble();
    return (long) (world.users * x * Math.sqrt(x));
  }

  private int pickMerchant(long userHash, int home, int hourIndex) {
    boolean[] openNow = open[hourIndex];
    int merchant = 0;
    for (int tries = 0; tries < OPEN_TRIES; tries++) {
      double p = random.nextDouble();
      int target;
      if (tries == 0 && p < FAVOURITE) {
        long favourite = AliasTable.mix(userHash + 0x9E3779B97F4A7C15L * (1 + random.nextInt(4)));
        target = world.shoppingIndex[home][world.shopping[home].sample(favourite)];
        merchant =
            world
                .merchantIndex[target][world.merchantsAt[target].sample(AliasTable.mix(favourite))];
      } else {
        if (p < 1 - ANYWHERE) {
          target = world.shoppingIndex[home][world.shopping[home].sample(random)];
        } else {
          target = world.anywhereIndex[world.anywhere.sample(random)];
        }
        merchant = world.merchantIndex[target][world.merchantsAt[target].sample(random)];
      }
      if (openNow[world.merchants.sbi[merchant]]) {
        return merchant;
      }
    }
    return merchant;
  }

  private void time(GzipLineSink out, DayClock.Hour hour, int second) {
    if (random.nextDouble() < UTC_SHARE) {
      out.put(hour.utcPrefix()).put(MM_SS[second]).put('Z');
    } else {
      out.put(hour.localPrefix()).put(MM_SS[second]).put(hour.offset());
    }
  }

  /** Ids in three styles, fixed per user: 16 hex digits, a UUID, or a customer number. */
  private static void user(GzipLineSink out, long userHash) {
    int style = (int) ((userHash >>> 60) & 0xF);
    if (style < 10) {
      out.putHex(AliasTable.mix(userHash ^ 0x1D), 16);
    } else if (style < 14) {
      long a = AliasTable.mix(userHash ^ 0x2D);
      long b = AliasTable.mix(userHash ^ 0x3D);
      out.putHex(a >>> 32, 8)
          .put('-')
          .putHex(a >>> 16, 4)
          .put('-')
          .putHex(0x4000 | (a & 0x0FFF), 4)
          .put('-')
          .putHex(0x8000 | (b >>> 48 & 0x3FFF), 4)
          .put('-')
          .putHex(b, 12);
    } else {
      out.put("cust").putDecimal(10_000_000 + ((userHash >>> 8) & 0xFFFFFFFL));
    }
  }

  /** A user has two addresses a day (home, phone): 70% IPv4, 20% IPv6, 10% unknown ("-"). */
  private void ip(GzipLineSink out, long userHash) {
    long h = AliasTable.mix(userHash ^ daySalt ^ random.nextInt(2));
    int kind = (int) ((h >>> 56) % 10);
    if (kind < 7) {
      out.putDecimal(1 + (h & 0xFF) % 223)
          .put('.')
          .putDecimal((h >>> 8) & 0xFF)
          .put('.')
          .putDecimal((h >>> 16) & 0xFF)
          .put('.')
          .putDecimal((h >>> 24) & 0xFF);
    } else if (kind < 9) {
      out.put("2a02:")
          .putHex(h, 4)
          .put(':')
          .putHex(h >>> 16, 4)
          .put(':')
          .putHex(h >>> 32, 4)
          .put("::")
          .putHex(h >>> 40, 4);
    } else {
      out.put('-');
    }
  }

  /** PC6 in capitals mostly; lower case, with a space, or only the PC4 sometimes. */
  private void postcode(GzipLineSink out, byte[] pc4, byte l1, byte l2) {
    int style = random.nextInt(100);
    out.put(pc4);
    if (style < 70) {
      out.put(l1).put(l2);
    } else if (style < 78) {
      out.put((byte) (l1 | 0x20)).put((byte) (l2 | 0x20));
    } else if (style < 90) {
      out.put(' ').put(l1).put(l2);
    } else if (style < 93) {
      out.put(' ').put((byte) (l1 | 0x20)).put((byte) (l2 | 0x20));
    }
  }

  private static byte[][] texts(int[] values) {
    byte[][] t = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      t[i] = DayClock.ascii(Integer.toString(values[i]));
    }
    return t;
  }

  private static byte[][] minuteSeconds() {
    byte[][] t = new byte[3600][];
    for (int s = 0; s < 3600; s++) {
      t[s] = DayClock.ascii(String.format("%02d:%02d", s / 60, s % 60));
    }
    return t;
  }

  private static byte[] longIp() {
    byte[] b = new byte[66_000];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) "0123456789abcdef:".charAt(i % 17);
    }
    return b;
  }
}
