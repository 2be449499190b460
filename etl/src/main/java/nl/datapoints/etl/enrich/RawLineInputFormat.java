package nl.datapoints.etl.enrich;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Input format of the enrich job (splits computed in the driver, records read in tasks): every
 * {@code *.tsv.gz} and {@code *.tsv} file of the input directories is one split, read whole by
 * {@link RawLineRecordReader} so line numbers are the file's own.
 */
public final class RawLineInputFormat extends FileInputFormat<LongWritable, RawLine> {

  /** Whether a file name is a raw log this format reads. */
  public static boolean isRawFile(String name) {
    return name.endsWith(".tsv.gz") || name.endsWith(".tsv");
  }

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> result = new ArrayList<>();
    for (FileStatus status : super.listStatus(job)) {
      if (isRawFile(status.getPath().getName())) {
        result.add(status);
      }
    }
    return result;
  }

  @Override
  protected boolean isSplitable(JobContext context, Path filename) {
    return false;
  }

  @Override
  public RecordReader<LongWritable, RawLine> createRecordReader(
      InputSplit split, TaskAttemptContext context) {
    return new RawLineRecordReader();
  }
}
