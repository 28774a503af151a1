#!/usr/bin/env bash
# Builds dossier-cli/target/dossier.jsa, the AppCDS archive the ./dossier launcher uses when it
# is present: the classes a user's commands load, parsed and verified once at package time
# instead of at every start. Called by the package phase (exec-maven-plugin) with the target
# directory; skip with -Ddossier.appcds.skip. A failed training run leaves no archive (the
# launcher then runs without one), never a failed build.
#
# Training: --help, status of an empty queue, sync + drain of the demo's sample feature to an
# in-process receiver (dossier demo), and a sync --no-drain --json of that same kind; the class
# lists of these runs are merged and dumped into one static archive (Java 17: -Xshare:dump with
# -XX:SharedClassListFile). The JVM checks the jar's path, size and time when it maps the
# archive; a stale archive is ignored (-Xshare:auto in the launcher).
set -uo pipefail
target="${1:?usage: appcds.sh TARGET_DIR}"
jar="$target/dossier.jar"
archive="$target/dossier.jsa"
work="$target/appcds"
java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
rm -rf "$work" "$archive"
mkdir -p "$work"

train() {
  local name="$1"
  shift
  DOSSIER_HOME="$work/home" "$java_cmd" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off \
    -XX:DumpLoadedClassList="$work/$name.classlist" -Dorg.jooq.no-logo=true \
    -Dorg.jooq.no-tips=true -jar "$jar" "$@" >"$work/$name.out" 2>&1
}

if ! { train help --help &&
  train status status --db "$work/status.db" &&
  train status-json status --json --db "$work/status.db" &&
  train demo demo --json &&
  train demo-table demo; }; then
  echo "appcds: a training run failed; no archive (see $work/*.out)" >&2
  exit 0
fi
# One list: each class once, in first-load order; the ids of one run mean nothing in another.
cat "$work"/*.classlist | sed -E 's/ id: [0-9]+$//' | awk '!seen[$0]++' >"$work/dossier.classlist"
if ! "$java_cmd" -Xshare:dump -XX:SharedClassListFile="$work/dossier.classlist" \
  -XX:SharedArchiveFile="$archive" -cp "$jar" >"$work/dump.out" 2>&1; then
  rm -f "$archive"
  echo "appcds: the dump failed; no archive (see $work/dump.out)" >&2
  exit 0
fi
echo "appcds: $archive ($(wc -l <"$work/dossier.classlist") classes listed)"
