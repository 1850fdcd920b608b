#!/usr/bin/env bash
# Benchmarks: figures, not pass/fail tests (this kind of machine is shared and noisy). Builds first if needed.
#   bash localstack/bench.sh report [--tickets 10000,100000,1000000] [--units 100] [--runs 9]
#   bash localstack/bench.sh pipeline [--seconds 15] [--lives 400]
#   bash localstack/bench.sh cold-start [--runs 5]
#   bash localstack/bench.sh chaos [--lives 3000] [--clients 16] [--kill-every 10]
#   bash localstack/bench.sh search [--tickets 100000] [--units 40] [--runs 200]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f localstack/run/target/jiesu-local-run.jar ]] || ./mvnw -q -B install -DskipTests
JAR=localstack/run/target/jiesu-local-run.jar
case "${1:-}" in
  report) shift; exec java -Xmx2g -cp "$JAR" io.jiesu.localrun.bench.MonthlyReportBenchmark "$@" ;;
  pipeline) shift; exec java -Djiesu.root=. -cp "$JAR" io.jiesu.localrun.bench.PipelineBenchmark "$@" ;;
  cold-start) shift; exec java -Djiesu.root=. -cp "$JAR" io.jiesu.localrun.bench.ColdStartBenchmark "$@" ;;
  chaos) shift; exec java -Djiesu.root=. -cp "$JAR" io.jiesu.localrun.bench.ChaosRun "$@" ;;
  search) shift; exec java -Xmx3g -cp "$JAR" io.jiesu.localrun.bench.SearchBenchmark "$@" ;;
  *) echo "usage: bash localstack/bench.sh report|pipeline|cold-start|chaos|search [options]" >&2; exit 2 ;;
esac
