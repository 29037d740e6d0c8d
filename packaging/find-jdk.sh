# Sourced by packaging/gilscope and packaging/app-image.sh: how to find a JDK 25 on this machine.

java_major() { # prints the feature version of a java binary, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() { # prints the home of a JDK 25 or newer
  local candidates=()
  [ -n "${GILSCOPE_JAVA_HOME:-}" ] && candidates+=("$GILSCOPE_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local d
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in "${candidates[@]}"; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      local v; v="$(java_major "$d/bin/java")"
      if [ -n "$v" ] && [ "$v" -ge 25 ]; then printf '%s\n' "$d"; return 0; fi
    fi
  done
  return 1
}
