#!/usr/bin/env bash
# Checks the app image that `mvn -Papp-image package` made in target/dist/gilscope: it starts from its own
# start-up cache, its command line runs
# a comparison in every emulated mode (worker processes use the image's own bin/java), it draws a lesson
# without a window, and with a display (Xvfb) its window opens, stays up and closes on SIGTERM, and runs a
# lesson and closes by itself.
# Usage: packaging/check-app-image.sh   (needs Xvfb for the window part: apt-get install xvfb libgtk-3-0)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app="$here/../target/dist/gilscope/bin/gilscope"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
say() { printf 'check-app-image: %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

[ -x "$app" ] || fail "no app image at $app; build it with: mvn -Papp-image package"

say "0. the image runs from the start-up cache it recorded"
"$app" --version > "$work/version.txt" 2>&1 || fail "--version: $(cat "$work/version.txt")"
grep -q "start-up cache: in use" "$work/version.txt" || fail "the start-up cache is not in use: $(cat "$work/version.txt")"

say "1. a comparison in every emulated mode"
"$app" run --workload count-primes --tasks 2 --size 50000 > "$work/run.txt" 2> "$work/run.err" || fail "run: $(tail -3 "$work/run.err")"
for mode in sequential gil-threads free-threads processes; do
  grep -q "^$mode .* ok " "$work/run.txt" || fail "$mode did not run: $(cat "$work/run.txt")"
done

say "2. a lesson, drawn without a window"
"$app" snapshot --lesson L1 --out "$work/l1.png" 2> "$work/snap.err" || fail "snapshot: $(tail -3 "$work/snap.err")"
[ -s "$work/l1.png" ] || fail "no picture written"

if command -v Xvfb >/dev/null 2>&1; then
  say "3. the window, under Xvfb"
  Xvfb :97 -screen 0 1600x1000x24 > /dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
  sleep 1
  DISPLAY=:97 "$app" > "$work/window.out" 2> "$work/window.err" &
  window=$!
  sleep 8
  kill -0 "$window" 2>/dev/null || fail "the window ended by itself: $(tail -5 "$work/window.err")"
  if command -v xwininfo >/dev/null 2>&1; then
    DISPLAY=:97 xwininfo -root -tree | grep -q "gilscope — see Python's GIL at work" || fail "no window titled gilscope on the display"
  fi
  if command -v import >/dev/null 2>&1; then DISPLAY=:97 import -window root "$work/window.png" 2>/dev/null && cp "$work/window.png" "$here/../target/dist/window.png"; fi
  kill -TERM "$window"
  for _ in $(seq 1 50); do kill -0 "$window" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$window" 2>/dev/null && fail "the window did not close within 5 s of SIGTERM"
  if grep -q "Exception" "$work/window.err"; then fail "the window printed an exception: $(grep -m3 Exception "$work/window.err")"; fi

  say "4. a lesson run in the window, which then closes by itself"
  DISPLAY=:97 timeout 120 "$app" window --lesson L1 --run --quit-when-done > "$work/lesson.out" 2> "$work/lesson.err" \
    || fail "the lesson's run in the window: $(cat "$work/lesson.out") $(tail -3 "$work/lesson.err")"
  grep -q "^Done: count-primes" "$work/lesson.out" || fail "the window did not say the lesson ran: $(cat "$work/lesson.out")"
  if grep -q "Exception" "$work/lesson.err"; then fail "the window printed an exception: $(grep -m3 Exception "$work/lesson.err")"; fi
else
  say "3. skipped: no Xvfb here (apt-get install xvfb libgtk-3-0)"
fi
say "all good"
