#!/usr/bin/env bash
# Issue 19: peak resident memory of a real `speechgate serve` (local engine, shipped defaults, cache on) while long clips
# stream as pcm_22050 to slow clients (~200 KB/s each), against the same server idle (warmed) in the same run.
# Usage: bench/stream-memory.sh [--root DIR] [scenario...]; scenarios: one-34k (1 x 34,000 chars), twenty-5k and
# twenty-30k (20 concurrent distinct texts); default all three. hit-34k (not in the default set): the 34,000-character
# clip stored first, then read again as a cache hit for 20 s (longer than the 64 MiB memory tier, so it comes from disk). --root runs another checkout's speechgate (the "before").
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_ROOT="$PWD"
ROOT="$PWD"
if [ "${1:-}" = "--root" ]; then ROOT="$(cd "$2" && pwd)"; shift 2; fi
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(one-34k twenty-5k twenty-30k)
RATE=$((200 * 1024))
MAX_GROWTH_MB=32
MAX_RATIO=1.2

WORK="$(mktemp -d -t speechgate-stream-memory-XXXXXX)"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build -c Release "$BENCH_ROOT/bench/StreamMemory/StreamMemory.csproj" -v q -nologo >/dev/null
CLIENT="$BENCH_ROOT/artifacts/bin/StreamMemory/release/SpeechGate.Bench.StreamMemory.dll"
"$ROOT/speechgate" --help >/dev/null # builds the CLI (Release) if needed, outside the measured runs
echo "server: $ROOT/speechgate serve (local engine, shipped defaults); clients read pcm_22050 at $((RATE / 1024)) KB/s each"

run() { # name streams characters [hit] -> key=value lines in $WORK/<name>.out
  local name="$1" streams="$2" characters="$3" mode="${4:-}" port data
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  data="$WORK/$name-data"
  mkdir -p "$data"
  # A fresh data directory and process per scenario: peak memory is the process's own, not the previous scenario's.
  ( cd "$WORK" && SPEECHGATE_DATA="$data" exec dotnet "$ROOT/artifacts/bin/SpeechGate.Cli/release/SpeechGate.Cli.dll" serve --port "$port" ) \
    >"$WORK/$name.server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do grep -q 'listening on' "$WORK/$name.server.log" 2>/dev/null && break; sleep 0.1; done
  grep -q 'listening on' "$WORK/$name.server.log" || { echo "stream-memory: serve did not start" >&2; cat "$WORK/$name.server.log" >&2; exit 1; }
  timeout 1600 dotnet "$CLIENT" "http://127.0.0.1:$port" "$SERVER_PID" "$data/cache/blobs" "$streams" "$characters" "$RATE" 1500 $mode >"$WORK/$name.out" \
    || { echo "stream-memory: $name did not finish within its time limit" >&2; cat "$WORK/$name.out" >&2; }
  grep -q '^growth_kb=' "$WORK/$name.out" || { echo "stream-memory: $name measured nothing" >&2; exit 1; }
  stop_server
  local v; v() { sed -n "s/^$1=//p" "$WORK/$name.out"; }
  printf '%-11s %2s x %6s chars: idle %4d MB, peak %4d MB, growth %4d MB (VmHWM %4d MB); clips %5d MB stored, %4d MB sent to clients, synthesised in %ss\n' \
    "$name" "$streams" "$characters" $(( $(v baseline_kb) / 1024 )) $(( $(v peak_kb) / 1024 )) $(( $(v growth_kb) / 1024 )) \
    $(( $(v hwm_kb) / 1024 )) $(( $(v stored_bytes) / 1048576 )) $(( $(v received_bytes) / 1048576 )) "$(v synthesised_seconds)"
}

for scenario in "${SCENARIOS[@]}"; do
  case "$scenario" in
    one-34k) run one-34k 1 34000 ;;
    twenty-5k) run twenty-5k 20 5000 ;;
    twenty-30k) run twenty-30k 20 30000 ;;
    hit-34k) run hit-34k 1 34000 hit ;;
    *) echo "stream-memory: unknown scenario $scenario (one-34k, twenty-5k, twenty-30k, hit-34k)" >&2; exit 2 ;;
  esac
done

python3 - "$WORK" "$MAX_GROWTH_MB" "$MAX_RATIO" <<'PY'
import os, sys
work, max_growth, max_ratio = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def growth(name):
    path = f"{work}/{name}.out"
    if not os.path.exists(path): return None
    values = dict(line.strip().split("=", 1) for line in open(path) if "=" in line)
    return int(values["growth_kb"]) / 1024 if "growth_kb" in values else None
verdicts = []
hit = growth("hit-34k")
if hit is not None:
    verdicts.append(f"one 34,000-character cache hit (from disk): growth {hit:.0f} MB (limit {max_growth:.0f} MB) -> {'ok' if hit <= max_growth else 'OVER'}")
one = growth("one-34k")
if one is not None:
    verdicts.append(f"one 34,000-character stream: growth {one:.0f} MB (limit {max_growth:.0f} MB) -> {'ok' if one <= max_growth else 'OVER'}")
short, long = growth("twenty-5k"), growth("twenty-30k")
if short is not None and long is not None:
    ratio = long / max(short, 1.0)
    verdicts.append(f"20 streams, 30,000 vs 5,000 characters: growth {long:.0f} / {short:.0f} MB = {ratio:.2f}x (limit {max_ratio}x) -> {'ok' if ratio <= max_ratio else 'OVER'}")
print("\n".join(verdicts))
PY
