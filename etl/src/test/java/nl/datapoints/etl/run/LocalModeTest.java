package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class LocalModeTest {
  @Test
  void localRunnerGetsOneTaskSlotPerCoreUnlessSet() {
    Configuration conf = new Configuration(false);
    LocalMode.tune(conf);
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(cores, conf.getInt(LocalMode.LOCAL_MAPS, 0));
    assertEquals(cores, conf.getInt(LocalMode.LOCAL_REDUCES, 0));

    Configuration set = new Configuration(false);
    set.setInt(LocalMode.LOCAL_MAPS, 7);
    LocalMode.tune(set);
    assertEquals(7, set.getInt(LocalMode.LOCAL_MAPS, 0));
  }

  @Test
  void clusterRunsOneAggregateReducerPerDate() {
    Configuration conf = new Configuration(false);
    conf.set(LocalMode.FRAMEWORK, "yarn");
    assertEquals(42, LocalMode.aggregateReducers(conf, 42));
    LocalMode.tune(conf);
    assertEquals(null, conf.get(LocalMode.LOCAL_MAPS));
    assertEquals(true, conf.getBoolean(LocalMode.USER_CLASSPATH_FIRST, false));
  }

  @Test
  void localModeCapsAggregateReducersAtTwicePerCore() {
    Configuration conf = new Configuration(false);
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(Math.min(42, 2 * cores), LocalMode.aggregateReducers(conf, 42));
    assertEquals(1, LocalMode.aggregateReducers(conf, 1));
  }

  @Test
  void operatorChoiceWins() {
    Configuration conf = new Configuration(false);
    conf.setInt(LocalMode.AGGREGATE_REDUCERS, 5);
    assertEquals(5, LocalMode.aggregateReducers(conf, 42));
  }
}
