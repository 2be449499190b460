package nl.datapoints.etl.release;

import java.util.Comparator;
import nl.datapoints.schemas.Level;

/**
 * One member of a released level of a date × pc4 (pure): the TOTAL, an HOUR, an SBI or a CELL (hour
 * × activity × SBI). Dimensions a level does not have are -1 (hour), 0 (activity) and "" (SBI), as
 * in {@code ReleaseBlock.Entry}.
 */
record Member(Level level, int hour, int activity, String sbi) implements Comparable<Member> {
  static final Member TOTAL = new Member(Level.TOTAL, -1, 0, "");

  private static final Comparator<Member> ORDER =
      Comparator.comparing(Member::level)
          .thenComparingInt(Member::hour)
          .thenComparingInt(Member::activity)
          .thenComparing(Member::sbi);

  static Member hour(int hour) {
    return new Member(Level.HOUR, hour, 0, "");
  }

  static Member sbi(String sbi) {
    return new Member(Level.SBI, -1, 0, sbi);
  }

  static Member cell(int hour, int activity, String sbi) {
    return new Member(Level.CELL, hour, activity, sbi);
  }

  /** The member of {@code level} an event of this hour, activity and SBI counts in. */
  static Member of(Level level, int hour, int activity, String sbi) {
    return switch (level) {
      case TOTAL -> TOTAL;
      case HOUR -> hour(hour);
      case SBI -> sbi(sbi);
      case CELL -> cell(hour, activity, sbi);
    };
  }

  @Override
  public int compareTo(Member o) {
    return ORDER.compare(this, o);
  }
}
