#!/usr/bin/env bash
# The documented whole-process run of docs/performance.md in one command (issue 17): unpacks the
# corpus under target/ when missing, builds the bench jar (the launcher builds the CLI jar and its
# class-data archive itself when stale), prints the machine, date and load, then runs the cli
# scenario: 5 alternating rounds and the 20 ms receiver latency at concurrency 4 and 16. Every
# receiver process starts cold; DOSSIER_BENCH_RECEIVER=warm warms each one first (ReceiverWarmUp).
# Output also goes to target/cli-run.txt. Usage: bash dossier-bench/cli-run.sh [rounds] [latency-ms]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=target/corpus/kitty-specs
if [ ! -d "$corpus" ]; then
  archive=../shared/corpus/spec-kitty-corpus.tar.gz
  [ -f "$archive" ] || { echo "cli-run: no corpus ($archive); nothing measured" >&2; exit 0; }
  mkdir -p target/corpus && tar xzf "$archive" -C target/corpus
fi
./mvnw -B -q -Pbench -pl dossier-bench -am package -DskipTests
./dossier --version >/dev/null
{
  echo "=== $(date -u +%FT%TZ) nproc $(nproc) load $(cut -d' ' -f1-3 /proc/loadavg) receivers ${DOSSIER_BENCH_RECEIVER:-cold}"
  java -version 2>&1 | head -2
  echo ":: java -jar dossier-bench/target/dossier-bench.jar cli $corpus ${1:-5} ./dossier ${2:-20}"
  java -jar dossier-bench/target/dossier-bench.jar cli "$corpus" "${1:-5}" ./dossier "${2:-20}"
} 2>&1 | tee target/cli-run.txt
