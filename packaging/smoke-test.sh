#!/usr/bin/env bash
# The packaged app on a machine without Java: the app image copied elsewhere and the .deb unpacked (and, as
# root, installed), each run with no JDK on PATH and no JAVA_HOME: a meeting replayed, its verdict verified,
# and the desktop app started under Xvfb to its first window. Run after packaging/build.sh; INSTALL=1 (as root)
# also installs the .deb with apt-get, runs it and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bare() { env -i HOME="$work/home" FOLKMOOT_HOME="$work/data" PATH=/nonexistent DISPLAY="${DISPLAY:-}" "$@"; }

echo "== the app image, copied to $work/copy"
cp -r target/installer/Folkmoot "$work/copy"
app="$work/copy/bin/Folkmoot"
bare "$app" --version
bare "$app" replay assets/meetings/bakery.jsonl --out "$work/out"
bare "$app" verify "$work/out/B-1.verdict"

echo "== the .deb, unpacked into $work/root"
deb=$(ls target/installer/folkmoot_*.deb)
dpkg-deb --info "$deb" | grep -E 'Package|Version|Installed-Size|Depends' || true
dpkg-deb -x "$deb" "$work/root"
unpacked=$(find "$work/root" -path '*/bin/Folkmoot' -type f | head -1)
bare "$unpacked" verify "$work/out/B-1.verdict"
find "$work/root" -name '*.desktop' -type f -exec grep -E '^(Name|Exec|Icon|MimeType)=' {} \;

if [ "${INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "== the .deb, installed with apt-get (its dependencies from Debian), run, and removed"
  # the menu folders every desktop Debian has (a bare container lacks them, and the menu entry needs them)
  mkdir -p /usr/share/applications /usr/share/desktop-directories
  apt-get install -y "$(readlink -f "$deb")" > "$work/apt.log" 2>&1 || { tail -5 "$work/apt.log"; exit 1; }
  installed=$(dpkg -L folkmoot | grep '/bin/Folkmoot$' | head -1)
  echo "installed: $installed"
  bare "$installed" verify "$work/out/B-1.verdict"
  apt-get remove -y folkmoot > /dev/null 2>&1
  echo "(removed again)"
fi

if command -v xvfb-run > /dev/null; then
  echo "== the desktop app, to its first window (Xvfb)"
  for i in 1 2 3; do
    env -i HOME="$work/home" FOLKMOOT_HOME="$work/data" PATH=/usr/bin:/bin JAVA_TOOL_OPTIONS=-Dfolkmoot.startupProbe=true \
      xvfb-run -a -s "-screen 0 1280x800x24" "$app" 2>/dev/null | grep 'first window'
  done
fi
