#!/usr/bin/env bash
# Renders assets/icon/folkmoot.svg to the sizes each platform needs: PNGs (Linux, and the app's windows),
# folkmoot.ico (Windows) and folkmoot.icns (macOS). Needs: apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" folkmoot.svg -o "folkmoot-$size.png"
done
convert folkmoot-16.png folkmoot-32.png folkmoot-48.png folkmoot-64.png folkmoot-128.png folkmoot-256.png folkmoot.ico
png2icns folkmoot.icns folkmoot-16.png folkmoot-32.png folkmoot-128.png folkmoot-256.png folkmoot-512.png > /dev/null
ls -1 folkmoot-*.png folkmoot.ico folkmoot.icns
