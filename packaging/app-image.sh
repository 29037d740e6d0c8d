#!/usr/bin/env bash
# Run by `mvn -Papp-image package` (or `mvn -Papp-image -Dgilscope.package=deb package`) after the jar is built: packages target/app-input (gilscope.jar and the
# libraries) with the jpackage of a JDK 25 found on this machine (as packaging/gilscope finds it), so the
# image carries a Java 25 runtime whatever java runs Maven. The runtime keeps bin/java: the processes
# mode starts its workers with it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
. "$here/find-jdk.sh"
jdk="$(find_jdk)" || { echo "app-image: needs a JDK 25 or newer; point GILSCOPE_JAVA_HOME at one" >&2; exit 3; }
type="${1:-app-image}" # or deb: an installable package (needs dpkg-deb and fakeroot)
common=(--name gilscope --app-version 0.1.0
  --input "$project/target/app-input" --main-jar gilscope.jar --main-class dev.gilscope.Launcher
  --icon "$project/assets/gilscope.png" --dest "$project/target/dist"
  --java-options --enable-native-access=ALL-UNNAMED
  --jlink-options "--strip-debug --no-man-pages --no-header-files")
case "$type" in
  app-image)
    rm -rf "$project/target/dist/gilscope"
    exec "$jdk/bin/jpackage" --type app-image "${common[@]}" ;;
  deb)
    rm -f "$project"/target/dist/gilscope_*.deb
    exec "$jdk/bin/jpackage" --type deb "${common[@]}" --linux-package-name gilscope --linux-shortcut \
      --linux-menu-group Education --vendor gilscope --description "See Python's global interpreter lock at work" ;;
  *) echo "app-image: unknown package type '$type'; use app-image or deb" >&2; exit 2 ;;
esac
