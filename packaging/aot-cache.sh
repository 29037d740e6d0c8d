# Sourced by packaging/gilscope and packaging/app-image.sh: records a JDK 25 ahead-of-time cache
# (JEP 483/514/515: classes loaded and linked, and method profiles, from a training run) so that the
# window's first live run is drawn by code the JIT compiles early, instead of stalling while it warms up.
#
# The training run (`gilscope train-start-up-cache`) is a user's first minutes: the board paints a large
# recording, then the window (headless) runs the default comparison in every mode and closes. The cache
# is only valid for the same java, the same class path (jars of the same times) and the same module
# options; a JVM that cannot use it starts as it would without one (its messages are silenced with
# -Xlog:aot=off,cds=off, and `gilscope --version` says whether the cache is in use).

aot_quiet_flags=(-Xlog:aot=off,cds=off)

# record_aot_cache JAVA CACHE LOG JVM-ARGS… — the JVM args end with the main class; prints nothing on
# success, a reason on failure (the cache is then left out).
record_aot_cache() {
  local java="$1" cache="$2" log="$3"; shift 3
  rm -f "$cache" "$cache.part"
  if (unset DISPLAY WAYLAND_DISPLAY
      "$java" -XX:AOTCacheOutput="$cache.part" -Dglass.platform=Headless -Dprism.order=sw "$@" \
        train-start-up-cache) >"$log" 2>&1 && [ -s "$cache.part" ]; then
    mv "$cache.part" "$cache"
  else
    rm -f "$cache.part"
    echo "the training run failed (see $log); starting without a start-up cache"
    return 1
  fi
}
