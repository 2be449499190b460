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
import nl.datapoints.endpoint.AreaRows;
import nl.datapoints.endpoint.AreaSums;
import nl.datapoints.endpoint.SumsRequest;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.RowKey;
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
 * of every row. Per date one region scanner at exactly the date's generation, over the part of the
 * date's key range this region holds, reading only the families the query needs and jumping the
 * gaps between the area's runs ({@link AreaRows}, {@link RegionScanner#reseek}). Block values are
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
    Values values = new Values();
    List<Cell> cells = new ArrayList<>();
    for (int d = 0; d < request.dates().length; d++) {
      byte[] first = request.firstKey(d);
      byte[] last = request.lastKey(d);
      if ((regionEnd.length > 0 && Bytes.compareTo(first, regionEnd) >= 0)
          || Bytes.compareTo(last, regionStart) < 0) {
        continue;
      }
      long generation = request.generations()[d];
      Scan scan =
          new Scan()
              .withStartRow(Bytes.compareTo(first, regionStart) < 0 ? regionStart : first, true)
              .withStopRow(last, true)
              .setTimeRange(generation, generation + 1);
      // Whole families (each holds one qualifier): an explicit column makes the region scanner
      // seek to the next row after every row, a family lets it step there.
      if (request.spec().area()) {
        scan.addFamily(AREA_FAMILY);
      }
      if (request.spec().cells()) {
        scan.addFamily(CELLS_FAMILY);
      }
      AreaRows rows = new AreaRows(request);
      try (RegionScanner scanner = region.getScanner(scan)) {
        boolean more = true;
        while (more) {
          cells.clear();
          more = scanner.next(cells);
          if (cells.isEmpty()) {
            continue;
          }
          int pc4 = values.pc4(cells.get(0));
          int at = rows.next(pc4);
          if (at == AreaRows.DONE) {
            break;
          } else if (at == AreaRows.SEEK) {
            more = scanner.reseek(RowKey.of(request.dates()[d], rows.seekTo()).toBytes());
          } else if (at >= 0) {
            for (Cell cell : cells) {
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

    int pc4(Cell cell) {
      if (cell instanceof ByteBufferExtendedCell) {
        int n = CellUtil.copyRowTo(cell, grow(cell.getRowLength()), 0);
        return RowKey.pc4Of(scratch, 0, n);
      }
      return RowKey.pc4Of(cell.getRowArray(), cell.getRowOffset(), cell.getRowLength());
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
