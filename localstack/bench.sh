#!/usr/bin/env bash
# Benchmarks: figures, not pass/fail tests (this kind of machine is shared and noisy). Builds first if needed.
#   bash localstack/bench.sh report [--tickets 10000,100000,1000000] [--units 100] [--runs 9]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f localstack/run/target/jiesu-local-run.jar ]] || ./mvnw -q -B install -DskipTests
JAR=localstack/run/target/jiesu-local-run.jar
case "${1:-}" in
  report) shift; exec java -Xmx2g -cp "$JAR" io.jiesu.localrun.bench.MonthlyReportBenchmark "$@" ;;
  *) echo "usage: bash localstack/bench.sh report [options]" >&2; exit 2 ;;
esac
