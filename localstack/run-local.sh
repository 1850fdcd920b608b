#!/usr/bin/env bash
# One command: build (tests skipped) and start the whole pipeline on this machine. Ctrl-C stops everything.
#   bash localstack/run-local.sh [--no-build] [--api-port 8080] [--token-port 8090]
# With a local run up, in another terminal, send a digest now (no build):
#   bash localstack/run-local.sh digest daily|weekly|monthly
# or bring tickets stored before the word index into the searches (resumable: pass the last `next` printed):
#   bash localstack/run-local.sh backfill-words [cursor]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "digest" || "${1:-}" == "backfill-words" ]]; then
  exec java -jar localstack/run/target/jiesu-local-run.jar "$@"
fi
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  ./mvnw -q -B install -DskipTests
fi
exec java -jar localstack/run/target/jiesu-local-run.jar "$@"
