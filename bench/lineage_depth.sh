#!/usr/bin/env bash
# Lineage traversal latency on a large synthetic lineage graph (in process, no HTTP).
#
# Compiles the lineage module's test classes (with graph-store and ontology), then runs
# io.tessera.lineage.bench.LineageDepthBenchmark, which builds an on-disk TDB2 store through the
# production LineageProjector and times LineageQueries.lineage(...) for several depths and
# directions. Prints a table and writes bench/results/lineage-depth.json.
#
# Usage: bench/lineage_depth.sh [--jobs 55000] [--chain 100] [--hubs 50] [--hub-fraction 0.1]
#          [--batch 1000] [--samples 200] [--hub-samples 20] [--depths 1,5,20]
#          [--directions UPSTREAM,BOTH] [--seed 42] [--row-budget 15]
#          [--reruns 6000] [--warmup 200] [--dir PATH [--reuse]] [--compact]
#          [--out PATH]
# Environment: JAVA_HOME (default Temurin 25), BENCH_JAVA_OPTS (extra JVM options, e.g. a JFR
# recording), SKIP_BUILD=1 to reuse the compiled classes and classpath of a previous run.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="${TMPDIR:-/tmp}/tessera-lineage-depth-build"
mkdir -p "$work" bench/results
cp="$work/classpath.txt"
if [[ "${SKIP_BUILD:-0}" != "1" || ! -s "$cp" ]]; then
  echo "compiling lineage (+ graph-store, ontology) test classes and resolving the classpath ..."
  # one reactor build: test-compile, then build-classpath, so in-reactor modules resolve to their
  # target/classes; every module writes the file, lineage (built last) wins
  ./mvnw -q -o -pl lineage -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp" -Dmdep.includeScope=test \
    || ./mvnw -q -pl lineage -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
fi
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -cp "lineage/target/test-classes:lineage/target/classes:$(cat "$cp")" \
  io.tessera.lineage.bench.LineageDepthBenchmark "$@"
