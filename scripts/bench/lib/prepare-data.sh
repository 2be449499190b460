#!/usr/bin/env bash
# scripts/bench/lib/prepare-data.sh — the query benchmark's THIN data set: BENCH_DAYS (60)
# generated days x BENCH_EVENTS_PER_DAY (300000) events from BENCH_FROM (2013-01-01) through the
# whole pipeline (enrich, aggregate, the differentially private release with its own release
# secret <data>/release.key beside the HMAC key, publish), into table datapoints of a separate
# local HBase (var/bench/hbase,
# ZooKeeper localhost:$BENCH_ZK_PORT, 2191). Cached: every step is skipped when its output
# exists (the published step: the .published marker AND the table, in this build's store layout,
# holding the last date). Leaves that HBase RUNNING (the caller stops it).
set -euo pipefail
# shellcheck source=bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench.sh"
cd "$DP_ROOT"
OUT=${BENCH_DATA:-var/bench/query}
FROM=${BENCH_FROM:-2013-01-01}
DAYS=${BENCH_DAYS:-60}
EVENTS=${BENCH_EVENTS_PER_DAY:-300000}
export DATAPOINTS_HBASE_HOME=${DATAPOINTS_HBASE_HOME:-$DP_ROOT/var/bench/hbase}
export DATAPOINTS_HBASE_ZK_PORT=${BENCH_ZK_PORT:-2191}
export DATAPOINTS_LOG_DIR=$DP_ROOT/var/bench/log
mkdir -p "$OUT" var/bench/log
TO=$(date -d "$FROM + $((DAYS - 1)) days" +%F)

# Two different secrets, as the pipeline requires: the pseudonym key and the release secret.
for key in hmac.key release.key; do
  if [ ! -f "$OUT/$key" ]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$OUT/$key"
    chmod 600 "$OUT/$key"
  fi
done
if [ ! -f "$OUT/.generated" ]; then
  echo "bench: generating $DAYS days x $EVENTS events from $FROM ..." >&2
  t0=$SECONDS
  scripts/etl generate --out "$OUT" --from "$FROM" --days "$DAYS" --events-per-day "$EVENTS"
  echo "bench: generate took $((SECONDS - t0)) s" | tee -a "$OUT/prep-timings.txt" >&2
  touch "$OUT/.generated"
fi
scripts/hbase-local start >&2
if ! bench_published "$OUT" "$DATAPOINTS_HBASE_ZK_PORT" datapoints "$TO"; then
  echo "bench: backfill $FROM..$TO (one job per stage) ..." >&2
  t0=$SECONDS
  ETL_HEAP=${ETL_HEAP:-3g} scripts/etl backfill --from "$FROM" --to "$TO" --raw "$OUT/raw" --ref "$OUT/ref" \
    --warehouse "$OUT/warehouse" --hmac-key-file "$OUT/hmac.key" --release-key-file "$OUT/release.key" \
    --zookeeper "localhost:$DATAPOINTS_HBASE_ZK_PORT"
  echo "bench: backfill took $((SECONDS - t0)) s" | tee -a "$OUT/prep-timings.txt" >&2
  touch "$OUT/.published"
fi
