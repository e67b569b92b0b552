#!/usr/bin/env bash
# Startup to the first window, under Xvfb: `bash scripts/startup-time.sh [runs]` after `mvn -q -DskipTests package`.
# Needs xvfb (apt-get install -y xvfb libgtk-3-0). Prints each run and the median, in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
home=$(mktemp -d)
times=()
for i in $(seq "$runs"); do
  t=$(xvfb-run -a -s "-screen 0 1400x900x24" java -Dfolkmoot.startupProbe=true -Dfolkmoot.home="$home" \
        -jar target/folkmoot.jar 2>/dev/null | sed -n 's/^first window after \([0-9]*\) ms$/\1/p')
  echo "run $i: ${t} ms"
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms"}'
rm -rf "$home"
