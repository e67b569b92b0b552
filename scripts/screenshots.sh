#!/usr/bin/env bash
# The README's screenshots of the console and the projector (discussion, a grievance round, the close),
# taken under Xvfb into assets/screenshots/. Needs xvfb (apt-get install -y xvfb libgtk-3-0).
# In Spanish, elsewhere: LOCALE=es OUT=/tmp/shots-es bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
cp="target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
home=$(mktemp -d)
xvfb-run -a -s "-screen 0 1400x900x24" java -Dfolkmoot.home="$home" \
  -Dfolkmoot.shots.locale="${LOCALE:-en}" -Dfolkmoot.shots.out="${OUT:-assets/screenshots}" -cp "$cp" org.folkmoot.app.Screenshots
rm -rf "$home"
