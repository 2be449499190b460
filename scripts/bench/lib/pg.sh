#!/usr/bin/env bash
# scripts/bench/lib/pg.sh install|start|load|stop — the peer: a PostgreSQL 15 + PostGIS 3 cluster of
# our own under var/bench/pg (owned by the postgres user), 127.0.0.1:$BENCH_PG_PORT only, tuned to
# keep everything in RAM, loaded with the same published cells as HBase (from the warehouse Parquet).
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
psql_() { as_pg $PGBIN/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -d "$DB" "$@"; }

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

load() {
  if [ -f "$DIR/.loaded-$DB" ]; then echo "pg: cells already loaded into $DB"; return 0; fi
  local csv=$ROOT/var/bench/pg/cells-$DB.csv
  if [ ! -s "$csv" ]; then
    bench_build
    bench_java -Xmx1g nl.datapoints.bench.data.ExportCells --warehouse "$DATA/warehouse" --out "$csv.tmp"
    mv "$csv.tmp" "$csv"
  fi
  chmod o+r "$csv" "$DATA/ref/postcodes.csv"
  t0=$SECONDS
  psql_ <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS cells, postcodes, postcodes_raw;
CREATE TABLE postcodes_raw (pc4 int, lat double precision, lon double precision, name text);
\copy postcodes_raw FROM '$ROOT/$DATA/ref/postcodes.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE postcodes AS SELECT pc4, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog FROM postcodes_raw;
ALTER TABLE postcodes ADD PRIMARY KEY (pc4);
CREATE INDEX postcodes_geog ON postcodes USING gist (geog);
CREATE UNLOGGED TABLE cells (date date NOT NULL, hour smallint NOT NULL, pc4 int NOT NULL, activity int NOT NULL,
  sbi text NOT NULL, hits bigint NOT NULL, delta bigint);
\copy cells FROM '$csv' WITH (FORMAT csv, NULL '')
-- The btree the brief asks for, covering the summed columns so a query is an index-only scan;
-- the heap clustered in the same order so a date x pc4 is a few adjacent pages.
CREATE INDEX cells_date_pc4 ON cells (date, pc4) INCLUDE (hour, sbi, hits, delta);
CLUSTER cells USING cells_date_pc4;
VACUUM ANALYZE cells;
VACUUM ANALYZE postcodes;
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
SELECT pg_prewarm('cells'), pg_prewarm('cells_date_pc4'), pg_prewarm('postcodes'), pg_prewarm('postcodes_geog');
SQL
  echo "pg: loaded in $((SECONDS - t0)) s: $(psql_ -tAc "SELECT count(*) || ' cells, ' || pg_size_pretty(pg_total_relation_size('cells')) FROM cells")"
  rm -f "$csv"
  touch "$DIR/.loaded-$DB"
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
  stop) stop ;;
  *) echo "usage: scripts/bench/lib/pg.sh install|start|load|stop" >&2; exit 2 ;;
esac
