#!/usr/bin/env bash
# scripts/bench/prepare-dense.sh — the query benchmark's DENSE data set: cells at the density
# production has (STACK.md: ~150 cells per postcode4-day; 60 days x 3,453 postcode4 ~ 31 M cells),
# written by scripts/bench/DenseCells.java (see why there) and published through the real
# publish stage (`scripts/etl publish --from --to`: ONE HFile job + bulk load) into table
# $BENCH_TABLE of the benchmark HBase (var/bench/hbase, ZooKeeper localhost:$BENCH_ZK_PORT).
# Cached: every step is skipped when its output exists. Leaves that HBase RUNNING.
# BENCH_PUBLISH=0 writes the cells only (no HBase): scripts/bench-scaling publishes its
# stored-days table in steps itself.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
source scripts/lib/common.sh
OUT=${BENCH_DATA:-var/bench/dense}
FROM=${BENCH_FROM:-2013-01-01}
DAYS=${BENCH_DAYS:-60}
PER=${BENCH_CELLS_PER_PC4_DAY:-150}
TABLE=${BENCH_TABLE:-dense}
export DATAPOINTS_HBASE_HOME=${DATAPOINTS_HBASE_HOME:-$ROOT/var/bench/hbase}
export DATAPOINTS_HBASE_ZK_PORT=${BENCH_ZK_PORT:-2191}
export DATAPOINTS_LOG_DIR=$ROOT/var/bench/log
mkdir -p "$OUT" var/bench/log
TO=$(date -d "$FROM + $((DAYS - 1)) days" +%F)

if [ ! -f "$OUT/ref/postcodes.csv" ]; then
  # The reference data (gazetteer, merchants -> SBI, SBI labels) of the generator; 1 tiny day.
  scripts/etl generate --out "$OUT/seed" --from "$FROM" --days 1 --events-per-day 1000 > /dev/null
  mkdir -p "$OUT/ref" && cp "$OUT"/seed/ref/*.csv "$OUT/ref/" && rm -rf "$OUT/seed"
fi
if [ ! -f "$OUT/.cells" ]; then
  echo "bench: writing $DAYS days x $PER cells per pc4-day from $FROM ..." >&2
  t0=$SECONDS
  dp_build etl
  # One process per core, each every N-th date (the cells do not depend on how they are shared).
  jobs=${BENCH_JOBS:-$(nproc)} pids=()
  for ((k = 1; k <= jobs; k++)); do
    java -Xmx1g -cp "$(dp_classpath etl)" scripts/bench/DenseCells.java "$OUT/ref" "$OUT/warehouse" "$FROM" "$DAYS" "$PER" 42 "$k/$jobs" \
      > "$OUT/cells-$k.log" 2>&1 &
    pids+=($!)
  done
  for ((k = 1; k <= jobs; k++)); do
    wait "${pids[k-1]}" || { kill "${pids[@]}" 2>/dev/null; tail -20 "$OUT/cells-$k.log" >&2; echo "bench: DenseCells $k/$jobs failed" >&2; exit 1; }
    grep -v -i 'warn\|log4j\|slf4j' "$OUT/cells-$k.log" | tail -1 >&2
  done
  echo "bench: dense cells took $((SECONDS - t0)) s ($jobs processes)" | tee -a "$OUT/prep-timings.txt" >&2
  touch "$OUT/.cells"
fi
[ "${BENCH_PUBLISH:-1}" = 0 ] && exit 0
scripts/hbase-local start >&2
if ! dp_bench_table_current "$OUT/.published-layout$DP_STORE_LAYOUT" "$DATAPOINTS_HBASE_ZK_PORT" "$TABLE"; then
  echo "bench: publish $FROM..$TO into table $TABLE (one HFile job) ..." >&2
  t0=$SECONDS
  ETL_HEAP=${ETL_HEAP:-3g} scripts/etl publish --from "$FROM" --to "$TO" --ref "$OUT/ref" --warehouse "$OUT/warehouse" \
    --zookeeper "localhost:$DATAPOINTS_HBASE_ZK_PORT" --table "$TABLE" | tail -4 >&2
  echo "bench: publish took $((SECONDS - t0)) s" | tee -a "$OUT/prep-timings.txt" >&2
  touch "$OUT/.published-layout$DP_STORE_LAYOUT"
fi
