#!/usr/bin/env bash
# Run by `mvn -Papp-image package` (or `mvn -Papp-image -Dgilscope.package=deb package`) after the jar is built: packages target/app-input (gilscope.jar and the
# libraries) with the jpackage of a JDK 25 found on this machine (as packaging/gilscope finds it), so the
# image carries a Java 25 runtime whatever java runs Maven. The runtime keeps bin/java: the processes
# mode starts its workers with it, and the window the JVM that runs its thread modes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
. "$here/find-jdk.sh"
. "$here/aot-cache.sh"
jdk="$(find_jdk)" || { echo "app-image: needs a JDK 25 or newer; point GILSCOPE_JAVA_HOME at one" >&2; exit 3; }
type="${1:-app-image}" # or deb: an installable package (needs dpkg-deb and fakeroot)
case "$type" in app-image|deb) ;; *) echo "app-image: unknown package type '$type'; use app-image or deb" >&2; exit 2 ;; esac
common=(--name gilscope --app-version 0.1.0
  --input "$project/target/app-input" --main-jar gilscope.jar --main-class dev.gilscope.Launcher
  --icon "$project/assets/gilscope.png" --dest "$project/target/dist"
  --java-options --enable-native-access=ALL-UNNAMED
  --java-options "${aot_quiet_flags[*]}" --java-options '-XX:AOTCache=$APPDIR/gilscope.aot'
  --jlink-options "--strip-debug --no-man-pages --no-header-files")
image="$project/target/dist/gilscope"

# The image's start-up cache, recorded by the image's own runtime with the class path its launcher uses
# (read from its .cfg, in the same order) and the same module options.
record_image_cache() {
  local app="$image/lib/app" classpath why
  classpath="$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$app/gilscope.cfg" | paste -sd:)"
  echo "app-image: recording the start-up cache (about 20 s) …"
  if ! why="$(record_aot_cache "$image/lib/runtime/bin/java" "$app/gilscope.aot" "$project/target/dist/aot-training.log" \
      -Djpackage.app-version=0.1.0 --enable-native-access=ALL-UNNAMED -cp "$classpath" dev.gilscope.Launcher)"; then
    echo "app-image: $why" >&2
  fi
}

rm -rf "$image"
"$jdk/bin/jpackage" --type app-image "${common[@]}"
record_image_cache
if [ "$type" = deb ]; then # packaged from the image, so that the cache goes with it
  rm -f "$project"/target/dist/gilscope_*.deb
  "$jdk/bin/jpackage" --type deb --app-image "$image" --name gilscope --app-version 0.1.0 \
      --icon "$project/assets/gilscope.png" --dest "$project/target/dist" --linux-package-name gilscope --linux-shortcut \
      --linux-menu-group Education --vendor gilscope --description "See Python's global interpreter lock at work"
  # jpackage copies the image without its files' times, and the JVM turns a cache down when a jar's time
  # has changed: put the image's times back into the package (under fakeroot, so files stay root's).
  deb="$(ls "$project"/target/dist/gilscope_*.deb)"
  echo "app-image: giving the package's files the image's times, so its start-up cache is usable …"
  fakeroot bash -c '
    set -euo pipefail
    raw="$(mktemp -d)"; trap "rm -rf \"$raw\"" EXIT
    dpkg-deb -R "$1" "$raw"
    (cd "$2" && find . -type f -print0) | while IFS= read -r -d "" f; do
      if [ -e "$raw/opt/gilscope/$f" ]; then touch -r "$2/$f" "$raw/opt/gilscope/$f"; fi
    done
    dpkg-deb -b "$raw" "$1" >/dev/null' _ "$deb" "$image"
fi
