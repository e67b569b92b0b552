#!/usr/bin/env bash
# The hall under several window managers and screen sizes (issue 14): the real app walked from the start screen
# through a rehearsal to the minutes' preview, the whole screen photographed at each step, and every window's
# place checked against the screen (OUT/<wm>-<size>/windows.txt; a summary of what does not fit at the end).
# Needs: apt-get install -y xvfb libgtk-3-0 imagemagick openbox metacity xfwm4
# Choose: WMS="openbox metacity" SIZES="1024x768" OUT=/tmp/hall bash scripts/hall-shots.sh
# Two screens side by side (one Xinerama screen of two heads): TWO=1024x768 adds a second screen of that size.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/hall}
wms=${WMS:-openbox metacity xfwm4}
sizes=${SIZES:-1024x768 1366x768 1920x1080}
mvn -q test-compile
cp="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
for wm in $wms; do
  command -v "$wm" >/dev/null || { echo "no $wm here (apt-get install -y $wm): skipped"; continue; }
  for size in $sizes; do
    dir="$out/$wm-$size${TWO:+-and-$TWO}"
    mkdir -p "$dir"
    home=$(mktemp -d)
    screens="-screen 0 ${size}x24"
    [ -n "${TWO:-}" ] && screens="+xinerama $screens -screen 1 ${TWO}x24"
    echo "== $wm at $size${TWO:+ and $TWO}"
    # the window manager first, as on a desktop: the app's windows are placed by it
    xvfb-run -a -s "$screens" bash -c "
      $wm >/dev/null 2>&1 &
      sleep 2
      java -Dfolkmoot.home='$home' -Dfolkmoot.shots.out='$dir' -Dfolkmoot.shots.locale='${LOCALE:-en}' -cp '$cp' org.folkmoot.app.HallShots
    " 2>"$dir/stderr.txt" || echo "   the walk failed: see $dir/stderr.txt"
    rm -rf "$home"
  done
done
echo "== windows that do not fit (all runs)"
grep -h -v -P '\tfits$|\tscreens\t' "$out"/*/windows.txt || echo "none"
