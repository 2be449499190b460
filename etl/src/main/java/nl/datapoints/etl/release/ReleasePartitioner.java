package nl.datapoints.etl.release;

import java.util.Map;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Gives each date of the batch its own reducers (so a backfill writes about max(dates, reducers)
 * files, not dates × reducers) and spreads a date's pc4s over them. Map tasks.
 */
public final class ReleasePartitioner extends Partitioner<DatePc4, ReleaseInput>
    implements Configurable {
  private Configuration conf;
  private Map<Integer, Integer> batch;

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    this.batch = ReleaseConfig.readFrom(conf).indexByEpochDay();
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int getPartition(DatePc4 key, ReleaseInput value, int numPartitions) {
    return partition(batch.size(), batch.getOrDefault(key.date(), 0), key.pc4(), numPartitions);
  }

  static int partition(int dates, int dateIndex, int pc4, int numPartitions) {
    int perDate = Math.max(1, numPartitions / dates);
    int slot = perDate == 1 ? 0 : Math.floorMod(pc4 * 0x9E3779B1, perDate);
    return (dateIndex * perDate + slot) % numPartitions;
  }
}
