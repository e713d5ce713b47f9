#!/usr/bin/env bash
# Issue 18: what metrics cost a cache hit. Two `speechgate serve` as shipped (the real CLI, default configuration, one
# gateway key each) in front of the same fake ElevenLabs upstream, same run: one with metrics on (the default: the
# SpeechGate meter listened to, /metrics exported), one with SPEECHGATE_Metrics__Enabled=false. wrk sends the same
# cached request to each, rounds alternating; reported: every round and the median of the per-round ratios on/off of
# requests/s (goal >= 0.97) and of server CPU per request. Afterwards the "on" gateway's /metrics must count the hits.
# Needs wrk (Debian package `wrk`). Usage: bench/metrics-overhead.sh [seconds=5] [connections=64] [rounds=6] (~2 min)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-5}"
CONNECTIONS="${2:-64}"
ROUNDS="${3:-6}"
command -v wrk >/dev/null || { echo "metrics-overhead: wrk is missing (apt-get install wrk)" >&2; exit 1; }

WORK="$(mktemp -d -t speechgate-metrics-overhead-XXXXXX)"
# shellcheck source=bench/lib/serve.sh
. bench/lib/serve.sh
trap 'bench_cleanup; rm -rf "$WORK"' EXIT

HOST_SECONDS=$((SECONDS_PER_RUN * ROUNDS * 2 + 120))
start_fake_upstream "$HOST_SECONDS"
start_serve on "$HOST_SECONDS"
ON_URL="$SERVE_URL"; ON_KEY="$SERVE_KEY"; ON_PID="$SERVE_DOTNET_PID"
ADMIN_KEY="$(SPEECHGATE_DATA="$WORK/on" ./speechgate keys create --name scraper --admin 2>/dev/null)"
start_serve off "$HOST_SECONDS" SPEECHGATE_Metrics__Enabled=false
OFF_URL="$SERVE_URL"; OFF_KEY="$SERVE_KEY"; OFF_PID="$SERVE_DOTNET_PID"
echo "speechgate serve: metrics on at $ON_URL, metrics off at $OFF_URL; fake ElevenLabs upstream on $FAKE_URL"

ROUTE="/v1/text-to-speech/$VOICE"
BODY='{"text":"Welcome back to the show, friend","model_id":"eleven_flash_v2_5"}'
script() { # key -> a wrk script posting BODY with that key
  cat >"$WORK/post-$1.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["xi-api-key"] = "$1"
LUA
  echo "$WORK/post-$1.lua"
}
ON_LUA="$(script "$ON_KEY")"; OFF_LUA="$(script "$OFF_KEY")"
post() { curl -sS -o /dev/null -D "$WORK/headers" -X POST -H 'Content-Type: application/json' -H "xi-api-key: $2" --data "$BODY" "$1$ROUTE"; }
for pair in "$ON_URL $ON_KEY" "$OFF_URL $OFF_KEY"; do
  # shellcheck disable=SC2086
  post $pair; sleep 0.3; post $pair; post $pair
  [ "$(tr -d '\r' <"$WORK/headers" | sed -n 's/^x-speechgate-cache: //Ip')" = hit ] || { echo "metrics-overhead: not warmed" >&2; exit 1; }
done

run() { # name url lua pid
  local before after
  before="$(cpu_ticks "$4")"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$3" "$2$ROUTE" >"$WORK/wrk-$1.txt"
  after="$(cpu_ticks "$4")"
  awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk-$1.txt" >"$WORK/rps-$1"
  python3 -c "print(($after - $before) * 1e6 / $(getconf CLK_TCK) / $(awk '/requests in/ {print $1}' "$WORK/wrk-$1.txt"))" >"$WORK/cpu-$1"
  awk '/Non-2xx or 3xx responses:/ {n=$NF} END {print n+0}' "$WORK/wrk-$1.txt" >"$WORK/non2xx-$1"
  printf '%-6s %10s req/s   p99 %8s   server CPU %5.1f us/request\n' "$1" "$(cat "$WORK/rps-$1")" "$(awk '$1=="99%" {print $2}' "$WORK/wrk-$1.txt")" "$(cat "$WORK/cpu-$1")"
}
echo "wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, POST $ROUTE, every request a hit (answered by the hot-hit path):"
# Warm-up (not reported): tiered JIT needs several seconds of full load on this machine.
wrk -t2 -c"$CONNECTIONS" -d8s -s "$ON_LUA" "$ON_URL$ROUTE" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d8s -s "$OFF_LUA" "$OFF_URL$ROUTE" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which goes first, so neither side always follows the other.
  if [ $((round % 2)) = 1 ]; then
    run "on$round" "$ON_URL" "$ON_LUA" "$ON_PID"; run "off$round" "$OFF_URL" "$OFF_LUA" "$OFF_PID"
  else
    run "off$round" "$OFF_URL" "$OFF_LUA" "$OFF_PID"; run "on$round" "$ON_URL" "$ON_LUA" "$ON_PID"
  fi
done

curl -sf -H "xi-api-key: $ADMIN_KEY" "$ON_URL/metrics" >"$WORK/metrics.txt"
HITS="$(awk '/^speechgate_cache_lookups_total\{result="hit"\}/ {print $2}' "$WORK/metrics.txt")"
echo "metrics-on gateway's /metrics: speechgate_cache_lookups_total{result=\"hit\"} = ${HITS:-missing}"
python3 - "$WORK" "$ROUNDS" "${HITS:-0}" <<'PY'
import statistics, sys
w, rounds, hits = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
read = lambda kind, name: float(open(f"{w}/{kind}-{name}").read())
rps = [read("rps", f"on{i}") / read("rps", f"off{i}") for i in range(1, rounds + 1)]
cpu = [read("cpu", f"on{i}") / read("cpu", f"off{i}") for i in range(1, rounds + 1)]
served = sum(float(open(f"{w}/wrk-on{i}.txt").read().split(" requests in")[0].split()[-1]) for i in range(1, rounds + 1))
print("per-round metrics on/off requests/s: " + ", ".join(f"{r:.3f}" for r in rps))
print(f"median metrics on/off requests/s = {statistics.median(rps):.3f}x (goal >= 0.97); "
      f"median server CPU per request on/off = {statistics.median(cpu):.3f}x")
bad = sum(read("non2xx", f"{side}{i}") for side in ("on", "off") for i in range(1, rounds + 1))
print(f"non-2xx answers in the measured rounds: {bad:.0f}")
sys.exit(1 if bad or hits < served else 0)
PY
