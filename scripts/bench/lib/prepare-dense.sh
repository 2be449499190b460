#!/usr/bin/env bash
# scripts/bench/lib/prepare-dense.sh — the query benchmark's DENSE data set: cells at the density
# production has (~150 cells per postcode4-day; 60 days x 3,453 postcode4 ~ 31 M cells), written
# by nl.datapoints.bench.data.DenseCells (see why there) and published through the real publish
# stage (`scripts/etl publish --from --to`: ONE HFile job + bulk load) into table $BENCH_TABLE
# (dense) of the benchmark HBase (var/bench/hbase, ZooKeeper localhost:$BENCH_ZK_PORT, 2191).
#   env: BENCH_DATA (var/bench/dense), BENCH_FROM (2013-01-01), BENCH_DAYS (60),
#        BENCH_CELLS_PER_PC4_DAY (150), BENCH_JOBS (one DenseCells process per core)
# Cached: every step is skipped when its output exists (the published step: the .published marker
# AND the table, in this build's store layout, holding the last date). Leaves that HBase RUNNING.
# BENCH_PUBLISH=0 writes the cells only (no HBase): scripts/bench/scaling publishes its
# stored-days table in steps itself.
set -euo pipefail
# shellcheck source=bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench.sh"
cd "$DP_ROOT"
OUT=${BENCH_DATA:-var/bench/dense}
FROM=${BENCH_FROM:-2013-01-01}
DAYS=${BENCH_DAYS:-60}
PER=${BENCH_CELLS_PER_PC4_DAY:-150}
TABLE=${BENCH_TABLE:-dense}
export DATAPOINTS_HBASE_HOME=${DATAPOINTS_HBASE_HOME:-$DP_ROOT/var/bench/hbase}
export DATAPOINTS_HBASE_ZK_PORT=${BENCH_ZK_PORT:-2191}
export DATAPOINTS_LOG_DIR=$DP_ROOT/var/bench/log
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
  bench_build
  # One process per core, each every N-th date (the cells do not depend on how they are shared).
  jobs=${BENCH_JOBS:-$(nproc)} pids=()
  for ((k = 1; k <= jobs; k++)); do
    bench_java -Xmx1g nl.datapoints.bench.data.DenseCells --ref "$OUT/ref" --warehouse "$OUT/warehouse" \
      --from "$FROM" --days "$DAYS" --cells-per-pc4-day "$PER" --seed 42 --slice "$k/$jobs" > "$OUT/cells-$k.log" 2>&1 &
    pids+=($!)
  done
  for ((k = 1; k <= jobs; k++)); do
    wait "${pids[k-1]}" || { kill "${pids[@]}" 2>/dev/null; tail -20 "$OUT/cells-$k.log" >&2; echo "bench: DenseCells $k/$jobs failed" >&2; exit 1; }
    tail -1 "$OUT/cells-$k.log" >&2
  done
  echo "bench: dense cells took $((SECONDS - t0)) s ($jobs processes)" | tee -a "$OUT/prep-timings.txt" >&2
  touch "$OUT/.cells"
fi
[ "${BENCH_PUBLISH:-1}" = 0 ] && exit 0
scripts/hbase-local start >&2
if ! bench_published "$OUT" "$DATAPOINTS_HBASE_ZK_PORT" "$TABLE" "$TO"; then
  echo "bench: publish $FROM..$TO into table $TABLE (one HFile job) ..." >&2
  t0=$SECONDS
  ETL_HEAP=${ETL_HEAP:-3g} scripts/etl publish --from "$FROM" --to "$TO" --ref "$OUT/ref" --warehouse "$OUT/warehouse" \
    --zookeeper "localhost:$DATAPOINTS_HBASE_ZK_PORT" --table "$TABLE" | tail -4 >&2
  echo "bench: publish took $((SECONDS - t0)) s" | tee -a "$OUT/prep-timings.txt" >&2
  touch "$OUT/.published"
fi
