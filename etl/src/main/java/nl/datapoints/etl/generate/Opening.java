package nl.datapoints.etl.generate;

import java.time.DayOfWeek;

/** When a kind of business takes activity: local hours open on weekdays, Saturdays and Sundays. */
enum Opening {
  SHOP(range(9, 18), range(9, 18), range(12, 17)),
  SUPERMARKET(range(8, 22), range(8, 22), range(10, 20)),
  RESTAURANT(range(11, 23), range(11, 24), range(11, 23)),
  FAST_FOOD(range(10, 24) | range(0, 1), range(10, 24) | range(0, 4), range(11, 24) | range(0, 4)),
  CAFE(range(10, 24) | range(0, 2), range(10, 24) | range(0, 4), range(11, 24) | range(0, 4)),
  ALWAYS(range(0, 24), range(0, 24), range(0, 24)),
  TRANSPORT(range(5, 24) | range(0, 1), range(6, 24) | range(0, 2), range(7, 24) | range(0, 2)),
  OFFICE(range(9, 17), range(10, 13), 0),
  LEISURE(range(7, 23), range(8, 23), range(9, 22));

  private final int weekday;
  private final int saturday;
  private final int sunday;

  Opening(int weekday, int saturday, int sunday) {
    this.weekday = weekday;
    this.saturday = saturday;
    this.sunday = sunday;
  }

  /** Whether activity happens at this local hour (0–23) on this day of the week. */
  boolean open(DayOfWeek day, int hour) {
    int mask =
        switch (day) {
          case SATURDAY -> saturday;
          case SUNDAY -> sunday;
          default -> weekday;
        };
    return (mask >>> hour & 1) != 0;
  }

  /** Bits fromHour (inclusive) to toHour (exclusive). */
  private static int range(int fromHour, int toHour) {
    int mask = 0;
    for (int h = fromHour; h < toHour; h++) {
      mask |= 1 << h;
    }
    return mask;
  }
}
