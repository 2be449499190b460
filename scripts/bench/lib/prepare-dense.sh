#!/usr/bin/env bash
# scripts/bench/lib/prepare-dense.sh — the benchmarks' DENSE data set: a differentially private
# release at production density (every gazetteer postcode4 x date with its TOTAL, 24 HOURs and
# every SBI of the public domain, a few selected CELLs, deltas from D-7; 60 days x 3,453 postcode4
# ~ 15 M values), written by nl.datapoints.bench.data.DenseRelease (see why there) as
# <data>/warehouse/release/dt=D/ + _release.json, and published through the real publish stage
# (`scripts/etl publish --from --to`: ONE HFile job + bulk load) into table $BENCH_TABLE (dense) of
# the benchmark HBase (var/bench/hbase, ZooKeeper localhost:$BENCH_ZK_PORT, 2191).
#   env: BENCH_DATA (var/bench/dense), BENCH_FROM (2013-01-01), BENCH_DAYS (60),
#        BENCH_DENSE_EVENTS (12000000 events a day in all: the true counts' scale),
#        BENCH_CELLS_PER_PC4_DAY (2: selected CELLs per postcode4-day on average, see DenseRelease),
#        BENCH_JOBS (one DenseRelease process per core)
# Cached: every step is skipped when its output exists (dates already written are kept; the
# published step: the .published marker AND the table, in this build's store layout, holding the
# last date). A change of BENCH_FROM, BENCH_DENSE_EVENTS or BENCH_CELLS_PER_PC4_DAY rewrites the
# release and publishes it again. Leaves that HBase RUNNING. BENCH_PUBLISH=0 writes the release
# only (no HBase): scripts/bench/scaling publishes its stored-days table in steps itself.
set -euo pipefail
# shellcheck source=bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench.sh"
cd "$DP_ROOT"
OUT=${BENCH_DATA:-var/bench/dense}
FROM=${BENCH_FROM:-2013-01-01}
DAYS=${BENCH_DAYS:-60}
EVENTS=${BENCH_DENSE_EVENTS:-12000000}
PER=${BENCH_CELLS_PER_PC4_DAY:-2}
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
# What the values depend on (not the number of days: day d is the same in a longer set).
STAMP="from=$FROM events=$EVENTS cells=$PER seed=42"
if [ -f "$OUT/.release" ] && [ "$(cat "$OUT/.release")" != "$STAMP" ]; then
  echo "bench: the release in $OUT was written with $(cat "$OUT/.release"), now $STAMP: writing it again" >&2
  rm -rf "$OUT/warehouse/release" "$OUT/.release" "$OUT"/release-*.done "$OUT"/.published*
fi
if [ ! -f "$OUT/release-$DAYS.done" ] || [ ! -f "$OUT/.release" ]; then
  echo "bench: writing the release of $DAYS days from $FROM ($EVENTS events a day, $PER cells per pc4-day) ..." >&2
  t0=$SECONDS
  bench_build
  # One process per core, each every N-th date (the release does not depend on how they are shared).
  jobs=${BENCH_JOBS:-$(nproc)} pids=()
  for ((k = 1; k <= jobs; k++)); do
    bench_java -Xmx1g nl.datapoints.bench.data.DenseRelease --ref "$OUT/ref" --warehouse "$OUT/warehouse" \
      --from "$FROM" --days "$DAYS" --events-per-day "$EVENTS" --cells-per-pc4-day "$PER" --seed 42 \
      --slice "$k/$jobs" > "$OUT/release-$k.log" 2>&1 &
    pids+=($!)
  done
  for ((k = 1; k <= jobs; k++)); do
    wait "${pids[k-1]}" || { kill "${pids[@]}" 2>/dev/null; tail -20 "$OUT/release-$k.log" >&2; echo "bench: DenseRelease $k/$jobs failed" >&2; exit 1; }
    tail -1 "$OUT/release-$k.log" >&2
  done
  echo "bench: dense release of $DAYS days took $((SECONDS - t0)) s ($jobs processes)" | tee -a "$OUT/prep-timings.txt" >&2
  echo "$STAMP" > "$OUT/.release"
  touch "$OUT/release-$DAYS.done"
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
