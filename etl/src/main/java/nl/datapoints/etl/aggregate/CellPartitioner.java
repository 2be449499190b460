package nl.datapoints.etl.aggregate;

import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Spreads cells over reducers so that each date has its own group of reducers (so a backfill of n
 * dates writes about max(n, reducers) Parquet files, not n × reducers) and the cells of a date are
 * hashed evenly within its group. With fewer reducers than dates, whole dates go round-robin. Runs
 * in the map task.
 */
public final class CellPartitioner extends Partitioner<CellKey, CellValue> implements Configurable {
  private Configuration conf;
  private BatchDates batch;

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    this.batch = AggregateConfig.readFrom(conf).batchDates();
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int getPartition(CellKey key, CellValue value, int numPartitions) {
    return partition(batch, key, numPartitions);
  }

  static int partition(BatchDates batch, CellKey key, int numPartitions) {
    int dateIndex = Math.max(0, batch.indexOf(key.date()));
    int perDate = Math.max(1, numPartitions / batch.size());
    int slot = perDate == 1 ? 0 : Math.floorMod(key.cellHash(), perDate);
    return (dateIndex * perDate + slot) % numPartitions;
  }
}
