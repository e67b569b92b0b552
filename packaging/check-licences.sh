#!/usr/bin/env bash
# After `mvn -DskipTests package`: target/folkmoot.jar carries the libraries' licences, one folder per library
# (and notices) under META-INF/third-party/, META-INF/THIRD-PARTY.txt naming every library, and no flat
# META-INF/LICENSE or NOTICE that would stand for one library only.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/folkmoot.jar
entries=$(unzip -Z1 "$jar")
fail() { echo "check-licences: $1" >&2; exit 1; }
for flat in META-INF/LICENSE META-INF/LICENSE.txt META-INF/NOTICE META-INF/NOTICE.txt; do
  if grep -qx "$flat" <<< "$entries"; then fail "$jar has a flat $flat: one library's, standing for all"; fi
done
grep -qx 'META-INF/THIRD-PARTY.txt' <<< "$entries" || fail "no META-INF/THIRD-PARTY.txt in $jar"
listed=$(unzip -p "$jar" META-INF/THIRD-PARTY.txt | awk '{print $1}')
count=0
for library in $(grep -oE '^META-INF/third-party/[^/]+/$' <<< "$entries" | cut -d/ -f3); do
  grep -qx "$library" <<< "$listed" || fail "$library is in $jar but not in META-INF/THIRD-PARTY.txt"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || fail "no META-INF/third-party/<library>/ folders in $jar"
echo "check-licences: $count libraries' licence folders, each named in META-INF/THIRD-PARTY.txt; no flat LICENSE or NOTICE"
