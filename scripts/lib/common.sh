# Shared by the launchers in scripts/: the repository root, the Java 17 flags Hadoop and HBase
# need, and building the module a launcher runs when its jars are missing or stale.
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

# The HBase layout local tables are published in (2: the rollups in family r). The quickstart's
# state and each benchmark data set's "published" marker name it, so a local table published
# in an older layout is dropped and published again.
DP_STORE_LAYOUT=2

# dp_drop_table ZK TABLE: disables and deletes TABLE of the HBase at localhost:ZK if it exists
# (a local table in an older layout, which the service can no longer read).
dp_drop_table() {
  dp_build etl
  java -cp "$(dp_classpath etl)" "$DP_ROOT/scripts/bench/CompareTables.java" drop --zookeeper "localhost:$1" "$2" >&2
}

# dp_bench_table_current MARKER ZK TABLE: true when the data set of MARKER (its .published-layoutN
# path) is published in the current layout; otherwise drops TABLE (an older layout the service
# can no longer read) from the HBase at localhost:ZK, forgets the old marker and returns false.
dp_bench_table_current() {
  local marker=$1 zk=$2 table=$3 dir
  [ -f "$marker" ] && return 0
  dir=$(dirname "$marker")
  if compgen -G "$dir/.published*" > /dev/null; then
    dp_log "bench: $dir was published in an older HBase layout: dropping table $table to publish again"
    dp_drop_table "$zk" "$table"
    rm -f "$dir"/.published*
  fi
  return 1
}

# dp_build MODULE: builds MODULE (and what it needs) when it was never built by a launcher or a
# source or pom changed since. Offline first; online only if that fails.
dp_build() {
  local module=$1 stamp="$DP_ROOT/$1/target/.dp-built"
  if [ -f "$stamp" ] && [ -z "$(find "$DP_ROOT/schemas" "$DP_ROOT/$module" "$DP_ROOT/pom.xml" \
      \( -name '*.java' -o -name '*.xml' -o -name '*.avsc' -o -name '*.yml' -o -name '*.html' -o -name '*.js' -o -name '*.css' \) \
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
