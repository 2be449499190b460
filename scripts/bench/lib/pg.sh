#!/usr/bin/env bash
# scripts/bench/lib/pg.sh install|start|load|export|stop — the peer: a PostgreSQL 15 + PostGIS 3
# cluster of our own under var/bench/pg (owned by the postgres user), 127.0.0.1:$BENCH_PG_PORT only,
# tuned to keep everything in RAM, loaded with the same release as HBase: its levels as tables
# (from the warehouse Parquet through nl.datapoints.bench.data.ExportRelease; `export` only writes
# those CSV tables and prints their directory, which DuckDB loads too).
# `install` apt-installs the Debian packages when dpkg says they are missing (a no-op otherwise;
# needs root only when something is missing).
set -euo pipefail
# shellcheck source=bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench.sh"
ROOT=$DP_ROOT
cd "$ROOT"
PGBIN=/usr/lib/postgresql/15/bin
DIR=$ROOT/var/bench/pg
PORT=${BENCH_PG_PORT:-25432}
DATA=${BENCH_DATA:-var/bench/query}
DB=${BENCH_PG_DB:-bench}   # one database per data set (thin: bench, dense: bench_dense)
as_pg() { runuser -u postgres -- "$@"; }
psql_() { as_pg env PGOPTIONS='-c client_min_messages=warning' $PGBIN/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -d "$DB" "$@"; }

PACKAGES=(postgresql-15 postgresql-15-postgis-3)

install() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} = 0 ]; then
    echo "pg: ${PACKAGES[*]} already installed"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "pg: missing Debian packages: ${missing[*]}; install them as root:" >&2
    echo "    apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "pg: installing ${missing[*]} ..."
  # The package lists may be empty (fresh container): update once and retry.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" \
    || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; }
  [ -x $PGBIN/initdb ] || { echo "pg: $PGBIN/initdb still missing after the install" >&2; exit 1; }
}

start() {
  if [ ! -d "$DIR/data" ]; then
    mkdir -p "$DIR" && chown postgres "$DIR"
    as_pg $PGBIN/initdb -D "$DIR/data" -A trust -U postgres --no-sync > "$DIR/initdb.log"
    # A competent DBA's settings for a read-only analytic table that fits in RAM (23 GB box,
    # 2 cores, shared with other work): data in shared buffers, generous work_mem, planner
    # costs for RAM-resident data, no JIT (its compile time dominates 10-100 ms queries).
    cat >> "$DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
shared_buffers = 4GB
effective_cache_size = 8GB
work_mem = 64MB
maintenance_work_mem = 1GB
random_page_cost = 1.1
effective_io_concurrency = 200
jit = off
max_parallel_workers_per_gather = 2
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 8GB
autovacuum = off
CONF
  fi
  if as_pg $PGBIN/pg_ctl -D "$DIR/data" status > /dev/null 2>&1; then
    echo "pg: already running on 127.0.0.1:$PORT"
  else
    as_pg $PGBIN/pg_ctl -D "$DIR/data" -l "$DIR/pg.log" -w -t 300 start > /dev/null
    echo "pg: started on 127.0.0.1:$PORT (pid $(head -1 "$DIR/data/postmaster.pid"))"
  fi
  as_pg $PGBIN/psql -X -q -h 127.0.0.1 -p "$PORT" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
    || as_pg $PGBIN/createdb -h 127.0.0.1 -p "$PORT" "$DB"
}

# The release's dates the peer gets: BENCH_PG_FROM..BENCH_PG_TO when given, else every date.
release_dates() {
  local d
  for d in "$ROOT/$DATA/warehouse/release"/dt=*; do
    d=${d##*/dt=}
    if [ -n "${BENCH_PG_FROM:-}" ] && { [[ $d < $BENCH_PG_FROM ]] || [[ $d > $BENCH_PG_TO ]]; }; then continue; fi
    echo "$d"
  done
}

# export_release: the level tables as CSV (nl.datapoints.bench.data.ExportRelease) in
# <data>/release-csv, rewritten when the release's manifests (their digests) changed; DuckDB reads
# the same files (scripts/bench/query). Prints the directory.
export_release() {
  local csv=$ROOT/$DATA/release-csv stamp first last dates
  # Read every date first: `release_dates | head -1` under pipefail dies of SIGPIPE when head
  # exits before the list is written, which ended a run silently.
  mapfile -t dates < <(release_dates)
  [ "${#dates[@]}" -gt 0 ] || { echo "pg: no release under $DATA/warehouse/release" >&2; exit 1; }
  first=${dates[0]}; last=${dates[-1]}
  stamp="$first..$last $(for d in "${dates[@]}"; do cat "$ROOT/$DATA/warehouse/release/dt=$d/_release.json"; done | sha256sum | cut -c1-16)"
  if [ "$(cat "$csv/.stamp" 2>/dev/null)" != "$stamp" ]; then
    bench_build
    rm -rf "$csv"
    bench_java -Xmx1g nl.datapoints.bench.data.ExportRelease --warehouse "$DATA/warehouse" --out "$csv" \
      --from "$first" --to "$last" >&2
    echo "$stamp" > "$csv/.stamp"
  fi
  chmod -R o+rX "$csv" && chmod o+r "$ROOT/$DATA/ref/postcodes.csv"
  echo "$csv"
}

# load: the "same rollups" peer: one table per released level keyed (date, pc4) with each value's
# noise variance (NULL where the value is not released), a covering btree on (date, pc4), the heap
# clustered in the same order (a date x pc4 is a few adjacent pages), vacuumed and analysed; the
# dates' baselines; the pc4 centroids as geography with a GiST index; moe95(). Reloaded when the
# release changed; prewarmed into shared buffers every time (a restarted server starts cold).
load() {
  local csv stamp
  csv=$(export_release)
  stamp=$(cat "$csv/.stamp")
  if [ "$(cat "$DIR/.loaded-$DB" 2>/dev/null)" = "$stamp" ]; then
    echo "pg: release $stamp already loaded into $DB"
  else
    t0=$SECONDS
    local v="hits bigint, hits_var double precision, delta bigint, delta_var double precision"
    local inc="hits, hits_var, delta, delta_var" moe95
    # The margin function of the peers' statements, from the one definition (RollupSql).
    moe95=$(bench_java nl.datapoints.bench.query.QueryBench moe95-sql)
    psql_ <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS cells, rel_total, rel_hour, rel_sbi, rel_cell, rel_dates, postcodes, postcodes_raw;
CREATE TABLE postcodes_raw (pc4 int, lat double precision, lon double precision, name text);
\copy postcodes_raw FROM '$ROOT/$DATA/ref/postcodes.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE postcodes AS SELECT pc4, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog FROM postcodes_raw;
ALTER TABLE postcodes ADD PRIMARY KEY (pc4);
CREATE INDEX postcodes_geog ON postcodes USING gist (geog);
CREATE UNLOGGED TABLE rel_total (date date NOT NULL, pc4 int NOT NULL, $v);
CREATE UNLOGGED TABLE rel_hour (date date NOT NULL, pc4 int NOT NULL, hour int NOT NULL, $v);
CREATE UNLOGGED TABLE rel_sbi (date date NOT NULL, pc4 int NOT NULL, sbi text NOT NULL, $v);
CREATE UNLOGGED TABLE rel_cell (date date NOT NULL, pc4 int NOT NULL, hour int NOT NULL, activity int NOT NULL, sbi text NOT NULL, $v);
CREATE TABLE rel_dates (date date PRIMARY KEY, baseline boolean NOT NULL);
\copy rel_total FROM '$csv/total.csv' WITH (FORMAT csv, HEADER true)
\copy rel_hour FROM '$csv/hour.csv' WITH (FORMAT csv, HEADER true)
\copy rel_sbi FROM '$csv/sbi.csv' WITH (FORMAT csv, HEADER true)
\copy rel_cell FROM '$csv/cell.csv' WITH (FORMAT csv, HEADER true)
\copy rel_dates FROM '$csv/dates.csv' WITH (FORMAT csv, HEADER true)
CREATE INDEX rel_total_date_pc4 ON rel_total (date, pc4) INCLUDE ($inc);
CREATE INDEX rel_hour_date_pc4 ON rel_hour (date, pc4) INCLUDE (hour, $inc);
CREATE INDEX rel_sbi_date_pc4 ON rel_sbi (date, pc4) INCLUDE (sbi, $inc);
CREATE INDEX rel_cell_date_pc4 ON rel_cell (date, pc4) INCLUDE (hour, activity, sbi, $inc);
CLUSTER rel_total USING rel_total_date_pc4;
CLUSTER rel_hour USING rel_hour_date_pc4;
CLUSTER rel_sbi USING rel_sbi_date_pc4;
CLUSTER rel_cell USING rel_cell_date_pc4;
VACUUM ANALYZE rel_total; VACUUM ANALYZE rel_hour; VACUUM ANALYZE rel_sbi; VACUUM ANALYZE rel_cell;
VACUUM ANALYZE rel_dates; VACUUM ANALYZE postcodes;
$moe95;
SQL
    echo "pg: loaded in $((SECONDS - t0)) s: $(psql_ -tAc "SELECT string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)), ', ' ORDER BY relname) FROM pg_class WHERE relname IN ('rel_total', 'rel_hour', 'rel_sbi', 'rel_cell')")"
    echo "$stamp" > "$DIR/.loaded-$DB"
  fi
  psql_ -tAc "CREATE EXTENSION IF NOT EXISTS pg_prewarm" > /dev/null
  psql_ -tAc "SELECT sum(pg_prewarm(c.oid)) || ' blocks prewarmed' FROM pg_class c WHERE relname IN ('rel_total', 'rel_hour', 'rel_sbi', 'rel_cell', 'rel_dates', 'postcodes', 'rel_total_date_pc4', 'rel_hour_date_pc4', 'rel_sbi_date_pc4', 'rel_cell_date_pc4', 'rel_dates_pkey', 'postcodes_pkey', 'postcodes_geog')" | sed 's/^/pg: /'
}

stop() {
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_pg $PGBIN/pg_ctl -D "$DIR/data" -m fast -w stop > /dev/null && echo "pg: stopped"
  else
    echo "pg: not running"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  load) load ;;
  export) export_release ;;
  stop) stop ;;
  *) echo "usage: scripts/bench/lib/pg.sh install|start|load|export|stop" >&2; exit 2 ;;
esac
