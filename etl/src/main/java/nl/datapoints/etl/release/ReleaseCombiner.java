package nl.datapoints.etl.release;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Sums the contributions of a row per tag and member inside the map task (hits and users add up),
 * so the shuffle carries one value per member instead of one per user-day; domain marks collapse
 * into one and stored values pass through.
 */
public final class ReleaseCombiner extends Reducer<DatePc4, ReleaseInput, DatePc4, ReleaseInput> {
  private record Slot(ReleaseInput.Tag tag, Member member) implements Comparable<Slot> {
    @Override
    public int compareTo(Slot o) {
      int c = tag.compareTo(o.tag);
      return c != 0 ? c : member.compareTo(o.member);
    }
  }

  private final ReleaseInput out = new ReleaseInput();

  @Override
  protected void reduce(DatePc4 key, Iterable<ReleaseInput> values, Context context)
      throws IOException, InterruptedException {
    Map<Slot, long[]> sums = new TreeMap<>();
    for (ReleaseInput v : values) {
      if (v.tag == ReleaseInput.Tag.STORED) {
        context.write(key, v);
        continue;
      }
      long[] s = sums.computeIfAbsent(new Slot(v.tag, v.member()), k -> new long[2]);
      s[0] += v.hits;
      s[1] += v.users;
    }
    for (Map.Entry<Slot, long[]> e : sums.entrySet()) {
      Member m = e.getKey().member();
      long[] s = e.getValue();
      out.set(
          e.getKey().tag(),
          m.level(),
          key.pc4(),
          m.hour(),
          m.activity(),
          m.sbi(),
          e.getKey().tag() == ReleaseInput.Tag.DOMAIN ? 0 : s[0],
          e.getKey().tag() == ReleaseInput.Tag.DOMAIN ? 0 : s[1],
          0);
      context.write(key, out);
    }
  }
}
