#!/usr/bin/env bash
# Builds the self-contained app image and the .deb from target/folkmoot.jar: a runtime trimmed by jlink,
# then jpackage. Run by `mvn -Pinstaller -DskipTests package` (after the jar is made); needs a JDK 17 with
# its jmods, and for the .deb: fakeroot and dpkg-deb (apt-get install -y fakeroot).
# Output: target/installer/Folkmoot/ (the app image: bin/Folkmoot runs it) and target/installer/folkmoot_*.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
# the installer's version is the pom's: the build has already written it into the filtered version.properties
# (the same file verdicts take "folkmoot X.Y.Z" from), so no second copy of the number is kept by hand
version_file=target/classes/org/folkmoot/version.properties
version=$(sed -n 's/^version=//p' "$version_file" 2>/dev/null || true)
if [ -z "$version" ]; then
  echo "packaging: no version in $version_file: run \`mvn -DskipTests package\` first" >&2
  exit 1
fi
rm -rf target/runtime target/installer target/jpackage-input
mkdir -p target/jpackage-input target/installer
cp target/folkmoot.jar target/jpackage-input/

"$jdk/bin/jlink" @packaging/jlink.txt --output target/runtime
"$jdk/bin/jpackage" --type app-image @packaging/jpackage.txt --app-version "$version" @packaging/jpackage-launcher.txt --icon assets/icon/folkmoot-256.png \
  --input target/jpackage-input --runtime-image target/runtime --dest target/installer
if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  "$jdk/bin/jpackage" --type deb @packaging/jpackage.txt --app-version "$version" @packaging/jpackage-linux.txt \
    --app-image target/installer/Folkmoot --dest target/installer
else
  echo "packaging: no dpkg-deb/fakeroot here: the app image is built, the .deb is not" >&2
fi
du -sh target/runtime target/installer/Folkmoot
ls -1 target/installer
