package nl.datapoints.endpoint.hbase;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import com.google.protobuf.RpcCallback;
import com.google.protobuf.RpcController;
import com.google.protobuf.Service;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.datapoints.endpoint.AreaSums;
import nl.datapoints.endpoint.DateRows;
import nl.datapoints.endpoint.SumsRequest;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.ByteBufferExtendedCell;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.CoprocessorEnvironment;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.coprocessor.CoprocessorException;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessorEnvironment;
import org.apache.hadoop.hbase.ipc.CoprocessorRpcUtils;
import org.apache.hadoop.hbase.regionserver.Region;
import org.apache.hadoop.hbase.regionserver.RegionScanner;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The region coprocessor endpoint {@code datapoints.AreaSums}: sums an area query's release blocks
 * where they are, so a region sends the service a few KB of sums ({@link AreaSums#toBytes}) instead
 * of every row. One region scanner over the part of the request's dates this region holds, at the
 * dates' generations, reading only the families the query needs and jumping the gaps between the
 * area's runs and between dates ({@link DateRows}, {@link RegionScanner#reseek}). Block values are
 * summed where the region's block cache holds them (no copy for on-heap cells).
 *
 * <p>Loaded on every region by {@code hbase.coprocessor.region.classes} (the class, with the
 * datapoints-schemas jar, on the region servers' classpath; {@code scripts/hbase-local} does this).
 * A bad request is a {@link DoNotRetryIOException} to the caller; nothing is logged per call.
 */
public final class AreaSumsEndpoint implements RegionCoprocessor, Service {
  private static final byte[] AREA_FAMILY = StoreLayout.familyOf(ReleaseBlock.AREA);
  private static final byte[] CELLS_FAMILY = StoreLayout.familyOf(ReleaseBlock.CELLS);

  private volatile Region region;

  @Override
  public void start(CoprocessorEnvironment env) throws IOException {
    if (!(env instanceof RegionCoprocessorEnvironment r)) {
      throw new CoprocessorException("AreaSumsEndpoint must be loaded as a region coprocessor");
    }
    region = r.getRegion();
  }

  @Override
  public Iterable<Service> getServices() {
    return Collections.singleton(this);
  }

  @Override
  public Descriptors.ServiceDescriptor getDescriptorForType() {
    return AreaSumsProtocol.SERVICE;
  }

  @Override
  public Message getRequestPrototype(Descriptors.MethodDescriptor method) {
    return AreaSumsProtocol.requestPrototype();
  }

  @Override
  public Message getResponsePrototype(Descriptors.MethodDescriptor method) {
    return AreaSumsProtocol.responsePrototype();
  }

  @Override
  public void callMethod(
      Descriptors.MethodDescriptor method,
      RpcController controller,
      Message request,
      RpcCallback<Message> done) {
    try {
      if (!AreaSumsProtocol.SUM.getFullName().equals(method.getFullName())) {
        throw new DoNotRetryIOException(
            "unknown method " + method.getFullName() + " of " + AreaSumsProtocol.SERVICE_NAME);
      }
      SumsRequest req;
      try {
        req = SumsRequest.of(AreaSumsProtocol.payload(request));
      } catch (IllegalArgumentException e) {
        throw new DoNotRetryIOException("bad area sums request: " + e.getMessage(), e);
      }
      done.run(AreaSumsProtocol.response(sum(region, req).toBytes()));
    } catch (IOException e) {
      CoprocessorRpcUtils.setControllerException(controller, e);
      done.run(null);
    } catch (RuntimeException e) {
      CoprocessorRpcUtils.setControllerException(
          controller, new DoNotRetryIOException("area sums failed: " + e, e));
      done.run(null);
    }
  }

  /** The sums of the rows of {@code request} that {@code region} holds. */
  static AreaSums sum(Region region, SumsRequest request) throws IOException {
    AreaSums sums = new AreaSums(request.spec(), request.dates().length, request.pc4s().length);
    if (request.pc4s().length == 0 || request.runFirst().length == 0) {
      return sums;
    }
    RegionInfo info = region.getRegionInfo();
    byte[] regionStart = info.getStartKey();
    byte[] regionEnd = info.getEndKey();
    int first = -1;
    int last = -1;
    long minGeneration = Long.MAX_VALUE;
    long maxGeneration = Long.MIN_VALUE;
    for (int d = 0; d < request.dates().length; d++) {
      if ((regionEnd.length > 0 && Bytes.compareTo(request.firstKey(d), regionEnd) >= 0)
          || Bytes.compareTo(request.lastKey(d), regionStart) < 0) {
        continue;
      }
      first = first < 0 ? d : first;
      last = d;
      minGeneration = Math.min(minGeneration, request.generations()[d]);
      maxGeneration = Math.max(maxGeneration, request.generations()[d]);
    }
    if (first < 0) {
      return sums;
    }
    // One scanner over every date the region holds, at the generations they are read at: the
    // time range spans them all, so where dates differ in generation a date's other versions in
    // that range are read too and dropped by their timestamp.
    byte[] firstKey = request.firstKey(first);
    Scan scan =
        new Scan()
            .withStartRow(Bytes.compareTo(firstKey, regionStart) < 0 ? regionStart : firstKey, true)
            .withStopRow(request.lastKey(last), true)
            .setTimeRange(minGeneration, maxGeneration + 1);
    if (minGeneration != maxGeneration) {
      scan.readAllVersions();
    }
    // Whole families (each holds one qualifier): an explicit column makes the region scanner
    // seek to the next row after every row, a family lets it step there.
    if (request.spec().area()) {
      scan.addFamily(AREA_FAMILY);
    }
    if (request.spec().cells()) {
      scan.addFamily(CELLS_FAMILY);
    }
    Values values = new Values();
    List<Cell> cells = new ArrayList<>();
    DateRows rows = new DateRows(request, first, last);
    try (RegionScanner scanner = region.getScanner(scan)) {
      boolean more = true;
      while (more) {
        cells.clear();
        more = scanner.next(cells);
        if (cells.isEmpty()) {
          continue;
        }
        int at = values.row(cells.get(0), rows);
        if (at == DateRows.DONE) {
          break;
        } else if (at == DateRows.SEEK) {
          more = scanner.reseek(rows.seekTo());
        } else if (at >= 0) {
          int d = rows.date();
          long generation = request.generations()[d];
          for (Cell cell : cells) {
            if (cell.getTimestamp() == generation) {
              values.sum(cell, d, at, sums);
            }
          }
        }
      }
    }
    return sums;
  }

  /** Reads rows and values where the cell holds them, copying only off-heap ones (reused). */
  private static final class Values {
    private byte[] scratch = new byte[256];

    int row(Cell cell, DateRows rows) {
      if (cell instanceof ByteBufferExtendedCell) {
        int n = CellUtil.copyRowTo(cell, grow(cell.getRowLength()), 0);
        return rows.next(scratch, 0, n);
      }
      return rows.next(cell.getRowArray(), cell.getRowOffset(), cell.getRowLength());
    }

    void sum(Cell cell, int dateIndex, int pc4Index, AreaSums sums) {
      boolean isCells;
      if (CellUtil.matchingColumn(cell, AREA_FAMILY, ReleaseBlock.AREA)) {
        isCells = false;
      } else if (CellUtil.matchingColumn(cell, CELLS_FAMILY, ReleaseBlock.CELLS)) {
        isCells = true;
      } else {
        return;
      }
      if (cell instanceof ByteBufferExtendedCell bb) {
        ByteBuffer buf = bb.getValueByteBuffer();
        if (buf.hasArray()) {
          sums.block(
              dateIndex,
              pc4Index,
              isCells,
              buf.array(),
              buf.arrayOffset() + bb.getValuePosition(),
              cell.getValueLength());
          return;
        }
        int n = CellUtil.copyValueTo(cell, grow(cell.getValueLength()), 0);
        sums.block(dateIndex, pc4Index, isCells, scratch, 0, n);
        return;
      }
      sums.block(
          dateIndex,
          pc4Index,
          isCells,
          cell.getValueArray(),
          cell.getValueOffset(),
          cell.getValueLength());
    }

    private byte[] grow(int n) {
      if (scratch.length < n) {
        scratch = new byte[Math.max(n, scratch.length * 2)];
      }
      return scratch;
    }
  }
}
