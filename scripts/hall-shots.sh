#!/usr/bin/env bash
# The hall under several window managers and screen sizes (issue 14): the real app walked from the start screen
# through a rehearsal to the minutes' preview, the whole screen photographed at each step, and every window's
# place checked against the screen (OUT/<wm>-<size>/windows.txt; a summary of what does not fit at the end).
# Needs: apt-get install -y xvfb libgtk-3-0 imagemagick xdotool openbox metacity xfwm4 (and mutter: WMS=mutter)
# Choose: WMS="openbox metacity" SIZES="1024x768" OUT=/tmp/hall bash scripts/hall-shots.sh
# PRINT=true also presses Print… in the preview and OK in the system's dialog (a CUPS printer, e.g. cups-pdf).
# One screen only: Xvfb has one RandR monitor, and a second output of Xorg's dummy driver is not seen by GTK
# either; the projector on a second screen is the Screenshots scenes' projector at that screen's size.
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
    dir="$out/$wm-$size"
    mkdir -p "$dir"
    home=$(mktemp -d)
    echo "== $wm at $size"
    start=$wm
    [ "$wm" = mutter ] && start="mutter --x11 --replace" # GNOME's, as a plain X11 window manager
    walk="$start >/dev/null 2>&1 & sleep 2
      java -Dfolkmoot.home='$home' -Dfolkmoot.shots.out='$dir' -Dfolkmoot.shots.locale='${LOCALE:-en}' -Dfolkmoot.shots.print='${PRINT:-false}' -cp '$cp' org.folkmoot.app.HallShots"
    # the window manager first, as on a desktop: the app's windows are placed by it
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c "$walk" 2>"$dir/stderr.txt" || echo "   the walk failed: see $dir/stderr.txt"
    rm -rf "$home"
  done
done
echo "== windows that do not fit (all runs)"
grep -h -v -P '\tfits$|\tscreens\t' "$out"/*/windows.txt || echo "none"
