# Shared by the benchmark launchers in scripts/bench/: the bench jar built by Maven (module
# bench) and run with its runtime classpath, and whether a benchmark data set is published in a
# table this build can read. Sources scripts/lib/common.sh.
# shellcheck shell=bash
# shellcheck source=../../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../lib/common.sh"

# bench_build: builds the bench module (and etl, whose launcher the benchmarks also use) when
# stale; then bench_java can run.
bench_build() {
  dp_build etl && dp_build bench
}

# bench_java [JVM OPTIONS...] CLASS [ARGS...]: runs a bench tool (nl.datapoints.bench.*) with the
# Java 17 flags and the bench classpath. HBase and Hadoop log like scripts/etl: into
# $DATAPOINTS_LOG_DIR/etl.log (default var/bench/log), nothing below FATAL on the console.
bench_java() {
  bench_java_cmd
  "${BENCH_JAVA[@]}" "$@"
}

# bench_java_cmd: sets the array BENCH_JAVA to bench_java's command line without the class, for
# callers that run a tool under /usr/bin/time (which cannot run a shell function).
bench_java_cmd() {
  local logdir=${DATAPOINTS_LOG_DIR:-$DP_ROOT/var/bench/log}
  mkdir -p "$logdir"
  read -ra BENCH_JAVA <<< "java $DP_JAVA17_FLAGS"
  BENCH_JAVA+=("-Dlog4j.configuration=file:$DP_ROOT/scripts/lib/log4j-etl.properties"
    "-Ddatapoints.log.dir=$logdir" -cp "$(dp_classpath bench)")
}

# bench_published DATADIR ZK TABLE LAST: true when the data set in DATADIR was published (its
# .published marker) into TABLE of the HBase at localhost:ZK, up to its LAST date, in the store
# layout this build reads. A table in an older layout (the table records its layout) is dropped
# and the marker removed, so the caller publishes again; a missing table or date is just false.
bench_published() {
  local dir=$1 zk=$2 table=$3 last=$4 status
  status=$(dp_table_status "$zk" "$table" "$last") || return 1
  if ! dp_status_layout_ok "$status"; then
    dp_log "bench: table $table is in an older store layout: dropping it to publish $dir again"
    dp_drop_table "$zk" "$table"
    rm -f "$dir"/.published*
    return 1
  fi
  # .published-layoutN: the marker of earlier builds (the layout is now the table's to say).
  compgen -G "$dir/.published*" > /dev/null && dp_status_has_date "$status" "$last"
}
