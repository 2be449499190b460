# Shared by the launchers in scripts/ and scripts/bench/: the repository root, the Java 17 flags
# Hadoop and HBase need, and building the module a launcher runs when its jars are missing or stale.
# shellcheck shell=bash
DP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export DP_ROOT
DP_JAVA17_FLAGS="--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED \
--add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED \
--add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens java.base/java.io=ALL-UNNAMED --add-opens java.base/java.net=ALL-UNNAMED \
--add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true"
export DP_JAVA17_FLAGS

dp_log() { printf '%s\n' "$*" >&2; }

# dp_table_status ZK TABLE [DATE]: `scripts/etl status --json` of TABLE in the HBase at
# localhost:ZK (only DATE when given). The table records its store layout; "layout_ok" says
# whether this build reads and writes it (true also when the table does not exist yet).
dp_table_status() {
  "$DP_ROOT/scripts/etl" status --json --table "$2" --zookeeper "localhost:$1" ${3:+--date "$3"}
}

# dp_status_layout_ok STATUS: true when the JSON of dp_table_status says layout_ok.
dp_status_layout_ok() { grep -Eq '"layout_ok" *: *true' <<< "$1"; }

# dp_status_has_date STATUS DATE: true when the JSON of dp_table_status lists DATE as published.
dp_status_has_date() { grep -Eq "\"date\" *: *\"$2\"" <<< "$1"; }

# dp_drop_table ZK TABLE: disables and deletes TABLE of the HBase at localhost:ZK if it exists
# (e.g. a local table in an older store layout, which the service can no longer read).
dp_drop_table() {
  "$DP_ROOT/scripts/etl" drop-table --table "$2" --zookeeper "localhost:$1" >&2
}

# dp_build MODULE: builds MODULE (and what it needs) when it was never built by a launcher or a
# source or pom changed since. Offline first; online only if that fails.
dp_build() {
  local module=$1 stamp="$DP_ROOT/$1/target/.dp-built" watch=("$DP_ROOT/schemas" "$DP_ROOT/$1") names=() ext
  # The bench tools run etl's code too (its jar is on the bench classpath).
  [ "$module" = bench ] && watch+=("$DP_ROOT/etl")
  for ext in java xml avsc yml html js css; do names+=(-o -name "*.$ext"); done
  if [ -f "$stamp" ] && [ -z "$(find "${watch[@]}" "$DP_ROOT/pom.xml" \( "${names[@]:1}" \) \
      -path '*/src/main/*' -newer "$stamp" -print -quit 2>/dev/null)" ] \
      && [ ! "$DP_ROOT/pom.xml" -nt "$stamp" ] && [ ! "$DP_ROOT/$module/pom.xml" -nt "$stamp" ]; then
    return 0
  fi
  dp_log "building $module (mvn package -DskipTests) ..."
  (cd "$DP_ROOT" && { mvn -B -q -o -pl "$module" -am package -DskipTests >/dev/null 2>&1 \
      || mvn -B -q -pl "$module" -am package -DskipTests; }) || { dp_log "build of $module failed"; return 1; }
  touch "$stamp"
}

# dp_classpath MODULE: the module's jar, then its runtime dependencies.
dp_classpath() {
  local module=$1
  local jar
  jar=$(ls "$DP_ROOT/$module"/target/datapoints-"$module"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-job' | head -1)
  printf '%s:%s' "$jar" "$(cat "$DP_ROOT/$module/target/classpath.txt")"
}
