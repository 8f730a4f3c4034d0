#!/usr/bin/env bash
# Start-up benchmark, process to process (./athanor bench startup [RUNS]; figures in bench/RESULTS.md).
# Runs the packaged app-image (./athanor package makes it) on JavaFX's headless platform, RUNS times each
# (default 7, after one unmeasured warm-up), and prints the medians, in milliseconds from exec, of:
#   - the app's first window shown and the sample database's schema tree loaded, with and without the AOT cache
#     (the app prints a marker line for each with -Dathanor.startup=exit, then runs a query and exits);
#   - a minimal JavaFX window on the same runtime (the floor);
#   - `athanor run` of a one-row query against `psql -c` of the same, on the sample database's server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
[ -x "$ROOT/installer/target/image/athanor/bin/athanor" ] || { echo "bench startup: no app-image; run ./athanor package first" >&2; exit 2; }
# The image runs where the package installs it, /opt/athanor (the AOT cache serves that module path only), in a
# mount namespace of its own: at_install_path, from ./athanor.
if [ "${ATHANOR_BENCH_AT_INSTALL_PATH:-}" != 1 ]; then
  declare -F at_install_path >/dev/null || { echo "bench startup: run it through ./athanor bench startup" >&2; exit 2; }
  ATHANOR_BENCH_AT_INSTALL_PATH=1 at_install_path env JAVA_HOME="$JAVA_HOME" bash "$0" "$@"
  exit $?
fi
IMAGE=/opt/athanor
RUNTIME="$IMAGE/lib/runtime"
MODS="$IMAGE/lib/app/mods"
HEADLESS="-Dglass.platform=Headless -Dprism.order=sw"

WORK="$(mktemp -d)"
SERVER=
cleanup() {
  [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# One home for every run: the sample database is created by the warm-up run, then reused as a user's would be.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config"
mkdir -p "$HOME"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Runs the command, prints "EVENT MS" for each marker line it prints (ms from exec), waits for it to end.
timed() {
  local start line
  start="$(now_ms)"
  while IFS= read -r line; do
    case "$line" in
      athanor-startup\ *) set -- $line; echo "$2 $(($(now_ms) - start))" ;;
    esac
  done < <("$@" 2>>"$WORK/stderr")
  echo "exit $(($(now_ms) - start))"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# measure NAME COMMAND...: RUNS timed runs after a warm-up; the medians per event
measure() {
  local name="$1"
  shift
  timed "$@" >/dev/null
  : >"$WORK/$name"
  for _ in $(seq "$RUNS"); do timed "$@" >>"$WORK/$name"; done
  local event
  for event in window-shown schema-loaded exit; do
    printf '%-28s %-14s %6s ms\n' "$name" "$event" "$(awk -v e="$event" '$1 == e { print $2 }' "$WORK/$name" | median)"
  done
}

# The floor: a minimal JavaFX window, compiled here, on the app-image's runtime and JavaFX modules.
"$JAVA_HOME/bin/javac" -d "$WORK/minimal" --module-path "$MODS" --add-modules javafx.controls \
  "$ROOT/bench/src/startup/MinimalWindow.java"

echo "Start-up, headless platform, medians of $RUNS runs (ms from exec); $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
measure minimal-window "$RUNTIME/bin/java" $HEADLESS --enable-native-access=javafx.graphics -XX:+UseSerialGC \
  -XX:TieredStopAtLevel=1 --module-path "$MODS" --add-modules javafx.controls -cp "$WORK/minimal" MinimalWindow
# The launcher's options name the AOT cache; AOTMode=off is the same start without it.
measure app-without-aot env JAVA_TOOL_OPTIONS="-XX:AOTMode=off $HEADLESS -Dathanor.startup=exit" "$IMAGE/bin/athanor"
measure app-with-aot env JAVA_TOOL_OPTIONS="$HEADLESS -Dathanor.startup=exit" "$IMAGE/bin/athanor"

# The command line against psql: the sample server stays up behind a desktop left running (report mode).
env JAVA_TOOL_OPTIONS="$HEADLESS -Dathanor.startup=report" "$IMAGE/bin/athanor" >"$WORK/server.out" 2>/dev/null &
SERVER=$!
for _ in $(seq 600); do grep -q schema-loaded "$WORK/server.out" && break; sleep 0.2; done
PORT="$(sed -n 's/^port=//p' "$XDG_DATA_HOME/athanor/sample-db/server.properties")"
if ! command -v psql >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null 2>&1 || true
fi
PSQL="$(command -v psql || true)"
cat >"$WORK/one-row.athanor.json" <<'JSON'
{ "format": "athanor-project", "version": 1,
  "queries": [ { "name": "one_row", "sql": "select count(*) as resumes from resumes" } ] }
JSON
cli_runs() { # name command...: median wall time of RUNS runs after a warm-up
  local name="$1" start times=()
  shift
  "$@" >/dev/null 2>>"$WORK/stderr" || { echo "bench startup: $name failed: $*" >&2; tail -5 "$WORK/stderr" >&2; return 0; }
  for _ in $(seq "$RUNS"); do
    start="$(now_ms)"
    "$@" >/dev/null 2>>"$WORK/stderr"
    times+=($(($(now_ms) - start)))
  done
  printf '%-28s %-14s %6s ms\n' "$name" "exit" "$(printf '%s\n' "${times[@]}" | median)"
}
cli_runs "athanor-run" "$IMAGE/bin/athanor" run "$WORK/one-row.athanor.json" \
  --url "postgresql://postgres@localhost:$PORT/athanor_sample"
if [ -n "$PSQL" ]; then
  cli_runs "psql-c" "$PSQL" -h localhost -p "$PORT" -U postgres -d athanor_sample -c "select count(*) as resumes from resumes"
else
  echo "psql-c: no psql on this machine (apt install postgresql-client)"
fi
